package io.esteira.quality.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.QualityResult.Status;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.quality.check.CheckFactory;
import io.esteira.quality.check.Evaluation;
import io.esteira.quality.config.QualityProperties.CheckProperties;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The generic column tests shipped in {@code quality-checks.yml} on a real PostgreSQL OLTP and DW: they
 * pass on the consistent {@link Fixture} (see {@code AbstractChecksScenario}) and each fails, counting the
 * failing rows and naming them in the sample, after one corruption.
 */
class PostgresColumnTestsIT {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("oltp");

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("dw");

    private final Map<String, CheckProperties> shipped = Fixture.shippedChecks();
    private CheckFactory factory;

    @BeforeAll
    static void migrate() {
        Fixture.migrate(oltp.dataSource(), dw.dataSource());
    }

    @BeforeEach
    void consistentWarehouse() {
        PostgresScenario.load(oltp, dw);
        factory = PostgresScenario.factory(oltp, dw, Fixture.CLOCK);
    }

    @Test
    void shouldCountNullsAndNameTheirRows() {
        dw("UPDATE fact.fact_vendas SET status = NULL WHERE order_item_id IN (1002, 1004)");

        Evaluation evaluation = evaluate("not-null-vendas-status");

        assertThat(evaluation.status()).isEqualTo(Status.fail);
        assertThat(evaluation.value()).isEqualTo(2.0);
        assertThat(evaluation.sample())
                .containsExactly(
                        "fact.fact_vendas.status=null (order_item_id=1002)",
                        "fact.fact_vendas.status=null (order_item_id=1004)");
        assertThat(evaluation.message())
                .isEqualTo("2 rows of fact.fact_vendas.status (dw database) fail the test (must not be null).");
    }

    @Test
    void shouldCountEveryRowOfADuplicatedValue() {
        new JdbcTemplate(oltp.dataSource())
                .update("INSERT INTO core.customers (customer_id, name, email, customer_type, city, state, region_id,"
                        + " segment) VALUES (2, 'Carla S.', 'carla@example.com', 'individual', 'Campinas', 'SP', 1,"
                        + " 'consumer')");

        Evaluation evaluation = evaluate("unique-clientes-email");

        assertThat(evaluation.status()).isEqualTo(Status.fail);
        assertThat(evaluation.value()).isEqualTo(2.0);
        assertThat(evaluation.sample())
                .containsExactly(
                        "core.customers.email=carla@example.com (customer_id=1): value not unique",
                        "core.customers.email=carla@example.com (customer_id=2): value not unique");
    }

    @Test
    void shouldFindAValueOutsideTheAcceptedOnesButIgnoreNulls() {
        dw("UPDATE dim.dim_cliente SET segmento = 'gold' WHERE cliente_sk = 1");
        dw("INSERT INTO dim.dim_cliente (cliente_sk, cliente_id, inferido) VALUES (2, 2, TRUE)");

        Evaluation evaluation = evaluate("accepted-values-cliente-segmento");

        assertThat(evaluation.status()).isEqualTo(Status.fail);
        assertThat(evaluation.value()).isEqualTo(1.0);
        assertThat(evaluation.sample()).containsExactly("dim.dim_cliente.segmento=gold (cliente_sk=1)");
        assertThat(evaluation.message())
                .contains("must be one of [consumer, vip, small_business, corporate, Desconhecido]");
    }

    @Test
    void shouldFindAValueBelowTheMinimum() {
        dw("UPDATE fact.fact_metas SET valor_meta = -1 WHERE sales_target_id = 1");

        Evaluation evaluation = evaluate("range-metas-valor");

        assertThat(evaluation.status()).isEqualTo(Status.fail);
        assertThat(evaluation.sample()).containsExactly("fact.fact_metas.valor_meta=-1.00 (sales_target_id=1)");
        assertThat(evaluation.message()).endsWith("(must be at least 0).");
    }

    @Test
    void shouldFindAChildWhoseParentIsMissing() {
        JdbcTemplate jdbc = new JdbcTemplate(oltp.dataSource());
        jdbc.execute("ALTER TABLE core.order_items DROP CONSTRAINT fk_order_items_order_id");
        try {
            jdbc.update("INSERT INTO core.order_items (order_item_id, order_id, product_id, quantity, unit_price,"
                    + " unit_cost, discount_amount) VALUES (1005, 999, 1, 1, 50.00, 30.00, 0.00)");

            Evaluation evaluation = evaluate("relationships-itens-pedido");

            assertThat(evaluation.status()).isEqualTo(Status.fail);
            assertThat(evaluation.value()).isEqualTo(1.0);
            assertThat(evaluation.sample())
                    .containsExactly("core.order_items.order_id=999 (order_item_id=1005): no row in core.orders"
                            + " with order_id=999");
        } finally {
            jdbc.update("DELETE FROM core.order_items WHERE order_item_id = 1005");
            jdbc.execute("ALTER TABLE core.order_items ADD CONSTRAINT fk_order_items_order_id FOREIGN KEY (order_id)"
                    + " REFERENCES core.orders (order_id)");
        }
    }

    @Test
    void shouldRefuseAColumnTestThatNamesAMissingColumnOrLacksItsFields() {
        Map<String, CheckProperties> bad = Fixture.checks("checks/bad-column-tests.yml");

        assertThatThrownBy(() -> factory.createAll(bad))
                .hasMessageContaining("Check 'not-null-typo' (esteira.quality.checks.not-null-typo): column stauts"
                        + " does not exist in fact.fact_vendas (dw database)")
                .hasMessageContaining("Check 'range-no-bounds' (esteira.quality.checks.range-no-bounds): min and max"
                        + " are both unset")
                .hasMessageContaining("Check 'accepted-empty' (esteira.quality.checks.accepted-empty): values is empty")
                .hasMessageContaining("Check 'relationships-no-parent'"
                        + " (esteira.quality.checks.relationships-no-parent): to is not set");
    }

    private Evaluation evaluate(String id) {
        Evaluation evaluation = factory.createOne(id, shipped.get(id)).evaluate();
        assertThat(evaluation.threshold()).isEqualTo("<= 0");
        return evaluation;
    }

    private static void dw(String sql) {
        new JdbcTemplate(dw.dataSource()).update(sql);
    }
}
