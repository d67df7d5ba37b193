package io.esteira.quality.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.QualityResult.Status;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.quality.scenario.Fixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shipped freshness and schema-drift checks watch a mirror entity ({@code mirror: true}) without being
 * told to, on a real PostgreSQL OLTP and DW: before the loader has created its {@code raw.<entity>}, while
 * its changes are not landed, once they are, and when its source column is retyped.
 */
class MirrorEntityChecksIT {

    private static final String PG_MAX_VERSION =
            "SELECT COALESCE(MAX(CAST(CAST(row_version AS text) AS bigint)), 0) FROM %s";

    /** A customer's table declared mirror: true, with its change-order column as `source prepare` adds it. */
    private static final EntityDefinition PAYMENTS = new EntityDefinition(
            "payments", "core.payments", "payment_id", List.of("payment_id", "amount", "updated_at", "deleted_at"));

    /** A customer's table declared mirror: true without columns: every column of the table. */
    private static final EntityDefinition LEADS =
            new EntityDefinition("leads", "core.leads", "lead_id", List.of("lead_id"));

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("mirror_checks_oltp");

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("mirror_checks_dw");

    private final JdbcTemplate source = new JdbcTemplate(oltp.dataSource());
    private final JdbcTemplate warehouse = new JdbcTemplate(dw.dataSource());

    @BeforeAll
    static void consistentWarehouseAndAPaymentsTable() {
        Fixture.migrate(oltp.dataSource(), dw.dataSource());
        Fixture.load(oltp.dataSource(), dw.dataSource(), PG_MAX_VERSION);
        // changed at 12:00 UTC, three hours before the checks' clock (error-after is two hours)
        new JdbcTemplate(oltp.dataSource())
                .execute("CREATE TABLE core.payments (payment_id bigint PRIMARY KEY, amount numeric(12,2),"
                        + " updated_at timestamp NOT NULL, deleted_at timestamp,"
                        + " row_version xid8 NOT NULL DEFAULT pg_current_xact_id());"
                        + " INSERT INTO core.payments (payment_id, amount, updated_at)"
                        + " VALUES (1, 5.00, '2026-11-21 12:00:00')");
        new JdbcTemplate(oltp.dataSource())
                .execute("CREATE TABLE core.leads (lead_id bigint PRIMARY KEY, name varchar(60), score integer,"
                        + " updated_at timestamp, row_version xid8 NOT NULL DEFAULT pg_current_xact_id())");
    }

    @Test
    void shouldWatchAMirrorEntityByDefaultAndFailWhileItsChangesAreNotInTheWarehouse() {
        CheckFactory factory = factory();
        Check freshness = factory.createOne("freshness", Fixture.shippedChecks().get("freshness"));
        Check drift = factory.createOne("schema-drift", Fixture.shippedChecks().get("schema-drift"));
        assertThat(freshness.entities()).contains("orders", "payments");
        assertThat(drift.entities()).contains("orders", "payments");

        // The loader has not created raw.payments: nothing of payments is applied, its change is 3 h old.
        Evaluation nothingLanded = freshness.evaluate();
        assertThat(entity(nothingLanded, "payments").status()).isEqualTo(Status.fail);
        assertThat(entity(nothingLanded, "payments").message())
                .startsWith("1 change(s) not in the DW, oldest 2026-11-21T12:00 UTC (lag PT3H)")
                .contains("the loader has applied nothing");
        assertThat(entity(nothingLanded, "orders").status()).isEqualTo(Status.pass);
        assertThat(nothingLanded.status()).isEqualTo(Status.fail);
        assertThat(entity(drift.evaluate(), "payments").status())
                .as("the source still has every declared column; no DW side yet")
                .isEqualTo(Status.pass);

        // The loader lands the row at its version, as land.sql does into raw.payments.
        warehouse.execute("CREATE TABLE raw.payments (payment_id bigint PRIMARY KEY, amount numeric(12,2),"
                + " updated_at timestamp, deleted_at timestamp, source_version bigint NOT NULL,"
                + " source_deleted boolean NOT NULL DEFAULT false, loaded_at timestamp)");
        landPayments();
        assertThat(entity(freshness.evaluate(), "payments").status()).isEqualTo(Status.pass);
        assertThat(freshness.evaluate().status()).isEqualTo(Status.pass);

        // A later change the loader has not landed: stale again.
        source.update("UPDATE core.payments SET amount = 6.00, updated_at = '2026-11-21 12:30:00',"
                + " row_version = pg_current_xact_id() WHERE payment_id = 1");
        Evaluation behind = freshness.evaluate();
        assertThat(entity(behind, "payments").status()).isEqualTo(Status.fail);
        assertThat(entity(behind, "payments").message())
                .startsWith("1 change(s) not in the DW, oldest 2026-11-21T12:30 UTC (lag PT2H30M)");

        // The source column retyped wider than raw.payments holds: the drift check fails the entity.
        source.execute("ALTER TABLE core.payments ALTER COLUMN amount TYPE numeric(14,4)");
        EntityResult retyped = entity(drift.evaluate(), "payments");
        assertThat(retyped.status()).isEqualTo(Status.fail);
        assertThat(retyped.message()).contains("retyped: core.payments.amount", "raw.payments");
    }

