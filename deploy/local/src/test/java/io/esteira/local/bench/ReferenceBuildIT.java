package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.loader.schema.DwSchema;
import io.esteira.local.stack.Reconciliation;
import io.esteira.oltp.BaseDataGenerator;
import io.esteira.oltp.OltpSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reference build of a small generated source, with some soft and hard deletes and returns, on
 * real PostgreSQL: its warehouse holds what the pipeline's must hold (the warehouse contract, checked
 * against the OLTP by the bench's own reconciliation and by totals), and ends with the migrated schema.
 */
class ReferenceBuildIT {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("refbuild_oltp");

    @RegisterExtension
    static final PostgresDatabase warehouse = new PostgresDatabase("refbuild_dw");

    private static ReferenceBuild.Result result;
    private static List<String> migratedConstraintsAndIndexes;

    @BeforeAll
    static void buildTheReference() {
        OltpSchema.migrate(oltp.dataSource());
        new BaseDataGenerator(7, 2).generate(oltp.dataSource());
        JdbcTemplate source = new JdbcTemplate(oltp.dataSource());
        // What a full build must leave out or flag: a deleted order with its items, a deleted item, a
        // deleted return, a deleted customer and target; one hard-deleted item (a tombstone).
        source.update("UPDATE core.orders SET deleted_at = now() WHERE order_id = (SELECT MIN(order_id) FROM"
                + " core.orders)");
        source.update("UPDATE core.order_items SET deleted_at = now() WHERE order_item_id = (SELECT MAX(order_item_id)"
                + " FROM core.order_items)");
        source.update("UPDATE core.returns SET deleted_at = now() WHERE return_id = (SELECT MIN(return_id) FROM"
                + " core.returns)");
        source.update("UPDATE core.customers SET deleted_at = now() WHERE customer_id = (SELECT MAX(customer_id)"
                + " FROM core.customers)");
        source.update("UPDATE core.sales_targets SET deleted_at = now() WHERE sales_target_id = (SELECT"
                + " MIN(sales_target_id) FROM core.sales_targets)");
        source.update("DELETE FROM core.order_items WHERE order_item_id = (SELECT MIN(i.order_item_id) FROM"
                + " core.order_items i WHERE NOT EXISTS (SELECT 1 FROM core.returns r"
                + " WHERE r.order_item_id = i.order_item_id))");
        DwSchema.migrate(warehouse.dataSource());
        migratedConstraintsAndIndexes = constraintsAndIndexes();
        result = new ReferenceBuild(oltp.dataSource(), warehouse.dataSource()).run(line -> {});
    }

    @Test
    void shouldReconcileWithTheOltpEveryDayAndEveryKey() {
        Reconciliation.Result reconciliation = Reconciliation.compare(oltp.dataSource(), warehouse.dataSource());

        assertThat(reconciliation.reconciled()).as(reconciliation.describe()).isTrue();
        assertThat(reconciliation.oltpItems()).isPositive();
    }

    @Test
    void shouldFoldTheLiveReturnsOfLiveItemsIntoTheSales() {
        String oltpReturns = "SELECT COALESCE(SUM(r.quantity), 0), COALESCE(SUM(r.refund_amount), 0)"
                + " FROM core.returns r JOIN core.order_items i ON i.order_item_id = r.order_item_id"
                + " JOIN core.orders o ON o.order_id = i.order_id"
                + " WHERE r.deleted_at IS NULL AND i.deleted_at IS NULL AND o.deleted_at IS NULL";
        String dwReturns = "SELECT SUM(quantidade_devolvida), SUM(valor_devolvido) FROM fact.fact_vendas";

        assertThat(totals(warehouse, dwReturns)).isEqualTo(totals(oltp, oltpReturns));
        assertThat((Long) totals(warehouse, dwReturns).get(0)).isPositive();
    }

    @Test
    void shouldHoldOneDiscountRowPerLiveDiscountedOrderAndOneTargetRowPerLiveTarget() {
        String oltpDiscounts = "SELECT COUNT(DISTINCT o.order_id), COALESCE(SUM(i.discount_amount), 0)"
                + " FROM core.orders o JOIN core.order_items i ON i.order_id = o.order_id AND i.deleted_at IS NULL"
                + " WHERE o.discount_id IS NOT NULL AND o.deleted_at IS NULL";
        String dwDiscounts = "SELECT COUNT(*), COALESCE(SUM(valor_desconto_aplicado), 0) FROM fact.fact_descontos";
        String oltpTargets = "SELECT COUNT(*), SUM(target_amount) FROM core.sales_targets WHERE deleted_at IS NULL";
        String dwTargets = "SELECT COUNT(*), SUM(valor_meta) FROM fact.fact_metas WHERE vendedor_sk <> 0";

        assertThat(totals(warehouse, dwDiscounts)).isEqualTo(totals(oltp, oltpDiscounts));
        assertThat(totals(warehouse, dwTargets)).isEqualTo(totals(oltp, oltpTargets));
    }

