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
    void shouldGiveTheTimeSpentBetweenTwoSnapshots() {
        StageTimes.Snapshot before = new StageTimes.Snapshot(Map.of("land", 1.0));
        StageTimes.Snapshot after = new StageTimes.Snapshot(Map.of("land", 3.5, "derive", 2.0));

        assertThat(after.since(before))
                .containsEntry("land", Duration.ofMillis(2500))
                .containsEntry("derive", Duration.ofSeconds(2));
    }
}
