package io.esteira.quality.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.quality.check.ReconciliationCheck.DayDifference;
import io.esteira.quality.check.ReconciliationCheck.DayTotals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconciliationCheckTest {

    private static final LocalDate D1 = LocalDate.of(2026, 11, 19);
    private static final LocalDate D2 = LocalDate.of(2026, 11, 20);
    private static final LocalDate TO = LocalDate.of(2026, 11, 21);

    @Test
    void shouldFindNoDifferenceWhenBothSidesAgree() {
        Map<LocalDate, DayTotals> totals = Map.of(D1, totals(3, "150.00"), D2, totals(2, "10.50"));

        assertThat(ReconciliationCheck.compare(totals, totals, D1, TO, 0)).isEmpty();
    }

    @Test
    void shouldReportTheDayAndTheDifferenceOfEachMeasure() {
        Map<LocalDate, DayTotals> oltp = Map.of(D1, totals(3, "150.00"), D2, totals(2, "10.50"));
        Map<LocalDate, DayTotals> dw = Map.of(D1, totals(3, "150.00"), D2, totals(2, "20.50"));

        List<DayDifference> differences = ReconciliationCheck.compare(oltp, dw, D1, TO, 0);

        assertThat(differences).extracting(DayDifference::day).containsExactly(D2);
        assertThat(differences.get(0).describe(0))
                .isEqualTo("2026-11-20: net_revenue 10.50 vs 20.50 (+10.00) (OLTP vs DW)");
    }

    @Test
    void shouldCountADayMissingFromTheDwAsDifferent() {
        Map<LocalDate, DayTotals> oltp = Map.of(D1, totals(3, "150.00"));

        List<DayDifference> differences = ReconciliationCheck.compare(oltp, Map.of(), D1, TO, 0);

        assertThat(differences).extracting(DayDifference::day).containsExactly(D1);
        assertThat(differences.get(0).describe(0)).contains("items 3 vs 0 (-3)").contains("net_revenue 150.00 vs 0");
    }

    @Test
    void shouldIgnoreDifferencesWithinTheTolerance() {
        Map<LocalDate, DayTotals> oltp = Map.of(D1, totals(3, "150.00"));
        Map<LocalDate, DayTotals> dw = Map.of(D1, totals(3, "150.01"));

        assertThat(ReconciliationCheck.compare(oltp, dw, D1, TO, 0.01)).isEmpty();
        assertThat(ReconciliationCheck.compare(oltp, dw, D1, TO, 0)).hasSize(1);
    }

    @Test
    void shouldWriteDaysAsDataSk() {
        assertThat(ReconciliationCheck.dataSk(D2)).isEqualTo(20261120);
    }

    private static DayTotals totals(long items, String netRevenue) {
        return new DayTotals(items, 1, items * 2, new BigDecimal(netRevenue));
    }
}
