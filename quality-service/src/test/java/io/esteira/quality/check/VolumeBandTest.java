package io.esteira.quality.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.QualityResult.Status;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolumeBandTest {

    private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);

    @Test
    void shouldPassADayInsideTheWeekdaysBandHoweverFarFromTheMedian() {
        VolumeBand band = new VolumeBand(FRIDAY, 40, List.of(100L, 100L, 100L, 40L));

        assertThat(band.deviation()).isZero();
        assertThat(band.judge(0.3, 0.6)).isEqualTo(Status.pass);
    }

    @Test
    void shouldWarnThenFailAsTheDayLeavesTheBandFurther() {
        List<Long> history = List.of(95L, 100L, 105L, 100L);

        assertThat(new VolumeBand(FRIDAY, 60, history).judge(0.3, 0.6)).isEqualTo(Status.warn);
        assertThat(new VolumeBand(FRIDAY, 30, history).judge(0.3, 0.6)).isEqualTo(Status.fail);
        assertThat(new VolumeBand(FRIDAY, 200, history).judge(0.3, 0.6)).isEqualTo(Status.fail);
        assertThat(new VolumeBand(FRIDAY, 120, history).judge(0.3, 0.6)).isEqualTo(Status.pass);
    }

    @Test
    void shouldTakeTheMedianOfAnEvenHistoryAsTheMeanOfTheMiddleTwo() {
        VolumeBand band = new VolumeBand(FRIDAY, 30, List.of(100L, 10L, 90L, 200L));

        assertThat(band.median()).isEqualTo(95.0);
        assertThat(band.describe())
                .isEqualTo("2026-11-20 (Fri): 30 rows, median 95 of 4 earlier Fri (band 10–200), -68%");
    }

    @Test
    void shouldNotJudgeADayWithTooLittleHistory() {
        VolumeBand band = new VolumeBand(FRIDAY, 0, List.of(100L, 100L));

        assertThat(band.judged()).isFalse();
        assertThat(band.judge(0.3, 0.6)).isEqualTo(Status.pass);
        assertThat(band.describe())
                .isEqualTo("2026-11-20 (Fri): 0 rows, not judged (2 earlier Fri with data, 3 needed)");
    }
}