    @Test
    void shouldKeepEveryMemberOnceWithTheDeletedFlaggedAndOneCurrentVersion() {
        JdbcTemplate dw = new JdbcTemplate(warehouse.dataSource());
        JdbcTemplate source = new JdbcTemplate(oltp.dataSource());
        for (String[] pair : List.of(
                new String[] {"dim.dim_regiao", "core.regions"},
                new String[] {"dim.dim_equipe", "core.teams"},
                new String[] {"dim.dim_vendedor", "core.sellers"},
                new String[] {"dim.dim_cliente", "core.customers"},
                new String[] {"dim.dim_produto", "core.products"},
                new String[] {"dim.dim_desconto", "core.discounts"})) {
            Map<String, Object> members = dw.queryForMap("SELECT COUNT(*) AS members,"
                    + " COUNT(*) FILTER (WHERE excluido) AS deleted, COUNT(*) FILTER (WHERE inferido) AS inferred"
                    + " FROM " + pair[0] + " WHERE " + pair[0].substring(8) + "_sk <> 0");
            Map<String, Object> rows = source.queryForMap("SELECT COUNT(*) AS members,"
                    + " COUNT(*) FILTER (WHERE deleted_at IS NOT NULL) AS deleted FROM " + pair[1]);
            assertThat(members.get("members")).as(pair[0]).isEqualTo(rows.get("members"));
            assertThat(members.get("deleted")).as(pair[0]).isEqualTo(rows.get("deleted"));
            assertThat(members.get("inferred")).as(pair[0]).isEqualTo(0L);
        }
        assertThat(dw.queryForObject(
                        "SELECT COUNT(*) FROM dim.dim_cliente WHERE cliente_sk <> 0 AND (NOT atual"
                                + " OR valido_de <> TIMESTAMP '1900-01-01' OR valido_ate <> TIMESTAMP '9999-12-31')",
                        Long.class))
                .isZero();
        assertThat(dw.queryForObject("SELECT COUNT(*) FROM dim.dim_cliente WHERE excluido", Long.class))
                .isEqualTo(1L);
    }

    @Test
    void shouldEndWithTheMigratedForeignKeysAndIndexesAndWithoutItsCopies() {
        assertThat(constraintsAndIndexes())
                .isEqualTo(migratedConstraintsAndIndexes)
                .isNotEmpty();
        assertThat(new JdbcTemplate(warehouse.dataSource())
                        .queryForObject("SELECT to_regnamespace('ref_src') IS NULL", Boolean.class))
                .isTrue();
    }

    @Test
    void shouldCountEverySourceRowAndAwaitTheTombstonesToo() {
        JdbcTemplate source = new JdbcTemplate(oltp.dataSource());
        long items = source.queryForObject("SELECT COUNT(*) FROM core.order_items", Long.class);

        assertThat(result.load().orderItems()).isEqualTo(items);
        assertThat(result.tombstones()).containsEntry("order_items", 1L);
        assertThat(result.expectedChanges()).containsEntry("order_items", items + 1);
        assertThat(result.load().rowsByEntity()).hasSize(11);
        assertThat(result.steps()).containsKeys("copy order_items", "build fact_vendas", "foreign keys and indexes");
    }

    private static List<Object> totals(PostgresDatabase database, String sql) {
        Map<String, Object> row =
                new JdbcTemplate(database.dataSource()).queryForList(sql).get(0);
        List<Object> values = new ArrayList<>();
        for (Object value : row.values()) {
            values.add(value instanceof BigDecimal decimal ? decimal.stripTrailingZeros() : value);
        }
        return values;
    }

    private static List<String> constraintsAndIndexes() {
        return new JdbcTemplate(warehouse.dataSource())
                .queryForList(
                        "SELECT conrelid::regclass || ' ' || pg_get_constraintdef(oid) FROM pg_constraint"
                                + " WHERE connamespace IN ('dim'::regnamespace, 'fact'::regnamespace)"
                                + " UNION ALL SELECT pg_get_indexdef(indexrelid) FROM pg_index i"
                                + " JOIN pg_class t ON t.oid = i.indrelid"
                                + " WHERE t.relnamespace IN ('dim'::regnamespace, 'fact'::regnamespace)"
                                + " ORDER BY 1",
                        String.class);
    }
}
