package io.esteira.quality.check;

import io.esteira.contracts.QualityResult.Status;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Smoke test of the mart after the daily load: for the last closed day D (yesterday in the business
 * zone) the KPI views {@code mart.kpi_vendas_diarias}, {@code mart.kpi_atingimento_metas} and
 * {@code mart.kpi_roi_desconto} must answer and agree with the same KPIs computed from the fact tables
 * alone (PRD definitions), for D and for D's month. The value is the number of disagreements.
 */
public final class KpiSmokeCheck implements Check {

    private static final List<String> STATEMENTS = List.of(
            "kpi-daily-view",
            "kpi-daily-facts",
            "kpi-targets-view",
            "kpi-targets-facts",
            "kpi-discounts-view",
            "kpi-discounts-facts");

    private final CheckDefinition definition;
    private final Database dw;
    private final double tolerance;
    private final boolean requireData;
    private final int sampleSize;
    private final Clock clock;

    public KpiSmokeCheck(
            CheckDefinition definition,
            Database dw,
            double tolerance,
            boolean requireData,
            int sampleSize,
            Clock clock) {
        this.definition = definition;
        this.dw = dw;
        this.tolerance = tolerance;
        this.requireData = requireData;
        this.sampleSize = sampleSize;
        this.clock = clock;
    }

    @Override
    public CheckDefinition definition() {
        return definition;
    }

    /** Every statement the check runs, for start-up validation. */
    public List<String> statements() {
        return STATEMENTS.stream().map(dw.dialect()::sql).toList();
    }

    /** The last closed day in the business zone: yesterday. */
    LocalDate lastClosedDay() {
        return LocalDate.ofInstant(clock.instant(), definition.zone()).minusDays(1);
    }

    @Override
    public Evaluation evaluate() {
        LocalDate day = lastClosedDay();
        List<String> problems = new ArrayList<>();
        long items = daily(day, problems);
        targets(YearMonth.from(day), problems);
        discounts(YearMonth.from(day), problems);
        if (items == 0 && requireData) {
            problems.add(0, "fact.fact_vendas has no sales on " + day + ": the day's load is missing");
        }
        String message = problems.isEmpty()
                ? "Mart KPIs agree with the facts for " + day + " (" + items + " order items) and its month."
                : problems.size() + " KPI disagreement(s) for " + day + " or its month: " + problems.get(0) + ".";
        return new Evaluation(
                problems.isEmpty() ? Status.pass : Status.fail,
                (double) problems.size(),
                "amounts equal within " + CountThreshold.plain(tolerance) + ", ratios to the view's rounding"
                        + (requireData ? ", day has sales" : ""),
                problems.stream().limit(sampleSize).toList(),
                message);
    }

    private long daily(LocalDate day, List<String> problems) {
        Map<String, Object> parameters = Map.of("data_sk", ReconciliationCheck.dataSk(day));
        Map<String, BigDecimal> view = dw.query(sql("kpi-daily-view"), parameters, rs -> rs.next() ? row(rs) : null);
        Map<String, BigDecimal> facts = dw.query(sql("kpi-daily-facts"), parameters, rs -> {
            rs.next();
            return row(rs);
        });
        long items = facts.get("itens").longValue();
        String where = "mart.kpi_vendas_diarias " + day;
        if (items == 0) {
            if (view != null) {
                problems.add(where + " has a row but fact.fact_vendas has no sales that day");
            }
            return 0;
        }
        if (view == null) {
            problems.add(where + " has no row but fact.fact_vendas has " + items + " order items that day");
            return items;
        }
        for (String measure :
                List.of("pedidos", "receita_liquida", "margem_bruta", "quantidade", "quantidade_devolvida")) {
            compare(problems, where + " " + measure, view.get(measure), zero(facts.get(measure)), tolerance);
        }
        BigDecimal rate = ratio(facts.get("quantidade_devolvida"), facts.get("quantidade"), BigDecimal.ONE, 6);
        compare(problems, where + " taxa_devolucao", view.get("taxa_devolucao"), rate, 0.000001);
        return items;
    }

    private void targets(YearMonth month, List<String> problems) {
        Map<String, Object> parameters = monthParameters(month);
        Map<Long, Map<String, BigDecimal>> view =
                byKey(dw.list(sql("kpi-targets-view"), parameters, (rs, n) -> row(rs)));
        Map<Long, Map<String, BigDecimal>> facts =
                byKey(dw.list(sql("kpi-targets-facts"), parameters, (rs, n) -> row(rs)));
        String where = "mart.kpi_atingimento_metas " + month;
        facts.forEach((seller, expected) -> {
            Map<String, BigDecimal> actual = view.get(seller);
            if (actual == null) {
                problems.add(where + " has no row for seller " + seller + ", who has a target");
                return;
            }
            BigDecimal realizado = zero(expected.get("realizado"));
            compare(
                    problems,
                    where + " seller " + seller + " realizado",
                    actual.get("realizado"),
                    realizado,
                    tolerance);
            compare(
                    problems,
                    where + " seller " + seller + " meta",
                    actual.get("meta"),
                    expected.get("meta"),
                    tolerance);
            compare(
                    problems,
                    where + " seller " + seller + " atingimento_pct",
                    actual.get("atingimento_pct"),
                    ratio(realizado, expected.get("meta"), BigDecimal.valueOf(100), 2),
                    0.01);
        });
        view.keySet().stream()
                .filter(seller -> !facts.containsKey(seller))
                .forEach(seller -> problems.add(where + " has a row for seller " + seller + " without a target"));
    }

