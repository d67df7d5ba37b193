package io.esteira.quality.run;

import io.esteira.quality.check.CheckDefinition;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * When a check is overdue: it has not completed a run within twice its schedule's period after its last
 * completed run (or, before its first, after the service started). The period is the interval between
 * the two fire times that follow the last completion, so a cron that fires unevenly (hourly by day,
 * not at night) is judged by the interval that applies at that moment. Twice the period lets a run that
 * starts late or runs long finish without an alert, and still catches a schedule that stopped firing or
 * a run that hangs for a whole period.
 */
public final class Overdue {

    private Overdue() {}

    /** The instant after which the check is overdue, given its last completed run. */
    public static Instant deadline(CheckDefinition check, Instant lastCompleted) {
        return lastCompleted.plus(period(check, lastCompleted).multipliedBy(2));
    }

    public static boolean isOverdue(CheckDefinition check, Instant lastCompleted, Instant now) {
        return now.isAfter(deadline(check, lastCompleted));
    }

    /** The interval between the two fire times of the check's schedule that follow {@code after}. */
    static Duration period(CheckDefinition check, Instant after) {
        CronExpression cron;
        try {
            cron = new CronExpression(check.schedule());
        } catch (ParseException e) {
            throw new IllegalArgumentException(
                    "Check " + check.id() + " has schedule '" + check.schedule()
                            + "', not a Quartz cron expression; fix its schedule.",
                    e);
        }
        cron.setTimeZone(TimeZone.getTimeZone(check.zone()));
        Date first = cron.getNextValidTimeAfter(Date.from(after));
        Date second = first == null ? null : cron.getNextValidTimeAfter(first);
        if (second == null) {
            return Duration.ofDays(36_500);
        }
        return Duration.between(first.toInstant(), second.toInstant());
    }
}
