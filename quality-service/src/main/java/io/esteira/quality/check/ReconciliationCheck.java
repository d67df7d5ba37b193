package io.esteira.quality.check;

import io.esteira.contracts.QualityResult.Status;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * OLTP against DW, per day, over a sliding window of closed days ending yesterday (UTC, the calendar
 * of {@code data_sk}): order items, orders, units and net revenue of {@code fact.fact_vendas} against
 * the live items of live orders in {@code core}. A measure that differs by more than the tolerance
 * (0 by default) makes its day differ; the value is the number of differing days.
 */
public final class ReconciliationCheck implements Check {

    private static final DateTimeFormatter DATA_SK = DateTimeFormatter.BASIC_ISO_DATE;

    /** One day's totals on one side. */
    public record DayTotals(long items, long orders, long quantity, BigDecimal netRevenue) {

        public static final DayTotals NONE = new DayTotals(0, 0, 0, BigDecimal.ZERO);

        public DayTotals {
            netRevenue = netRevenue == null ? BigDecimal.ZERO : netRevenue;
        }
    }

    /** A day whose totals differ, with the OLTP's and the DW's. */
    public record DayDifference(LocalDate day, DayTotals oltp, DayTotals dw) {

        /** {@code 2026-11-20: items 3 vs 2 (-1), net_revenue 150.00 vs 100.00 (-50.00)}: OLTP vs DW (DW − OLTP). */
        public String describe(double tolerance) {
            List<String> parts = new ArrayList<>();
            measure(parts, "items", BigDecimal.valueOf(oltp.items()), BigDecimal.valueOf(dw.items()), tolerance);
            measure(parts, "orders", BigDecimal.valueOf(oltp.orders()), BigDecimal.valueOf(dw.orders()), tolerance);
            measure(
                    parts,
                    "quantity",
                    BigDecimal.valueOf(oltp.quantity()),
                    BigDecimal.valueOf(dw.quantity()),
                    tolerance);
            measure(parts, "net_revenue", oltp.netRevenue(), dw.netRevenue(), tolerance);
            return day + ": " + String.join(", ", parts) + " (OLTP vs DW)";
        }

        private static void measure(List<String> parts, String name, BigDecimal oltp, BigDecimal dw, double tolerance) {
            BigDecimal difference = dw.subtract(oltp);
            if (differs(difference, tolerance)) {
                parts.add(name + " " + oltp.toPlainString() + " vs " + dw.toPlainString() + " ("
                        + (difference.signum() > 0 ? "+" : "") + difference.toPlainString() + ")");
            }
        }
    }

    private final CheckDefinition definition;
    private final Database oltp;
    private final Database dw;
    private final int windowDays;
    private final double tolerance;
    private final int sampleSize;
    private final Clock clock;

    public ReconciliationCheck(
            CheckDefinition definition,
            Database oltp,
            Database dw,
            int windowDays,
            double tolerance,
            int sampleSize,
            Clock clock) {
        this.definition = definition;
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
        return List.of(
                Map.entry(oltp, oltp.dialect().sql("reconciliation-oltp")),
                Map.entry(dw, dw.dialect().sql("reconciliation-dw")));
    }

    @Override
    public Evaluation evaluate() {
        LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = to.minusDays(windowDays);
        Map<LocalDate, DayTotals> source = oltp.query(
                oltp.dialect().sql("reconciliation-oltp"),
                Map.of("from_time", from.atStartOfDay(), "to_time", to.atStartOfDay()),
                rs -> totals(rs, true));
        Map<LocalDate, DayTotals> target = dw.query(
                dw.dialect().sql("reconciliation-dw"),
                Map.of("from_sk", dataSk(from), "to_sk", dataSk(to)),
                rs -> totals(rs, false));
        List<DayDifference> differences = compare(source, target, from, to, tolerance);
        List<String> sample = differences.stream()
                .limit(sampleSize)
                .map(d -> d.describe(tolerance))
                .toList();
        String window = from + " to " + to.minusDays(1);
        String message = differences.isEmpty()
                ? "OLTP and DW agree on every day from " + window + "."
                : differences.size() + " of " + windowDays + " days differ between OLTP and DW (" + window + "): "
                        + String.join(
                                ", ",
                                differences.stream()
                                        .map(d -> d.day().toString())
                                        .toList())
                        + ".";
        return new Evaluation(
                differences.isEmpty() ? Status.pass : Status.fail,
                (double) differences.size(),
                "per day and measure |DW - OLTP| <= " + CountThreshold.plain(tolerance),
                sample,
                message,
                differences.stream().map(DayDifference::day).toList());
    }

    /** The days of {@code [from, to)} on which a measure differs by more than {@code tolerance}, oldest first. */
    static List<DayDifference> compare(
            Map<LocalDate, DayTotals> oltp,
            Map<LocalDate, DayTotals> dw,
            LocalDate from,
            LocalDate to,
            double tolerance) {
        List<DayDifference> differences = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            DayTotals source = oltp.getOrDefault(day, DayTotals.NONE);
            DayTotals target = dw.getOrDefault(day, DayTotals.NONE);
            if (differs(BigDecimal.valueOf(target.items() - source.items()), tolerance)
                    || differs(BigDecimal.valueOf(target.orders() - source.orders()), tolerance)
                    || differs(BigDecimal.valueOf(target.quantity() - source.quantity()), tolerance)
                    || differs(target.netRevenue().subtract(source.netRevenue()), tolerance)) {
                differences.add(new DayDifference(day, source, target));
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

    private static Map<LocalDate, DayTotals> totals(ResultSet rs, boolean byDate) throws SQLException {
        Map<LocalDate, DayTotals> totals = new TreeMap<>();
        while (rs.next()) {
            LocalDate day =
                    byDate ? rs.getObject(1, LocalDate.class) : LocalDate.parse(String.valueOf(rs.getInt(1)), DATA_SK);
            totals.put(
                    day,
                    new DayTotals(
                            rs.getLong("items"),
                            rs.getLong("orders"),
                            rs.getLong("quantity"),
                            rs.getBigDecimal("net_revenue")));
        }
        return totals;
    }
}