    private void discounts(YearMonth month, List<String> problems) {
        Map<String, Object> parameters = monthParameters(month);
        Map<Long, Map<String, BigDecimal>> view = new LinkedHashMap<>();
        String where = "mart.kpi_roi_desconto " + month;
        for (Map<String, BigDecimal> row : dw.list(sql("kpi-discounts-view"), parameters, (rs, n) -> row(rs))) {
            Long discount = key(row.get("desconto_id"));
            compare(
                    problems,
                    where + " discount " + discount + " roi_desconto",
                    row.get("roi_desconto"),
                    ratio(row.get("valor_com_desconto"), row.get("valor_desconto_aplicado"), BigDecimal.ONE, 4),
                    0.0001);
            view.merge(discount, row, (a, b) -> {
                Map<String, BigDecimal> sum = new HashMap<>(a);
                sum.merge("valor_com_desconto", zero(b.get("valor_com_desconto")), BigDecimal::add);
                sum.merge("valor_desconto_aplicado", zero(b.get("valor_desconto_aplicado")), BigDecimal::add);
                return sum;
            });
        }
        Map<Long, Map<String, BigDecimal>> facts =
                byKey(dw.list(sql("kpi-discounts-facts"), parameters, (rs, n) -> row(rs)));
        facts.forEach((discount, expected) -> {
            Map<String, BigDecimal> actual = view.get(discount);
            if (actual == null) {
                problems.add(where + " has no row for discount " + discount + ", used by orders that month");
                return;
            }
            for (String measure : List.of("valor_com_desconto", "valor_desconto_aplicado")) {
                compare(
                        problems,
                        where + " discount " + discount + " " + measure,
                        actual.get(measure),
                        zero(expected.get(measure)),
                        tolerance);
            }
        });
        view.keySet().stream()
                .filter(discount -> !facts.containsKey(discount))
                .forEach(discount -> problems.add(
                        where + " has a row for discount " + discount + " that no order of fact.fact_descontos used"));
    }

    private String sql(String name) {
        return dw.dialect().sql(name);
    }

    private static Map<String, Object> monthParameters(YearMonth month) {
        return Map.of(
                "ano", month.getYear(),
                "mes", month.getMonthValue(),
                "from_sk", ReconciliationCheck.dataSk(month.atDay(1)),
                "to_sk", ReconciliationCheck.dataSk(month.atEndOfMonth()));
    }

    private static void compare(
            List<String> problems, String what, BigDecimal actual, BigDecimal expected, double tolerance) {
        if (Objects.equals(actual, expected)) {
            return;
        }
        if (actual == null
                || expected == null
                || actual.subtract(expected).abs().compareTo(BigDecimal.valueOf(tolerance)) > 0) {
            problems.add(what + " is " + plain(actual) + " but the facts give " + plain(expected));
        }
    }

    /** {@code numerator × factor / denominator} rounded like the view, or null when the denominator is 0. */
    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator, BigDecimal factor, int scale) {
        if (denominator == null || denominator.signum() == 0) {
            return null;
        }
        return zero(numerator).multiply(factor).divide(denominator, scale, RoundingMode.HALF_UP);
    }

    private static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "null" : value.toPlainString();
    }

    private static Long key(BigDecimal value) {
        return value == null ? null : value.longValue();
    }

    /** The row's columns by lower-case label, as numbers. */
    private static Map<String, BigDecimal> row(ResultSet rs) throws SQLException {
        Map<String, BigDecimal> row = new HashMap<>();
        for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
            row.put(rs.getMetaData().getColumnLabel(c).toLowerCase(java.util.Locale.ROOT), rs.getBigDecimal(c));
        }
        return row;
    }

    /** Rows keyed by their first id column (vendedor_id or desconto_id); null for the unknown member. */
    private static Map<Long, Map<String, BigDecimal>> byKey(List<Map<String, BigDecimal>> rows) {
        Map<Long, Map<String, BigDecimal>> byKey = new LinkedHashMap<>();
        for (Map<String, BigDecimal> row : rows) {
            BigDecimal id = row.containsKey("vendedor_id") ? row.get("vendedor_id") : row.get("desconto_id");
            byKey.put(key(id), row);
        }
        return byKey;
    }
}
