package io.esteira.quality.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.QualityResult.Status;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.quality.check.Check;
import io.esteira.quality.check.Evaluation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shipped {@code schema-drift} check on a real PostgreSQL OLTP (reference schema) and DW (mirror
 * {@code stg.*}): each test changes the OLTP's schema and puts it back.
 */
class PostgresSchemaDriftIT {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("drift_oltp");

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("drift_dw");

    private Check check;

    @BeforeAll
    static void migrate() {
        Fixture.migrate(oltp.dataSource(), dw.dataSource());
    }

    @BeforeEach
    void shippedCheck() {
        check = PostgresScenario.factory(oltp, dw, Fixture.CLOCK)
                .createOne("schema-drift", Fixture.shippedChecks().get("schema-drift"));
    }

    @Test
    void shouldPassWhenTheOltpMatchesTheCatalogAndTheMirror() {
        Evaluation evaluation = check.evaluate();

        assertThat(evaluation.status()).as(evaluation.sample().toString()).isEqualTo(Status.pass);
        assertThat(evaluation.value()).isZero();
    }

    @Test
    void shouldWarnNamingTableAndColumnWhenAColumnIsAdded() {
        oltp("ALTER TABLE core.orders ADD COLUMN coupon_code varchar(40)");
        try {
            Evaluation evaluation = check.evaluate();

            assertThat(evaluation.status()).isEqualTo(Status.warn);
            assertThat(evaluation.entities())
                    .filteredOn(e -> e.status() != Status.pass)
                    .extracting(e -> e.entity() + " " + e.status())
                    .containsExactly("orders warn");
            assertThat(evaluation.sample())
                    .containsExactly("added: core.orders.coupon_code (text(40) null) is not in the entity catalog; the"
                            + " DW does not carry it");
        } finally {
            oltp("ALTER TABLE core.orders DROP COLUMN coupon_code");
        }
    }

    @Test
    void shouldFailWhenAContractColumnIsDropped() {
        oltp("ALTER TABLE core.orders DROP COLUMN channel");
        try {
            Evaluation evaluation = check.evaluate();

            assertThat(evaluation.status()).isEqualTo(Status.fail);
            assertThat(evaluation.sample())
                    .containsExactly(
                            "dropped: core.orders.channel is used by the contract (entity orders) and no longer"
                                    + " exists in the OLTP");
            // judged per entity: orders alone fails, and alerts on its own
            assertThat(evaluation.entities())
                    .filteredOn(e -> e.status() != Status.pass)
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.entity()).isEqualTo("orders");
                        assertThat(e.status()).isEqualTo(Status.fail);
                        assertThat(e.message()).startsWith("dropped: core.orders.channel");
                    });
            assertThat(evaluation.entities()).hasSize(check.entities().size());
        } finally {
            oltp("ALTER TABLE core.orders ADD COLUMN channel varchar(20) NOT NULL DEFAULT 'web'");
        }
    }

    @Test
    void shouldFailWhenAContractColumnNoLongerFitsTheMirror() {
        oltp("ALTER TABLE core.order_items ALTER COLUMN unit_price TYPE numeric(14,4)");
        try {
            Evaluation evaluation = check.evaluate();

            assertThat(evaluation.status()).isEqualTo(Status.fail);
            assertThat(evaluation.sample())
                    .containsExactly(
                            "retyped: core.order_items.unit_price is decimal(14,4) in the OLTP, decimal(12,2) in"
                                    + " the DW mirror stg.order_items; its values do not fit");
        } finally {
            oltp("ALTER TABLE core.order_items ALTER COLUMN unit_price TYPE numeric(12,2)");
        }
    }

    @Test
    void shouldFailWhenAContractColumnChangesNullabilityBetweenRuns() {
        assertThat(check.evaluate().status()).isEqualTo(Status.pass);
        oltp("ALTER TABLE core.orders ALTER COLUMN order_number DROP NOT NULL");
        try {
            Evaluation evaluation = check.evaluate();

            assertThat(evaluation.status()).isEqualTo(Status.fail);
            assertThat(evaluation.sample())
                    .containsExactly("nullability changed: core.orders.order_number was text(30) not null, is text(30)"
                            + " null (used by the contract)");
        } finally {
            oltp("ALTER TABLE core.orders ALTER COLUMN order_number SET NOT NULL");
        }
    }

    private static void oltp(String sql) {
        new JdbcTemplate(oltp.dataSource()).execute(sql);
    }
}
