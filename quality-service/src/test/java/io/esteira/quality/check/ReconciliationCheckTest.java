package io.esteira.quality.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.quality.check.ReconciliationCheck.Difference;
import io.esteira.quality.check.ReconciliationCheck.Fact;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconciliationCheckTest {

    private static final LocalDate D1 = LocalDate.of(2026, 11, 19);
    private static final LocalDate D2 = LocalDate.of(2026, 11, 20);
    private static final Fact VENDAS = ReconciliationCheck.FACTS.get(0);
    private static final Fact METAS = ReconciliationCheck.FACTS.get(2);

    @Test
    void shouldFindNoDifferenceWhenEveryDayAgrees() {
        Map<LocalDate, Map<String, BigDecimal>> totals = Map.of(D1, vendas(3, "150.00"), D2, vendas(2, "10.50"));

        assertThat(ReconciliationCheck.compare(VENDAS, totals, totals, 0)).isEmpty();
    }

    @Test
    void shouldReportTheDayAndTheMeasureThatDiffer() {
        Map<LocalDate, Map<String, BigDecimal>> oltp = Map.of(D1, vendas(3, "150.00"), D2, vendas(2, "10.50"));
        Map<LocalDate, Map<String, BigDecimal>> dw = Map.of(D1, vendas(3, "150.00"), D2, vendas(2, "20.50"));

        List<Difference> differences = ReconciliationCheck.compare(VENDAS, oltp, dw, 0);

        assertThat(differences).extracting(Difference::period).containsExactly(D2);
        assertThat(differences.get(0).describe(0))
                .isEqualTo("fact_vendas 2026-11-20: net_revenue 10.50 vs 20.50 (+10.00) (OLTP vs DW)");
    }

    @Test
    void shouldTreatADayMissingOnOneSideAsZero() {
        Map<LocalDate, Map<String, BigDecimal>> oltp = Map.of(D1, vendas(3, "150.00"));

        List<Difference> differences = ReconciliationCheck.compare(VENDAS, oltp, Map.of(), 0);

        assertThat(differences).extracting(Difference::period).containsExactly(D1);
        assertThat(differences.get(0).describe(0))
                .startsWith("fact_vendas 2026-11-19: items 3 vs 0 (-3), orders 1 vs 0");
    }

    @Test
    void shouldToleratePennyDifferencesWhenConfigured() {
        Map<LocalDate, Map<String, BigDecimal>> oltp = Map.of(D1, vendas(3, "150.00"));
        Map<LocalDate, Map<String, BigDecimal>> dw = Map.of(D1, vendas(3, "150.01"));

        assertThat(ReconciliationCheck.compare(VENDAS, oltp, dw, 0.01)).isEmpty();
        assertThat(ReconciliationCheck.compare(VENDAS, oltp, dw, 0)).hasSize(1);
    }

    @Test
    void shouldNameAMonthlyFactByItsMonth() {
        LocalDate november = LocalDate.of(2026, 11, 1);
        Map<LocalDate, Map<String, BigDecimal>> oltp =
                Map.of(november, Map.of("targets", BigDecimal.ONE, "target_amount", new BigDecimal("1000.00")));
        Map<LocalDate, Map<String, BigDecimal>> dw =
                Map.of(november, Map.of("targets", BigDecimal.ONE, "target_amount", new BigDecimal("900.00")));

        assertThat(ReconciliationCheck.compare(METAS, oltp, dw, 0))
                .singleElement()
                .extracting(d -> d.describe(0))
                .isEqualTo("fact_metas 2026-11: target_amount 1000.00 vs 900.00 (-100.00) (OLTP vs DW)");
    }

    @Test
    void shouldPassKeysAsOneCommaSeparatedList() {
        assertThat(ReconciliationCheck.keyList(Set.of())).isEmpty();
        assertThat(ReconciliationCheck.keyList(new java.util.TreeSet<>(Set.of(3L, 1L, 2L))))
                .isEqualTo("1,2,3");
    }

    @Test
    void shouldBuildTheDataSkOfADay() {
        assertThat(ReconciliationCheck.dataSk(D2)).isEqualTo(20261120);
    }

    private static Map<String, BigDecimal> vendas(long items, String netRevenue) {
        return Map.of(
                "items",
                BigDecimal.valueOf(items),
                "orders",
                BigDecimal.ONE,
                "quantity",
                BigDecimal.valueOf(items * 2),
                "net_revenue",
                new BigDecimal(netRevenue));
    }
}
