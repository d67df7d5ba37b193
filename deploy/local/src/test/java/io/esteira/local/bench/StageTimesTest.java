package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageTimesTest {

    @Test
    void shouldAddUpEverySeriesOfAStagesTimerAndIgnoreTheRest() {
        String exposition =
                """
                # HELP esteira_loader_apply_seconds
                # TYPE esteira_loader_apply_seconds histogram
                esteira_loader_apply_seconds_count{entity="orders"} 3
                esteira_loader_apply_seconds_sum{entity="orders"} 1.5
                esteira_loader_apply_seconds_sum{entity="order_items"} 2.25
                esteira_loader_apply_seconds_max{entity="orders"} 0.9
                esteira_loader_derive_seconds_sum 4.0
                esteira_loader_derived_total{entity="orders"} 12.0
                """;

        assertThat(StageTimes.parse(exposition))
                .containsExactlyInAnyOrderEntriesOf(Map.of("land", 3.75, "derive", 4.0));
    }

    @Test
    void shouldCountTheTimingsOfEachStageFromItsTimersCount() {
        String exposition =
                """
                esteira_loader_apply_seconds_count{entity="orders"} 3
                esteira_loader_apply_seconds_count{entity="order_items"} 4
                esteira_loader_apply_seconds_sum{entity="orders"} 1.5
                esteira_loader_derive_seconds_count 2
                """;

        assertThat(StageTimes.parse(exposition, "_count"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("land", 7.0, "derive", 2.0));
    }

    @Test
    void shouldGiveTheMeanTimeOfOneTimingBetweenTwoSnapshots() {
        StageTimes.Snapshot before = new StageTimes.Snapshot(Map.of("land", 1.0), Map.of("land", 10.0));
        StageTimes.Snapshot after =
                new StageTimes.Snapshot(Map.of("land", 3.5, "derive", 0.5), Map.of("land", 110.0, "derive", 4.0));

        Map<String, StageTimes.Spent> spent = after.spentSince(before);

        assertThat(spent.get("land").timings()).isEqualTo(100);
        assertThat(spent.get("land").meanMillis()).isEqualTo(25.0);
        assertThat(spent.get("derive").meanMillis()).isEqualTo(125.0);
        assertThat(new StageTimes.Spent(java.time.Duration.ZERO, 0).meanMillis())
                .isNaN();
    }

    @Test
    void shouldGiveTheTimeSpentBetweenTwoSnapshots() {
        StageTimes.Snapshot before = new StageTimes.Snapshot(Map.of("land", 1.0));
        StageTimes.Snapshot after = new StageTimes.Snapshot(Map.of("land", 3.5, "derive", 2.0));

        assertThat(after.since(before))
                .containsEntry("land", Duration.ofMillis(2500))
                .containsEntry("derive", Duration.ofSeconds(2));
    }
}
