package io.esteira.quality.check;

import io.esteira.contracts.QualityResult.Status;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.SourceMapping;
import io.esteira.contracts.dialect.SqlDialect;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * OLTP against DW at a consistent point, over a sliding window of closed days ending yesterday (UTC,
 * the calendar of {@code data_sk}): per day, {@code fact.fact_vendas} (order items, orders, units, net
 * revenue) and {@code fact.fact_descontos} (orders, gross, discount, net); per month of the window,
 * {@code fact.fact_metas} (targets, amount). A measure that differs by more than the tolerance (0 by
 * default) makes its period differ; the value is the number of differing (fact, period) pairs.
 *
 * <p>The warehouse is always a little behind the OLTP, so both sides leave out what it cannot hold
 * yet ({@link ConsistentPoint}): the orders and targets the OLTP changed after the newest version the
 * loader has landed per entity (its mirror {@code stg.<table>}, the applied version freshness measures
 * by), and those whose keys are landed but still queued for derivation ({@code ctl.derive_queue}). A
 * lagging but correct warehouse therefore agrees, and a fact changed in the warehouse alone differs at
 * once. The lag itself is freshness's business.
 */
public final class ReconciliationCheck implements Check {

    /** More orders or targets in flight than this and the warehouse is too far behind to reconcile. */
    static final int MAX_IN_FLIGHT = 100_000;

    private static final DateTimeFormatter DATA_SK = DateTimeFormatter.BASIC_ISO_DATE;

    /** One fact and the measures compared, in the order its queries return them. */
    public record Fact(String name, List<String> measures, boolean monthly) {}

    /** Every fact the check reconciles. */
    public static final List<Fact> FACTS = List.of(
            new Fact("fact_vendas", List.of("items", "orders", "quantity", "net_revenue"), false),
            new Fact("fact_descontos", List.of("orders", "gross", "discount", "net"), false),
            new Fact("fact_metas", List.of("targets", "target_amount"), true));

    /** A period whose totals differ, with the OLTP's and the DW's. */
    public record Difference(Fact fact, LocalDate period, Map<String, BigDecimal> oltp, Map<String, BigDecimal> dw) {

        /** {@code fact_vendas 2026-11-20: items 3 vs 2 (-1), net_revenue 150.00 vs 100.00 (-50.00) (OLTP vs DW)}. */
        public String describe(double tolerance) {
            List<String> parts = new ArrayList<>();
            for (String measure : fact.measures()) {
                BigDecimal source = oltp.getOrDefault(measure, BigDecimal.ZERO);
                BigDecimal target = dw.getOrDefault(measure, BigDecimal.ZERO);
                BigDecimal difference = target.subtract(source);
                if (differs(difference, tolerance)) {
                    parts.add(measure + " " + source.toPlainString() + " vs " + target.toPlainString() + " ("
                            + (difference.signum() > 0 ? "+" : "") + difference.toPlainString() + ")");
                }
            }
            String when = fact.monthly() ? period.toString().substring(0, 7) : period.toString();
            return fact.name() + " " + when + ": " + String.join(", ", parts) + " (OLTP vs DW)";
        }
    }

    /**
     * What both sides leave out: the orders and monthly targets not at the warehouse's consistent
     * point yet.
     */
    public record ConsistentPoint(Set<Long> orders, Set<Long> targets) {

        /** Whether more orders or targets are in flight than the check reconciles around ({@link #MAX_IN_FLIGHT}). */
        boolean tooFarBehind() {
            return orders.size() > MAX_IN_FLIGHT || targets.size() > MAX_IN_FLIGHT;
        }

        String describe() {
            return count(orders) + " order(s) and " + count(targets) + " target(s)";
        }

        /** Past the cap the keys were no longer read, so their number is only known to be larger. */
        private static String count(Set<Long> keys) {
            return keys.size() > MAX_IN_FLIGHT ? "more than " + MAX_IN_FLIGHT : String.valueOf(keys.size());
        }
    }

    /** The entities whose source tables the OLTP-side queries read. */
    static final List<String> OLTP_ENTITIES = List.of("orders", "order_items", "returns", "sales_targets");

    /**
     * The OLTP-side queries' view of the source: each entity's table and tombstone table under the
     * contract's names ({@code {orders}}, {@code {orders_tombstones}}: {@link SourceMapping#asContract}), and
     * the table name its tombstones carry ({@code :orders_table_name}), so the queries, written in the
     * contract's names, read a source that calls everything otherwise.
     */
    public record OltpSource(Map<String, String> tables, Map<String, Object> tombstoneNames) {

        public static OltpSource of(EntityCatalog catalog, SqlDialect dialect) {
            Map<String, String> tables = new LinkedHashMap<>();
            Map<String, Object> names = new LinkedHashMap<>();
            for (String name : OLTP_ENTITIES) {
                SourceMapping source = catalog.get(name).source();
                tables.put(name, source.asContract(dialect));
                tables.put(name + "_tombstones", source.tombstonesAsContract(dialect));
                names.put(name + "_table_name", source.tableName());
            }
            return new OltpSource(Map.copyOf(tables), Map.copyOf(names));
        }
    }

