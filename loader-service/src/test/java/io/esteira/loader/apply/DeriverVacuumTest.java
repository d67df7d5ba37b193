package io.esteira.loader.apply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the deriver starts a vacuum of its queue ({@link Deriver#vacuumDue}). */
class DeriverVacuumTest {

    @Test
    void shouldBeDueOnceCaughtUpAfterAsManyKeysAsConfigured() {
        assertThat(Deriver.vacuumDue(9_999, 10_000, true)).isFalse();
        assertThat(Deriver.vacuumDue(10_000, 10_000, true)).isTrue();
    }

    @Test
    void shouldWaitForTenTimesAsManyKeysWhileKeysStayQueued() {
        assertThat(Deriver.vacuumDue(10_000, 10_000, false)).isFalse();
        assertThat(Deriver.vacuumDue(99_999, 10_000, false)).isFalse();
        assertThat(Deriver.vacuumDue(100_000, 10_000, false)).isTrue();
    }

    @Test
    void shouldNeverBeDueWhenVacuumsAreOff() {
        assertThat(Deriver.vacuumDue(Long.MAX_VALUE, 0, true)).isFalse();
        assertThat(Deriver.vacuumDue(Long.MAX_VALUE, 0, false)).isFalse();
    }
}
