package io.esteira.quality.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.QualityResult.Status;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.quality.check.Check;
import io.esteira.quality.check.CheckFactory;
import io.esteira.quality.check.Database;
import io.esteira.quality.check.Evaluation;
import io.esteira.quality.check.FreshnessCheck;
import io.esteira.quality.config.QualityProperties.CheckProperties;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each check kind, as shipped in {@code quality-checks.yml}, on a real OLTP and DW: it passes on the
 * consistent {@link Fixture} and fails, with the offending keys and values, after one corruption. One
 * subclass per database.
 */
abstract class AbstractChecksScenario {

    private final Map<String, CheckProperties> shipped = Fixture.shippedChecks();
    private CheckFactory factory;

    protected abstract DataSource oltp();

    protected abstract DataSource dw();

    /** The DW as the checks read it; the login of {@link #dw()} unless a subclass reads with another. */
    protected DataSource checksDw() {
        return dw();
    }

    /** The newest {@code row_version} of table {@code %s} as a bigint, in the OLTP's dialect. */
    protected abstract String maxVersionSql();

    /** Runs {@code statements} on the DW with foreign keys unenforced, to corrupt it on purpose. */
    protected abstract void withoutForeignKeys(String... statements);

    @BeforeEach
    void consistentWarehouse() {
        Fixture.load(oltp(), dw(), maxVersionSql());
        factory = new CheckFactory(
                Database.of("oltp", oltp(), 10),
                Database.of("dw", checksDw(), 10),
                EntityCatalog.reference(),
                Fixture.ZONE,
                10,
                Fixture.CLOCK);
    }

    @Test
    void shouldPassEveryShippedCheckOnAConsistentWarehouse() {
        shipped.forEach((id, properties) -> {
            Evaluation evaluation = check(id).evaluate();
            assertThat(evaluation.status()).as(id + ": " + evaluation.message()).isEqualTo(Status.pass);
        });
        assertThat(shipped)
                .containsKeys(
                        "orphans-fact-vendas",
                        "freshness",
                        "reconciliation-vendas",
                        "rule-quantidade-positiva",
                        "kpi-smoke-diario");
    }

    @Test
    void shouldWatchTheFreshnessOfEveryCatalogEntityByDefault() {
        assertThat(shipped.get("freshness").entities())
                .as("the shipped check lists no entities")
                .isEmpty();

        assertThat(check("freshness"))
                .isInstanceOfSatisfying(FreshnessCheck.class, freshness -> assertThat(freshness.entities())
                        .containsExactlyElementsOf(EntityCatalog.reference().names()));
    }

    @Test
    void shouldFindFactsWhoseDimensionRowWasDeleted() {
        withoutForeignKeys("DELETE FROM dim.dim_cliente WHERE cliente_sk = 1");

        Evaluation evaluation = check("orphans-fact-vendas").evaluate();

        assertThat(evaluation.status()).isEqualTo(Status.fail);
        assertThat(evaluation.value()).isEqualTo(4.0);
        assertThat(evaluation.sample())
                .containsExactly(
                        "fact_vendas.cliente_sk=1 (order_item_id=1001): no row in dim.dim_cliente",
                        "fact_vendas.cliente_sk=1 (order_item_id=1002): no row in dim.dim_cliente",
                        "fact_vendas.cliente_sk=1 (order_item_id=1003): no row in dim.dim_cliente",
                        "fact_vendas.cliente_sk=1 (order_item_id=1004): no row in dim.dim_cliente");
        assertThat(evaluation.message()).contains("4 orphan keys in fact.fact_vendas: cliente_sk 4");
    }

    @Test
    void shouldFindFactsOnAnInferredMemberOlderThanTheTolerance() {
        dwUpdate("UPDATE dim.dim_produto SET inferido = TRUE, carregado_em = TIMESTAMP '2026-11-21 14:00:00'"
                + " WHERE produto_sk = 1");
        dwUpdate("UPDATE dim.dim_produto SET inferido = TRUE, carregado_em = TIMESTAMP '2026-11-18 09:00:00'"
                + " WHERE produto_sk = 2");

        Evaluation evaluation = check("orphans-fact-vendas").evaluate();

        assertThat(evaluation.status()).isEqualTo(Status.fail);
        assertThat(evaluation.value()).isEqualTo(2.0);
        assertThat(evaluation.sample())
                .containsExactly(
                        "fact_vendas.produto_sk=2 (order_item_id=1002): inferred member of dim.dim_produto since"
                                + " 2026-11-18T09:00 UTC",
                        "fact_vendas.produto_sk=2 (order_item_id=1004): inferred member of dim.dim_produto since"
                                + " 2026-11-18T09:00 UTC");
    }

