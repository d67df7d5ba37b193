package io.esteira.local.stack;

import io.esteira.contracts.Queues;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.embedded.EmbeddedBroker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A snapshot of what the stack has done, read from the DW's control and audit tables, the
 * extractor's metrics and the embedded broker: what the progress view and the summary print, and
 * what {@code --until-idle} watches.
 */
public record StackStatus(
        Map<String, EntityProgress> entities,
        Map<String, Long> warehouse,
        Map<String, String> checks,
        long alertsSent,
        long queued,
        long deadLettered) {

    /**
     * One entity of the stack's catalog ({@link LocalStack#catalog()}): rows the extractor read, batches and
     * rows the loader applied.
     */
    public record EntityProgress(long extracted, long batchesApplied, long rowsApplied, double lagSeconds) {}

    private static final List<String> WAREHOUSE_TABLES = List.of(
            "fact.fact_vendas",
            "fact.fact_metas",
            "fact.fact_descontos",
            "dim.dim_cliente",
            "dim.dim_produto",
            "dim.dim_vendedor",
            "dim.dim_equipe",
            "dim.dim_regiao",
            "dim.dim_desconto");

    public static StackStatus read(LocalStack stack) {
        JdbcTemplate dw = new JdbcTemplate(stack.dw());
        MeterRegistry extractor = stack.context("extractor-service").getBean(MeterRegistry.class);
        EntityCatalog catalog = stack.catalog();
        Map<String, EntityProgress> entities = new LinkedHashMap<>();
        Map<String, long[]> applied = new LinkedHashMap<>();
        dw.query(
                "SELECT entity, COUNT(*), COALESCE(SUM(rows_in_batch), 0) FROM ctl.applied_batch GROUP BY entity",
                rs -> {
                    applied.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        for (String entity : catalog.names()) {
            long extracted =
                    (long) extractor.find("esteira.extractor.rows.read").tag("entity", entity).counters().stream()
                            .mapToDouble(Counter::count)
                            .sum();
            var lag = extractor
                    .find("esteira.extractor.lag.seconds")
                    .tag("entity", entity)
                    .gauge();
            long[] done = applied.getOrDefault(entity, new long[2]);
            entities.put(entity, new EntityProgress(extracted, done[0], done[1], lag == null ? 0 : lag.value()));
        }
        Map<String, Long> warehouse = new LinkedHashMap<>();
        for (String table : WAREHOUSE_TABLES) {
            String filter = table.startsWith("dim.") ? " WHERE " + table.substring(8) + "_sk <> 0" : "";
            warehouse.put(table, dw.queryForObject("SELECT COUNT(*) FROM " + table + filter, Long.class));
        }
        Map<String, String> checks = new LinkedHashMap<>();
        dw.query(
                "SELECT r.check_id, r.status FROM audit.dq_result r JOIN (SELECT check_id, MAX(dq_result_id) AS last_id"
                        + " FROM audit.dq_result GROUP BY check_id) l ON l.last_id = r.dq_result_id ORDER BY r.check_id",
                rs -> {
                    checks.put(rs.getString(1), rs.getString(2));
                });
        Long alerts = dw.queryForObject("SELECT COUNT(*) FROM audit.alert_log WHERE outcome = 'sent'", Long.class);
        // Batches waiting on the broker, and keys landed but not derived yet: both are work to do. A queue row
        // holds one key or a landed batch's (key_count: the loader's db/dw/common/V100).
        Long derive = dw.queryForObject("SELECT COALESCE(SUM(key_count), 0) FROM ctl.derive_queue", Long.class);
        long queued = derive == null ? 0 : derive;
        long dead = 0;
        EmbeddedBroker broker = stack.embeddedBroker();
        if (broker != null) {
            for (String entity : catalog.names()) {
                queued += broker.messageCount(Queues.changes(entity));
                dead += broker.messageCount(Queues.deadLetter(Queues.changes(entity)));
            }
        }
        return new StackStatus(entities, warehouse, checks, alerts == null ? 0 : alerts, queued, dead);
    }

    public long totalExtracted() {
        return entities.values().stream().mapToLong(EntityProgress::extracted).sum();
    }

    public long totalApplied() {
        return entities.values().stream().mapToLong(EntityProgress::rowsApplied).sum();
    }

    /** What must not change for the stack to count as idle. */
    public List<Long> movement() {
        return List.of(totalExtracted(), totalApplied(), queued);
    }

    /** The progress view: one line per entity, then the warehouse, checks and alerts. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-14s %12s %10s %12s %8s%n", "entity", "extracted", "batches", "applied", "lag s"));
        entities.forEach((entity, p) -> out.append(String.format(
                "%-14s %12d %10d %12d %8.1f%n",
                entity, p.extracted(), p.batchesApplied(), p.rowsApplied(), p.lagSeconds())));
        out.append("warehouse: ");
        warehouse.forEach((table, count) -> out.append(table.substring(table.indexOf('.') + 1))
                .append('=')
                .append(count)
                .append(' '));
        out.append(String.format("%nqueued=%d dead-lettered=%d alerts sent=%d%n", queued, deadLettered, alertsSent));
        if (!checks.isEmpty()) {
            out.append("checks: ");
            checks.forEach((check, status) ->
                    out.append(check).append('=').append(status).append(' '));
            out.append('\n');
        }
        return out.toString();
    }

    /** KPI totals from the mart views, for the final summary. */
    public static Map<String, BigDecimal> kpis(LocalStack stack) {
        JdbcTemplate dw = new JdbcTemplate(stack.dw());
        Map<String, BigDecimal> kpis = new LinkedHashMap<>();
        kpis.put(
                "receita liquida",
                dw.queryForObject(
                        "SELECT COALESCE(SUM(receita_liquida), 0) FROM mart.kpi_vendas_diarias", BigDecimal.class));
        kpis.put(
                "margem bruta",
                dw.queryForObject(
                        "SELECT COALESCE(SUM(margem_bruta), 0) FROM mart.kpi_vendas_diarias", BigDecimal.class));
        kpis.put(
                "taxa de devolucao",
                dw.queryForObject(
                        "SELECT CAST(SUM(quantidade_devolvida) AS DECIMAL(18,6)) / NULLIF(SUM(quantidade), 0)"
                                + " FROM mart.kpi_vendas_diarias",
                        BigDecimal.class));
        kpis.put(
                "atingimento medio %",
                dw.queryForObject("SELECT AVG(atingimento_pct) FROM mart.kpi_atingimento_metas", BigDecimal.class));
        kpis.put(
                "ROI de desconto",
                dw.queryForObject(
                        "SELECT SUM(valor_com_desconto) / NULLIF(SUM(valor_desconto_aplicado), 0) FROM mart.kpi_roi_desconto",
                        BigDecimal.class));
        return kpis;
    }

    /** Whether the DW reconciles with the OLTP, in one line. */
    public static String reconciliation(LocalStack stack) {
        return Reconciliation.compare(stack.oltp(), stack.dw(), stack.catalog()).describe();
    }
}
