package io.esteira.faults.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.faults.check.KeyVersionDiff.Mirrored;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyVersionDiffTest {

    @Test
    void shouldFindNothingWhenEveryKeyIsMirroredAtItsVersion() {
        KeyVersionDiff diff = KeyVersionDiff.of(
                "orders",
                Map.of(1L, 10L, 2L, 20L),
                Map.of(3L, 30L),
                Map.of(1L, new Mirrored(10, false), 2L, new Mirrored(20, false), 3L, new Mirrored(30, true)));

        assertThat(diff.clean()).isTrue();
        assertThat(diff.problems()).isEmpty();
    }

    @Test
    void shouldReportAKeyTheMirrorLacksAsLost() {
        KeyVersionDiff diff =
                KeyVersionDiff.of("orders", Map.of(1L, 10L, 2L, 20L), Map.of(), Map.of(1L, new Mirrored(10, false)));

        assertThat(diff.lost()).containsExactly(2L);
        assertThat(diff.problems()).singleElement().asString().contains("stg.orders: 1 key(s) lost");
    }

    @Test
    void shouldReportAnOlderVersionAndAWronglyDeletedRowAsLost() {
        KeyVersionDiff diff = KeyVersionDiff.of(
                "orders",
                Map.of(1L, 10L, 2L, 20L),
                Map.of(),
                Map.of(1L, new Mirrored(9, false), 2L, new Mirrored(20, true)));

        assertThat(diff.lost()).containsExactly(1L, 2L);
    }

    @Test
    void shouldReportARowTheOltpNeverHadAsExtra() {
        KeyVersionDiff diff = KeyVersionDiff.of(
                "orders", Map.of(1L, 10L), Map.of(), Map.of(1L, new Mirrored(10, false), 7L, new Mirrored(5, false)));

        assertThat(diff.extra()).containsExactly(7L);
        assertThat(diff.clean()).isFalse();
    }

    @Test
    void shouldReportAHardDeleteStillLiveInTheMirror() {
        KeyVersionDiff diff =
                KeyVersionDiff.of("orders", Map.of(), Map.of(4L, 40L), Map.of(4L, new Mirrored(39, false)));

        assertThat(diff.deleteLost()).containsExactly(4L);
    }

    @Test
    void shouldReportAVersionNewerThanTheOltpsAsAhead() {
        KeyVersionDiff diff =
                KeyVersionDiff.of("orders", Map.of(1L, 10L), Map.of(), Map.of(1L, new Mirrored(11, false)));

        assertThat(diff.ahead()).containsExactly(1L);
    }
}