    private final CheckDefinition definition;
    private final OltpSource source;
    private final Database oltp;
    private final Database dw;
    private final int windowDays;
    private final double tolerance;
    private final int sampleSize;
    private final Clock clock;

    public ReconciliationCheck(
            CheckDefinition definition,
            OltpSource source,
            Database oltp,
            Database dw,
            int windowDays,
            double tolerance,
            int sampleSize,
            Clock clock) {
        this.definition = definition;
        this.source = source;
        this.oltp = oltp;
        this.dw = dw;
        this.windowDays = windowDays;
        this.tolerance = tolerance;
        this.sampleSize = sampleSize;
        this.clock = clock;
    }

    @Override
    public CheckDefinition definition() {
        return definition;
    }

    /** Every statement the check runs, as (database, sql), for start-up validation. */
    public List<Map.Entry<Database, String>> statements() {
        List<Map.Entry<Database, String>> statements = new ArrayList<>();
        statements.add(Map.entry(dw, dw.dialect().sql("reconciliation-point")));
        statements.add(Map.entry(oltp, oltp.dialect().sql("reconciliation-oltp-in-flight", source.tables())));
        statements.add(Map.entry(dw, inFlightSql()));
        for (Fact fact : FACTS) {
            statements.add(Map.entry(oltp, totalsSql(oltp, "reconciliation-oltp-" + fact.name())));
            statements.add(Map.entry(dw, totalsSql(dw, "reconciliation-dw-" + fact.name())));
        }
        return statements;
    }