    @Test
    void shouldFindAMandatoryKeyOnTheUnknownMember() {
        dwUpdate("UPDATE fact.fact_vendas SET vendedor_sk = 0 WHERE order_item_id = 1003");

        Evaluation evaluation = check("orphans-fact-vendas").evaluate();

        assertThat(evaluation.status()).isEqualTo(Status.fail);
        assertThat(evaluation.sample())
                .containsExactly("fact_vendas.vendedor_sk=0 (order_item_id=1003): unknown member of"
                        + " dim.dim_vendedor for a mandatory key");
    }

    @Test
    void shouldFailFreshnessAndTheSlaWhenTheLoaderHasNotAppliedWhatTheExtractorPublished() {
        // the extractor's cursor is at the newest change (Fixture), but the loader applied no orders batch:
        // a stopped loader, or batches waiting in the queue or the DLQ
        dwUpdate("DELETE FROM stg.orders");

        Evaluation evaluation = check("freshness").evaluate();

        assertThat(evaluation.status()).isEqualTo(Status.fail);
        // the oldest change not applied is order 103, written 2026-11-19 10:00 UTC: 2 days 5 hours before NOW
        assertThat(evaluation.value()).isEqualTo(190_800.0);
        assertThat(evaluation.sample())
                .singleElement()
                .asString()
                .startsWith("orders: 3 change(s) not in the DW, oldest 2026-11-19T10:00 UTC (lag PT53H)")
                .contains("3 made before the SLA cutoff 2026-11-21T03:00:00Z")
                .contains("the loader has applied nothing")
                .contains("the extractor has published past it: look at the loader and the DLQ");
        assertThat(evaluation.message()).contains("DW is behind for orders");
        // each entity judged on its own: orders fails, the other ten are fresh
        assertThat(evaluation.entities()).hasSize(11).allSatisfy(e -> assertThat(e.status())
                .as(e.entity())
                .isEqualTo(e.entity().equals("orders") ? Status.fail : Status.pass));
        assertThat(evaluation.entities())
                .filteredOn(e -> e.entity().equals("orders"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.value()).isEqualTo(190_800.0);
                    assertThat(e.message()).startsWith("3 change(s) not in the DW, oldest 2026-11-19T10:00 UTC");
                });
    }

    @Test
    void shouldPassFreshnessWhenTheWarehouseHasEverythingEvenIfTheExtractorCursorIsReset() {
        dwUpdate("UPDATE ctl.etl_control SET watermark_version = 0, watermark_key = 0 WHERE entity = 'orders'");

        Evaluation evaluation = check("freshness").evaluate();

        assertThat(evaluation.status()).as(evaluation.message()).isEqualTo(Status.pass);
    }

    @Test
    void shouldWarnWhenARecentChangeWaitsLongerThanWarnAfter() {
        new JdbcTemplate(oltp())
                .update("INSERT INTO core.orders (order_id, order_number, customer_id, seller_id, status, order_date,"
                        + " channel, created_at, updated_at) VALUES (104, 'PED-104', 1, 1, 'placed',"
                        + " TIMESTAMP '2026-11-21 14:15:00', 'web', TIMESTAMP '2026-11-21 14:15:00',"
                        + " TIMESTAMP '2026-11-21 14:15:00')");

        Evaluation evaluation = check("freshness").evaluate();

        assertThat(evaluation.status()).isEqualTo(Status.warn);
        assertThat(evaluation.value()).isEqualTo(45 * 60.0);
        assertThat(evaluation.sample()).singleElement().asString().startsWith("orders: 1 change(s) not in the DW");
        assertThat(evaluation.entities())
                .filteredOn(e -> e.status() != Status.pass)
                .extracting(e -> e.entity() + " " + e.status())
                .containsExactly("orders warn");
    }

    @Test
    void shouldReportTheDayAndTheDifferenceWhenAFactAmountChanges() {
        dwUpdate("UPDATE fact.fact_vendas SET valor_total_liquido = 160.00 WHERE order_item_id = 1003");

        Evaluation evaluation = check("reconciliation-vendas").evaluate();

        assertThat(evaluation.status()).isEqualTo(Status.fail);
        assertThat(evaluation.value()).isEqualTo(1.0);
        assertThat(evaluation.days()).containsExactly(Fixture.DAY);
        assertThat(evaluation.sample())
                .containsExactly("fact_vendas 2026-11-20: net_revenue 260.00 vs 270.00 (+10.00) (OLTP vs DW)");
    }

    @Test
    void shouldReportAFactMissingFromTheDw() {
        dwUpdate("DELETE FROM fact.fact_vendas WHERE order_item_id = 1004");

        Evaluation evaluation = check("reconciliation-vendas").evaluate();

        assertThat(evaluation.status()).isEqualTo(Status.fail);
        assertThat(evaluation.sample())
                .singleElement()
                .asString()
                .startsWith("fact_vendas 2026-11-19: items 1 vs 0 (-1), orders 1 vs 0 (-1), quantity 5 vs 0 (-5),"
                        + " net_revenue 95.00");
    }

    @Test
    void shouldPassReconciliationWhileTheLoaderLagsBehindCommittedChanges() {
        // the mirror knows each item's order, as the loader writes it
        dwUpdate("UPDATE stg.order_items SET order_id = 101 WHERE order_item_id = 1002");
        // the loader is stopped; the OLTP commits a new order on DAY, changes and hard-deletes items of
        // orders 102 and 101, and raises a target: none of it is in the DW mirror or its facts yet
        oltpUpdate(
                "INSERT INTO core.orders (order_id, order_number, customer_id, seller_id, discount_id, status,"
                        + " order_date, channel, created_at, updated_at) VALUES (104, 'PED-104', 1, 1, 1, 'paid',"
                        + " TIMESTAMP '2026-11-20 18:00:00', 'web', TIMESTAMP '2026-11-20 18:00:00',"
                        + " TIMESTAMP '2026-11-20 18:00:00')",
                "INSERT INTO core.order_items (order_item_id, order_id, product_id, quantity, unit_price, unit_cost,"
                        + " discount_amount, created_at, updated_at) VALUES (1005, 104, 1, 1, 50.00, 30.00, 5.00,"
                        + " TIMESTAMP '2026-11-20 18:00:00', TIMESTAMP '2026-11-20 18:00:00')",
                "UPDATE core.order_items SET quantity = 4 WHERE order_item_id = 1003",
                "DELETE FROM core.order_items WHERE order_item_id = 1002",
                "UPDATE core.sales_targets SET target_amount = 1500.00 WHERE sales_target_id = 1");

        Evaluation evaluation = check("reconciliation-vendas").evaluate();

        assertThat(evaluation.status()).as(evaluation.message()).isEqualTo(Status.pass);
        assertThat(evaluation.message())
                .contains("(3 order(s) and 1 target(s) not yet in the DW left out on both sides)");
    }

    @Test
    void shouldPassReconciliationWhileLandedKeysWaitForTheDerivePass() {
        oltpUpdate("UPDATE core.order_items SET quantity = 4 WHERE order_item_id = 1003");
        // the lander applied the change to the mirror and queued the key; no derive pass has run, so the
        // fact still holds 3 units
        Fixture.mirrorsToLatest(oltp(), dw());
        dwUpdate(
                "UPDATE stg.order_items SET order_id = 102 WHERE order_item_id = 1003",
                "INSERT INTO ctl.derive_queue (entity, key_value) VALUES ('order_items', 1003)");

        Evaluation evaluation = check("reconciliation-vendas").evaluate();

        assertThat(evaluation.status()).as(evaluation.message()).isEqualTo(Status.pass);
        assertThat(evaluation.message()).contains("(1 order(s) and 0 target(s) not yet in the DW");
    }

    @Test
    void shouldPassReconciliationWhileALandedBatchsKeysWaitForTheDerivePass() {
        oltpUpdate(
                "UPDATE core.order_items SET quantity = 4 WHERE order_item_id = 1003",
                "UPDATE core.sales_targets SET target_amount = 1500.00 WHERE sales_target_id = 1");
        Fixture.mirrorsToLatest(oltp(), dw());
        // a PostgreSQL lander queues its batch's keys as one row (the loader's db/dw/common/V100)
        dwUpdate(
                "UPDATE stg.order_items SET order_id = 102 WHERE order_item_id = 1003",
                "UPDATE stg.order_items SET order_id = 103 WHERE order_item_id = 1004",
                "INSERT INTO ctl.derive_queue (entity, key_value, keys, key_count) VALUES ('order_items', NULL, '1003,1004', 2)",
                "INSERT INTO ctl.derive_queue (entity, key_value, keys, key_count) VALUES ('sales_targets', NULL, '1', 1)");

        Evaluation evaluation = check("reconciliation-vendas").evaluate();

        assertThat(evaluation.status()).as(evaluation.message()).isEqualTo(Status.pass);
        assertThat(evaluation.message()).contains("(2 order(s) and 1 target(s) not yet in the DW");
    }

    @Test
    void shouldFailReconciliationAtOnceOnFactsChangedInTheDwWhileTheLoaderLags() {
        oltpUpdate("UPDATE core.order_items SET quantity = 4 WHERE order_item_id = 1003");
        dwUpdate(
                "UPDATE fact.fact_vendas SET quantidade = 9 WHERE order_item_id = 1004",
                "UPDATE fact.fact_descontos SET valor_desconto_aplicado = 0.00 WHERE pedido_id = 101",
                "UPDATE fact.fact_metas SET valor_meta = 900.00 WHERE sales_target_id = 1");

        Evaluation evaluation = check("reconciliation-vendas").evaluate();

        assertThat(evaluation.status()).isEqualTo(Status.fail);
        assertThat(evaluation.value()).isEqualTo(3.0);
        assertThat(evaluation.sample())
                .containsExactly(
                        "fact_vendas 2026-11-19: quantity 5 vs 9 (+4) (OLTP vs DW)",
                        "fact_descontos 2026-11-20: discount 10.00 vs 0.00 (-10.00) (OLTP vs DW)",
                        "fact_metas 2026-11: target_amount 1000.00 vs 900.00 (-100.00) (OLTP vs DW)");
        assertThat(evaluation.days()).containsExactly(Fixture.DAY.minusDays(1), Fixture.DAY);
    }

    @Test
    void shouldFailARuleOnANegativeQuantity() {
        dwUpdate("INSERT INTO fact.fact_vendas (order_item_id, pedido_id, data_sk, cliente_sk, produto_sk, vendedor_sk,"
                + " regiao_sk, desconto_sk, quantidade, preco_unitario, valor_bruto, valor_desconto,"
                + " valor_total_liquido, custo_total, status, canal) VALUES (1005, 103, 20261119, 1, 2, 1, 1, 0, -2,"
                + " 20.00, -40.00, 0.00, -40.00, -10.00, 'shipped', 'store')");

        Evaluation evaluation = check("rule-quantidade-positiva").evaluate();

        assertThat(evaluation.status()).isEqualTo(Status.fail);
        assertThat(evaluation.value()).isEqualTo(1.0);
        assertThat(evaluation.sample()).containsExactly("order_item_id=1005, quantidade=-2, quantidade_devolvida=0");
    }

    @Test
    void shouldFailKpiSmokeWhenTheMartLosesADayThatTheFactsHave() {
        JdbcTemplate dw = new JdbcTemplate(dw());
        dw.execute("CREATE TABLE audit.dim_data_backup AS SELECT * FROM dim.dim_data WHERE data_sk = 20261120");
        try {
            withoutForeignKeys("DELETE FROM dim.dim_data WHERE data_sk = 20261120");

            Evaluation evaluation = check("kpi-smoke-diario").evaluate();

            assertThat(evaluation.status()).isEqualTo(Status.fail);
            assertThat(evaluation.sample())
                    .contains("mart.kpi_vendas_diarias 2026-11-20 has no row but fact.fact_vendas has 3 order items"
                            + " that day")
                    .contains("mart.kpi_atingimento_metas 2026-11 seller 1 realizado is 95.00 but the facts give"
                            + " 355.00");
        } finally {
            dw.execute("INSERT INTO dim.dim_data SELECT * FROM audit.dim_data_backup");
            dw.execute("DROP TABLE audit.dim_data_backup");
        }
    }

    protected Check check(String id) {
        return factory.createOne(id, shipped.get(id));
    }

    private void dwUpdate(String... statements) {
        new JdbcTemplate(dw()).batchUpdate(statements);
    }

    private void oltpUpdate(String... statements) {
        new JdbcTemplate(oltp()).batchUpdate(statements);
    }
}
