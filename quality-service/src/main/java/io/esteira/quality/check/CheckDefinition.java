package io.esteira.quality.check;

import io.esteira.contracts.AlertEvent;
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
 */
public record CheckDefinition(
        String id, CheckKind kind, String schedule, ZoneId zone, AlertEvent.Severity severity, String description) {

    public CheckDefinition {
        description = description == null ? "" : description;
    }
}