    @Override
    public Evaluation evaluate() {
        LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = to.minusDays(windowDays);
        String window = from + " to " + to.minusDays(1);
        ConsistentPoint point = consistentPoint();
        if (point.tooFarBehind()) {
            return new Evaluation(
                    Status.warn,
                    null,
                    "at most " + MAX_IN_FLIGHT + " orders or targets not yet in the DW",
                    List.of(),
                    "The DW is too far behind the OLTP to reconcile " + window + " at a consistent point ("
                            + point.describe() + " not in it yet); the freshness check measures the lag.");
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from_time", from.atStartOfDay());
        parameters.put("to_time", to.atStartOfDay());
        parameters.put("from_sk", dataSk(from));
        parameters.put("to_sk", dataSk(to));
        parameters.put("from_month_sk", dataSk(from.withDayOfMonth(1)));
        parameters.put("excluded_orders", keyList(point.orders()));
        parameters.put("excluded_targets", keyList(point.targets()));
        List<Difference> differences = new ArrayList<>();
        for (Fact fact : FACTS) {
            Map<LocalDate, Map<String, BigDecimal>> source = oltp.query(
                    totalsSql(oltp, "reconciliation-oltp-" + fact.name()), parameters, rs -> totals(rs, fact));
            Map<LocalDate, Map<String, BigDecimal>> target =
                    dw.query(totalsSql(dw, "reconciliation-dw-" + fact.name()), parameters, rs -> totals(rs, fact));
            differences.addAll(compare(fact, source, target, tolerance));
        }
        List<String> sample = differences.stream()
                .limit(sampleSize)
                .map(d -> d.describe(tolerance))
                .toList();
        String leftOut = point.orders().isEmpty() && point.targets().isEmpty()
                ? ""
                : " (" + point.describe() + " not yet in the DW left out on both sides)";
        String message = differences.isEmpty()
                ? "OLTP and DW agree on fact_vendas, fact_descontos and fact_metas from " + window + leftOut + "."
                : differences.size() + " period(s) differ between OLTP and DW (" + window + "): "
                        + differences.stream()
                                .map(d -> d.fact().name() + " " + d.period())
                                .collect(Collectors.joining(", "))
                        + leftOut + ".";
        List<LocalDate> days = differences.stream()
                .filter(d -> !d.fact().monthly())
                .map(Difference::period)
                .distinct()
                .sorted()
                .toList();
        return new Evaluation(
                differences.isEmpty() ? Status.pass : Status.fail,
                (double) differences.size(),
                "per period and measure |DW - OLTP| <= " + CountThreshold.plain(tolerance),
                sample,
                message,
                days);
    }

    /**
     * The warehouse's applied versions first, then what the OLTP changed after them, then what the
     * warehouse landed but has not derived: reading in this order, a change that lands or is derived
     * while the check runs is above the versions read first, so it is left out too. The keys are read in
     * chunks and no further once more than {@link #MAX_IN_FLIGHT} orders or targets are: a warehouse that far
     * behind (an initial load) is not reconciled anyway, and reading them all held every in-flight order of
     * the load in the service's heap (390,929 of them, the quality service's peak RSS over its 256 MB target;
     * docs/performance.md).
     */
    ConsistentPoint consistentPoint() {
        Map<String, Object> versions = dw.query(dw.dialect().sql("reconciliation-point"), Map.of(), rs -> {
            rs.next();
            Map<String, Object> applied = new HashMap<>();
            for (String entity : List.of("orders", "order_items", "returns", "sales_targets")) {
                applied.put(entity + "_version", rs.getLong(entity + "_version"));
            }
            return applied;
        });
        Set<Long> orders = new TreeSet<>();
        Set<Long> targets = new TreeSet<>();
        Set<Long> deletedItems = new TreeSet<>();
        Set<Long> deletedReturns = new TreeSet<>();
        Map<String, Set<Long>> byKind = Map.of(
                "order", orders, "target", targets, "deleted_item", deletedItems, "deleted_return", deletedReturns);
        Map<String, Object> inFlight = new HashMap<>(versions);
        inFlight.putAll(source.tombstoneNames());
        ConsistentPoint point = new ConsistentPoint(orders, targets);
        oltp.queryInChunks(
                oltp.dialect().sql("reconciliation-oltp-in-flight", source.tables()),
                inFlight,
                rs -> collect(rs, byKind, point));
        if (point.tooFarBehind()) {
            return point;
        }
        dw.queryInChunks(
                inFlightSql(),
                Map.of("deleted_items", keyList(deletedItems), "deleted_returns", keyList(deletedReturns)),
                rs -> collect(rs, byKind, point));
        return point;
    }

    /** Reads in-flight keys into their sets until the point is {@link ConsistentPoint#tooFarBehind}. */
    private static Void collect(ResultSet rs, Map<String, Set<Long>> byKind, ConsistentPoint point)
            throws SQLException {
        while (!point.tooFarBehind() && rs.next()) {
            byKind.get(rs.getString("kind")).add(rs.getLong("key_value"));
        }
        return null;
    }

    private String inFlightSql() {
        return dw.dialect()
                .sql(
                        "reconciliation-dw-in-flight",
                        Map.of(
                                "queued_keys", dw.dialect().sql("queued-keys"),
                                "deleted_items", keyListSql(dw, "deleted_items"),
                                "deleted_returns", keyListSql(dw, "deleted_returns")));
    }

    private String totalsSql(Database database, String name) {
        Map<String, String> names = new HashMap<>();
        names.put("excluded_orders", keyListSql(database, "excluded_orders"));
        names.put("excluded_targets", keyListSql(database, "excluded_targets"));
        if (database == oltp) {
            names.putAll(source.tables());
        }
        return database.dialect().sql(name, names);
    }

    /** The vendor's derived table of the keys in parameter {@code name} (comma-separated, no parameter limit). */
    private static String keyListSql(Database database, String name) {
        return database.dialect().sql("key-list", Map.of("name", name));
    }

    static String keyList(Set<Long> keys) {
        return keys.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The periods on which a measure differs by more than {@code tolerance}, oldest first. */
    static List<Difference> compare(
            Fact fact,
            Map<LocalDate, Map<String, BigDecimal>> oltp,
            Map<LocalDate, Map<String, BigDecimal>> dw,
            double tolerance) {
        List<Difference> differences = new ArrayList<>();
        Set<LocalDate> periods = new TreeSet<>(oltp.keySet());
        periods.addAll(dw.keySet());
        for (LocalDate period : periods) {
            Map<String, BigDecimal> source = oltp.getOrDefault(period, Map.of());
            Map<String, BigDecimal> target = dw.getOrDefault(period, Map.of());
            boolean differs = fact.measures().stream()
                    .anyMatch(m -> differs(
                            target.getOrDefault(m, BigDecimal.ZERO).subtract(source.getOrDefault(m, BigDecimal.ZERO)),
                            tolerance));
            if (differs) {
                differences.add(new Difference(fact, period, source, target));
            }
        }
        return differences;
    }

    static int dataSk(LocalDate day) {
        return Integer.parseInt(day.format(DATA_SK));
    }

    private static boolean differs(BigDecimal difference, double tolerance) {
        return difference.abs().compareTo(BigDecimal.valueOf(tolerance)) > 0;
    }

    /** Rows of (period, measures…): the period a date, or a {@code data_sk} number yyyymmdd. */
    private static Map<LocalDate, Map<String, BigDecimal>> totals(ResultSet rs, Fact fact) throws SQLException {
        Map<LocalDate, Map<String, BigDecimal>> totals = new TreeMap<>();
        ResultSetMetaData meta = rs.getMetaData();
        boolean date = meta.getColumnType(1) == Types.DATE;
        while (rs.next()) {
            LocalDate period =
                    date ? rs.getObject(1, LocalDate.class) : LocalDate.parse(String.valueOf(rs.getInt(1)), DATA_SK);
            Map<String, BigDecimal> measures = new LinkedHashMap<>();
            for (String measure : fact.measures()) {
                BigDecimal value = rs.getBigDecimal(measure);
                measures.put(measure, value == null ? BigDecimal.ZERO : value);
            }
            totals.put(period, measures);
        }
        return totals;
    }
}