    @Test
    void shouldReportAColumnAddedToATableCarriedWholeAsAWarningAndADroppedOneAsCritical() {
        Check drift =
                factory().createOne("schema-drift", Fixture.shippedChecks().get("schema-drift"));
        assertThat(entity(drift.evaluate(), "leads").status())
                .as("no raw.leads yet, and no column list to compare the source with")
                .isEqualTo(Status.pass);

        warehouse.execute(
                "CREATE TABLE raw.leads (lead_id bigint PRIMARY KEY, name varchar(60), score integer, updated_at timestamp,"
                        + " source_version bigint NOT NULL, source_deleted boolean NOT NULL DEFAULT false, loaded_at timestamp)");
        EntityResult same = entity(drift.evaluate(), "leads");
        assertThat(same.status()).as(same.message()).isEqualTo(Status.pass);

        source.execute("ALTER TABLE core.leads ADD COLUMN origin varchar(20)");
        EntityResult added = entity(drift.evaluate(), "leads");
        assertThat(added.status()).isEqualTo(Status.warn);
        assertThat(added.message())
                .contains("added: core.leads.origin", "is not in the DW mirror raw.leads yet; the loader adds it");

        source.execute("ALTER TABLE core.leads DROP COLUMN score");
        EntityResult dropped = entity(drift.evaluate(), "leads");
        assertThat(dropped.status()).isEqualTo(Status.fail);
        assertThat(dropped.message())
                .contains("dropped: core.leads.score (entity leads) is in the DW mirror raw.leads");
    }

    private void landPayments() {
        warehouse.update("DELETE FROM raw.payments");
        source.query("SELECT payment_id, amount, CAST(CAST(row_version AS text) AS bigint) FROM core.payments", rs -> {
            warehouse.update(
                    "INSERT INTO raw.payments (payment_id, amount, updated_at, source_version) VALUES (?, ?, now(), ?)",
                    rs.getLong(1),
                    rs.getBigDecimal(2),
                    rs.getLong(3));
        });
    }

    private static CheckFactory factory() {
        List<EntityDefinition> entities =
                new ArrayList<>(EntityCatalog.reference().loadOrder());
        entities.add(PAYMENTS);
        entities.add(LEADS);
        return new CheckFactory(
                Database.of("oltp", oltp.dataSource(), 10),
                Database.of("dw", dw.dataSource(), 10),
                EntityCatalog.of(entities, Set.of("payments", "leads"), Set.of("leads")),
                Fixture.ZONE,
                10,
                Fixture.CLOCK);
    }

    private static EntityResult entity(Evaluation evaluation, String entity) {
        return evaluation.entities().stream()
                .filter(e -> e.entity().equals(entity))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + entity + " in " + evaluation.entities()));
    }
}
