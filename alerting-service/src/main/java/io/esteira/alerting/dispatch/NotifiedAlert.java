package io.esteira.alerting.dispatch;

import io.esteira.alerting.model.Labels;
import io.esteira.contracts.AlertEvent;
import java.time.Instant;
import java.util.Map;

/**
 * One alert as a notification carries it: its latest event, when it started firing and, once
 * resolved, when it ended.
 */
public record NotifiedAlert(AlertEvent event, Instant startsAt, Instant endsAt) {

    public boolean resolved() {
        return event.status() == AlertEvent.Status.resolved;
    }

    public Map<String, String> labels() {
        return Labels.of(event);
    }
}
