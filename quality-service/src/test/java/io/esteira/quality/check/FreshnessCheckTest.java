package io.esteira.quality.check;

import static org.assertj.core.api.Assertions.assertThat;

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
}
