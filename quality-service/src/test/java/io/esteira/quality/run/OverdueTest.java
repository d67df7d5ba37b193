package io.esteira.quality.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.AlertEvent;
import io.esteira.quality.check.CheckDefinition;
import io.esteira.quality.check.CheckKind;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class OverdueTest {

    private static CheckDefinition check(String schedule) {
        return new CheckDefinition(
                "rule-x", CheckKind.RULE, schedule, ZoneId.of("America/Sao_Paulo"), AlertEvent.Severity.critical, "");
    }

    @Test
    void shouldAllowTwiceTheScheduleAfterTheLastCompletedRun() {
        CheckDefinition every15 = check("0 */15 * * * ?");
        Instant last = Instant.parse("2026-11-21T10:00:04Z");

        assertThat(Overdue.deadline(every15, last)).isEqualTo(Instant.parse("2026-11-21T10:30:04Z"));
        assertThat(Overdue.isOverdue(every15, last, Instant.parse("2026-11-21T10:30:04Z")))
                .isFalse();
        assertThat(Overdue.isOverdue(every15, last, Instant.parse("2026-11-21T10:30:05Z")))
                .isTrue();
    }

    @Test
    void shouldJudgeADailyCheckByADayNotByMinutes() {
        CheckDefinition daily = check("0 30 8 * * ?");
        Instant last = Instant.parse("2026-11-21T11:30:10Z");

        assertThat(Overdue.isOverdue(daily, last, Instant.parse("2026-11-22T11:31:00Z")))
                .isFalse();
        assertThat(Overdue.isOverdue(daily, last, Instant.parse("2026-11-23T11:30:11Z")))
                .isTrue();
    }
}
