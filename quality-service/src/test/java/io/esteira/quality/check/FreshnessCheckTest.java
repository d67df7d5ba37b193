package io.esteira.quality.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.quality.check.PendingSightings.Sighting;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FreshnessCheckTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final LocalTime EIGHT = LocalTime.of(8, 0);

    @Test
    void shouldRequireYesterdayCompleteOncePastTodaysDeadline() {
        // 2026-11-21 09:00 in São Paulo (UTC-3): day 2026-11-20 must be complete, up to 2026-11-21 00:00 local.
        Instant now = Instant.parse("2026-11-21T12:00:00Z");

        assertThat(FreshnessCheck.slaCutoff(now, SAO_PAULO, EIGHT)).isEqualTo(Instant.parse("2026-11-21T03:00:00Z"));
    }

    @Test
    void shouldRequireOnlyTheDayBeforeYesterdayBeforeTodaysDeadline() {
        // 2026-11-21 07:59 local: yesterday still has until 08:00, so only 2026-11-19 must be complete.
        Instant now = Instant.parse("2026-11-21T10:59:00Z");

        assertThat(FreshnessCheck.slaCutoff(now, SAO_PAULO, EIGHT)).isEqualTo(Instant.parse("2026-11-20T03:00:00Z"));
    }

    @Test
    void shouldUseTheLocalDateNotTheUtcDate() {
        // 2026-11-22 01:00 UTC is still 2026-11-21 22:00 in São Paulo.
        Instant now = Instant.parse("2026-11-22T01:00:00Z");

        assertThat(FreshnessCheck.slaCutoff(now, SAO_PAULO, EIGHT)).isEqualTo(Instant.parse("2026-11-21T03:00:00Z"));
    }

    @Test
    void shouldKeepASightingWhileAChangeItCoversIsPendingAndStartANewOneOnceAllAreApplied() {
        Instant first = Instant.parse("2026-11-21T15:00:00Z");
        Instant later = Instant.parse("2026-11-21T16:00:00Z");
        Sighting seen = Sighting.next(null, 2, 0, 700, first);

        assertThat(seen).isEqualTo(new Sighting(700, first));
        assertThat(Sighting.next(seen, 5, 1, 900, later))
                .as("a change up to 700 still pending")
                .isSameAs(seen);
        assertThat(Sighting.next(seen, 3, 0, 900, later))
                .as("everything up to 700 applied, newer pending")
                .isEqualTo(new Sighting(900, later));
        assertThat(Sighting.next(seen, 0, 0, 0, later)).as("nothing pending").isNull();
    }
}
