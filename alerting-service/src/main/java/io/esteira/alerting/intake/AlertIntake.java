package io.esteira.alerting.intake;

import io.esteira.alerting.delivery.AlertLog;
import io.esteira.alerting.dispatch.Dispatcher;
import io.esteira.alerting.dispatch.NotifiedAlert;
import io.esteira.alerting.metrics.AlertingMetrics;
import io.esteira.contracts.AlertEvent;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every valid event enters, whatever the channel (JMS, REST): hands it to the dispatcher,
 * counts it, and logs a {@code suppressed} row in {@code audit.alert_log} when the alert is muted on
 * arrival (silenced or inhibited).
 */
public class AlertIntake {

    private static final Logger log = LoggerFactory.getLogger(AlertIntake.class);

    private final Dispatcher dispatcher;
    private final AlertLog alertLog;
    private final AlertingMetrics metrics;

    public AlertIntake(Dispatcher dispatcher, AlertLog alertLog, AlertingMetrics metrics) {
        this.dispatcher = dispatcher;
        this.alertLog = alertLog;
        this.metrics = metrics;
    }

    public Dispatcher.Intake accept(AlertEvent event, String channel) {
        Dispatcher.Intake intake = dispatcher.accept(event);
        metrics.eventIn(
                channel, intake.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        log.debug("Alert {} ({}, {}) from {}: {}", event.id(), event.fingerprint(), event.status(), channel, intake);
        if (intake.muted()) {
            for (String receiver : intake.receivers()) {
                try {
                    alertLog.record(
                            List.of(new NotifiedAlert(event, event.occurredAt(), null)),
                            new AlertLog.Attempt(
                                    receiver, 0, AlertLog.Outcome.suppressed, null, null, "silenced or inhibited"));
                } catch (RuntimeException e) {
                    log.error(
                            "Cannot write the suppressed row of alert {} to audit.alert_log: {}",
                            event.id(),
                            e.getMessage());
                }
            }
        }
        return intake;
    }

    public void invalid(String channel) {
        metrics.eventIn(channel, "invalid");
    }
}
