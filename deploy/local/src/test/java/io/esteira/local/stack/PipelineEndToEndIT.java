package io.esteira.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.oltp.BaseDataGenerator;
import io.esteira.oltp.ChangeWorkload;
import io.esteira.oltp.OltpSchema;
import io.esteira.oltp.ProgressListener;
import io.esteira.runtime.config.Endpoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The four services, a real broker and two real PostgreSQL databases: after a scripted workload
 * (inserts, SCD2 moves, soft and hard deletes, returns, a long open transaction, a timestamp tie
 * across pages) and an arbitrary generated one, the DW equals the OLTP.
 */
class PipelineEndToEndIT {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("e2e_oltp");

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("e2e_dw");

    @Test
    void shouldLeaveAWarehouseThatReconcilesExactlyWithItsOltp() throws Exception {
        OltpSchema.migrate(oltp.dataSource());
        new BaseDataGenerator(7, 1).generate(oltp.dataSource(), ProgressListener.silent());
        JdbcTemplate source = new JdbcTemplate(oltp.dataSource());
        StackOptions options = new StackOptions(
                new Endpoint(oltp.jdbcUrl(), oltp.username(), oltp.password()),
                new Endpoint(dw.jdbcUrl(), dw.username(), dw.password()),
                null,
                0,
                0,
                Map.of("esteira.extractor.interval", "PT1S"));
        try (LocalStack stack = LocalStack.start(options, line -> {})) {
            try (Connection longWriter = oltp.connect();
                    Statement held = longWriter.createStatement()) {
                longWriter.setAutoCommit(false);
                // Held open while everything below commits: inserts only, so nothing else waits on it.
                held.execute("INSERT INTO core.regions (region_id, name, state, country)"
                        + " VALUES (900, 'Held open', 'AM', 'BR')");
                held.execute("INSERT INTO core.customers (customer_id, name, email, customer_type, city, state,"
                        + " region_id, segment) VALUES (90000, 'Late Customer', 'late@x', 'individual', 'Manaus',"
                        + " 'AM', 900, 'consumer')");
                held.execute("INSERT INTO core.orders (order_id, order_number, customer_id, seller_id, discount_id,"
                        + " status, order_date, channel) VALUES (900000, 'HELD-1', 90000, 1, NULL, 'paid',"
                        + " now(), 'web')");
                held.execute("INSERT INTO core.order_items (order_item_id, order_id, product_id, quantity,"
                        + " unit_price, unit_cost, discount_amount) VALUES (9000000, 900000, 1, 2, 10.00, 4.00, 0)");

                // SCD2 moves: a customer changes segment, a seller changes team, a product changes price.
                source.update("UPDATE core.customers SET segment = 'vip' WHERE customer_id = 1");
                source.update("UPDATE core.sellers SET team_id = (SELECT MAX(team_id) FROM core.teams)"
                        + " WHERE seller_id = 1");
                source.update("UPDATE core.products SET unit_cost = unit_cost + 1 WHERE product_id = 2");
                // A tie: 600 rows of one transaction share one timestamp and one version, across pages.
                source.update(
                        "UPDATE core.order_items SET discount_amount = discount_amount WHERE order_item_id <= 600");
                // Soft delete of an order, hard delete of an item (its returns first), a new return.
                source.update("UPDATE core.orders SET deleted_at = now() WHERE order_id = 3");
                source.update("DELETE FROM core.returns WHERE order_item_id = 20");
                source.update("DELETE FROM core.order_items WHERE order_item_id = 20");
                source.update("INSERT INTO core.returns (order_item_id, quantity, refund_amount, status)"
                        + " VALUES (30, 1, 5.00, 'approved')");
                // And an arbitrary workload on top.
                new ChangeWorkload(new ChangeWorkload.Options(11, 0, null, 300))
                        .run(oltp.dataSource(), ProgressListener.silent());

                longWriter.commit();
            }

            ByteArrayOutputStream progress = new ByteArrayOutputStream();
            StackRunner runner = new StackRunner(stack, new PrintStream(progress), Duration.ofSeconds(30));
            StackRunner.End end = runner.run(Instant.now().plusSeconds(240), Duration.ofSeconds(6), () -> false);
            assertThat(end).as("pipeline idle within 4 minutes\n%s", progress).isEqualTo(StackRunner.End.IDLE);

            Reconciliation.Result result = Reconciliation.compare(oltp.dataSource(), dw.dataSource());
            assertThat(result.differentDays()).isEmpty();
            assertThat(result.missing()).isEmpty();
            assertThat(result.extra()).isEmpty();
            assertThat(result.oltpItems()).isGreaterThan(1000);
            assertThat(warehouse()
                            .queryForObject(
                                    "SELECT COUNT(*) FROM fact.fact_vendas WHERE order_item_id = 9000000",
                                    Integer.class))
                    .as("the row of the transaction held open arrived")
                    .isEqualTo(1);

            JdbcTemplate warehouse = warehouse();
            assertThat(warehouse.queryForObject(
                            "SELECT COUNT(*) FROM dim.dim_cliente WHERE cliente_id = 1", Integer.class))
                    .isGreaterThanOrEqualTo(2);
            assertThat(warehouse.queryForObject(
                            "SELECT COUNT(*) FROM dim.dim_vendedor WHERE vendedor_id = 1", Integer.class))
                    .isGreaterThanOrEqualTo(2);
            for (String dim :
                    new String[] {"dim_cliente", "dim_produto", "dim_vendedor", "dim_desconto", "dim_regiao"}) {
                assertThat(warehouse.queryForObject(
                                "SELECT COUNT(*) FROM dim." + dim + " WHERE inferido", Integer.class))
                        .as("inferred members left in %s once every row arrived", dim)
                        .isZero();
            }
            // Every live customer is in the DW once as its current version.
            Long liveCustomers =
                    source.queryForObject("SELECT COUNT(*) FROM core.customers WHERE deleted_at IS NULL", Long.class);
            assertThat(warehouse.queryForObject(
                            "SELECT COUNT(*) FROM dim.dim_cliente WHERE atual AND NOT excluido AND cliente_id IS NOT NULL",
                            Long.class))
                    .isEqualTo(liveCustomers);
            // KPI views equal the same KPIs computed straight from the OLTP.
            BigDecimal revenue = warehouse.queryForObject(
                    "SELECT SUM(receita_liquida) FROM mart.kpi_vendas_diarias", BigDecimal.class);
            assertThat(revenue).isEqualByComparingTo(result.oltpNet());
            BigDecimal margin =
                    warehouse.queryForObject("SELECT SUM(margem_bruta) FROM mart.kpi_vendas_diarias", BigDecimal.class);
            BigDecimal oltpMargin = source.queryForObject(
                    "SELECT SUM(i.quantity * i.unit_price - i.discount_amount - i.quantity * i.unit_cost)"
                            + " FROM core.order_items i JOIN core.orders o ON o.order_id = i.order_id"
                            + " WHERE i.deleted_at IS NULL AND o.deleted_at IS NULL",
                    BigDecimal.class);
            assertThat(margin).isEqualByComparingTo(oltpMargin);
            BigDecimal returnRate = warehouse.queryForObject(
                    "SELECT CAST(SUM(quantidade_devolvida) AS numeric(18,6)) / SUM(quantidade) FROM mart.kpi_vendas_diarias",
                    BigDecimal.class);
            BigDecimal oltpReturnRate = source.queryForObject(
                    "SELECT CAST(COALESCE(SUM(r.q), 0) AS numeric(18,6)) / SUM(i.quantity)"
                            + " FROM core.order_items i JOIN core.orders o ON o.order_id = i.order_id"
                            + " LEFT JOIN (SELECT order_item_id, SUM(quantity) q FROM core.returns"
                            + " WHERE deleted_at IS NULL GROUP BY order_item_id) r ON r.order_item_id = i.order_item_id"
                            + " WHERE i.deleted_at IS NULL AND o.deleted_at IS NULL",
                    BigDecimal.class);
            assertThat(returnRate).isEqualByComparingTo(oltpReturnRate);
        }
    }

    private static JdbcTemplate warehouse() {
        return new JdbcTemplate(dw.dataSource());
    }
}
