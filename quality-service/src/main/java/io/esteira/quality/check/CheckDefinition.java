package io.esteira.quality.check;

import io.esteira.contracts.AlertEvent;
import java.time.Duration;
import java.time.ZoneId;

/**
 * What every check has, whatever its kind.
 *
 * @param id the configured id, lower-case kebab-case
 * @param kind what sort of check
 * @param schedule Quartz cron expression
 * @param zone the time zone of the schedule
 * @param severity the severity of its alert
 * @param description one line for people, may be empty
 * @param timeout the longest one statement of the check may run before it is cancelled and the run
 *     reported as {@code error}
 */
public record CheckDefinition(
        String id,
        CheckKind kind,
        String schedule,
        ZoneId zone,
        AlertEvent.Severity severity,
        String description,
        Duration timeout) {

    /** The statement timeout of a check that sets none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public CheckDefinition {
        description = description == null ? "" : description;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    public CheckDefinition(
            String id, CheckKind kind, String schedule, ZoneId zone, AlertEvent.Severity severity, String description) {
        this(id, kind, schedule, zone, severity, description, DEFAULT_TIMEOUT);
    }
}
