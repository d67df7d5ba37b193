package io.esteira.local.stack;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.SourceMapping;
import io.esteira.contracts.dialect.SqlDialect;
import io.esteira.contracts.dialect.Vendor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Does the DW tell the truth about the OLTP? Compares, per day, the live order items of live orders
 * with {@code fact.fact_vendas}: count, quantity, net revenue and cost; and the sets of keys. Used by
 * the stack's summary, the end-to-end tests and the benchmark.
 */
public final class Reconciliation {

    /** One day's totals. */
    public record Day(long items, long quantity, BigDecimal net, BigDecimal cost) {
        boolean same(Day other) {
            return other != null
                    && items == other.items
                    && quantity == other.quantity
                    && net.compareTo(other.net) == 0
                    && cost.compareTo(other.cost) == 0;
        }
    }

    /** What differs; empty lists mean the DW reconciles exactly. */
    public record Result(
            Map<Integer, Day> oltp,
            Map<Integer, Day> dw,
            List<String> differentDays,
            List<Long> missing,
            List<Long> extra) {

        public boolean reconciled() {
            return differentDays.isEmpty() && missing.isEmpty() && extra.isEmpty();
        }

        public long oltpItems() {
            return oltp.values().stream().mapToLong(Day::items).sum();
        }

        public BigDecimal oltpNet() {
            return oltp.values().stream().map(Day::net).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public String describe() {
            return String.format(
                    "OLTP live order items=%d net=%s | DW: %s",
                    oltpItems(),
                    oltpNet(),
                    reconciled()
                            ? "RECONCILED (every day and every key equal)"
                            : "NOT RECONCILED: " + differentDays.size() + " day(s) differ " + first(differentDays)
                                    + ", " + missing.size() + " key(s) missing " + first(missing) + ", "
                                    + extra.size() + " extra " + first(extra));
        }

        private static String first(List<?> values) {
            return values.isEmpty()
                    ? ""
                    : values.subList(0, Math.min(5, values.size())).toString();
        }
    }

    private static final String OLTP_DAYS =
            """
            SELECT CAST(EXTRACT(YEAR FROM o.order_date) * 10000 + EXTRACT(MONTH FROM o.order_date) * 100
                        + EXTRACT(DAY FROM o.order_date) AS INTEGER) AS day_sk,
                   COUNT(*), COALESCE(SUM(i.quantity), 0),
                   COALESCE(SUM(i.quantity * i.unit_price - i.discount_amount), 0),
                   COALESCE(SUM(i.quantity * i.unit_cost), 0)
            FROM {order_items} i JOIN {orders} o ON o.order_id = i.order_id
            WHERE i.deleted_at IS NULL AND o.deleted_at IS NULL
            GROUP BY CAST(EXTRACT(YEAR FROM o.order_date) * 10000 + EXTRACT(MONTH FROM o.order_date) * 100
                        + EXTRACT(DAY FROM o.order_date) AS INTEGER)""";

    private static final String DW_DAYS =
            """
            SELECT data_sk, COUNT(*), COALESCE(SUM(quantidade), 0), COALESCE(SUM(valor_total_liquido), 0),
                   COALESCE(SUM(custo_total), 0)
            FROM fact.fact_vendas GROUP BY data_sk""";

    private Reconciliation() {}

    /** Compares the reference schema ({@link EntityCatalog#reference()}) with the DW. */
    public static Result compare(DataSource oltp, DataSource dw) {
        return compare(oltp, dw, EntityCatalog.reference());
    }

    /**
     * Compares an OLTP whose tables {@code catalog} maps ({@link SourceMapping}) with the DW: the OLTP's
     * queries read each table under the contract's names.
     */
    public static Result compare(DataSource oltp, DataSource dw, EntityCatalog catalog) {
        JdbcTemplate source = new JdbcTemplate(oltp);
        JdbcTemplate target = new JdbcTemplate(dw);
        SqlDialect postgres = () -> Vendor.POSTGRESQL;
        String items = catalog.get("order_items").source().asContract(postgres);
        String orders = catalog.get("orders").source().asContract(postgres);
        Map<Integer, Day> oltpDays =
                days(source, OLTP_DAYS.replace("{order_items}", items).replace("{orders}", orders));
        Map<Integer, Day> dwDays = days(target, DW_DAYS);
        List<String> different = new ArrayList<>();
        TreeSet<Integer> allDays = new TreeSet<>(oltpDays.keySet());
        allDays.addAll(dwDays.keySet());
        for (Integer day : allDays) {
            Day expected = oltpDays.get(day);
            Day actual = dwDays.get(day);
            if (expected == null || !expected.same(actual)) {
                different.add(day + ": OLTP " + expected + " DW " + actual);
            }
        }
        TreeSet<Long> sourceKeys = new TreeSet<>(source.queryForList(
                "SELECT i.order_item_id FROM " + items + " i JOIN " + orders + " o ON o.order_id = i.order_id"
                        + " WHERE i.deleted_at IS NULL AND o.deleted_at IS NULL",
                Long.class));
        List<Long> dwKeys = target.queryForList("SELECT order_item_id FROM fact.fact_vendas", Long.class);
        TreeSet<Long> targetKeys = new TreeSet<>(dwKeys);
        List<Long> missing =
                sourceKeys.stream().filter(k -> !targetKeys.contains(k)).toList();
        List<Long> extra =
                targetKeys.stream().filter(k -> !sourceKeys.contains(k)).toList();
        if (dwKeys.size() != targetKeys.size()) {
            different.add("fact_vendas holds a key more than once");
        }
        return new Result(oltpDays, dwDays, different, missing, extra);
    }

    private static Map<Integer, Day> days(JdbcTemplate jdbc, String sql) {
        Map<Integer, Day> days = new TreeMap<>();
        jdbc.query(sql, rs -> {
            days.put(
                    rs.getInt(1),
                    new Day(
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getBigDecimal(4).stripTrailingZeros(),
                            rs.getBigDecimal(5).stripTrailingZeros()));
        });
        return days;
    }
}
