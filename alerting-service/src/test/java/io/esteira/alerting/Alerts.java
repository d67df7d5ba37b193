package io.esteira.alerting;

import io.esteira.contracts.AlertEvent;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Builds {@link AlertEvent}s for tests. */
public final class Alerts {

    private Alerts() {}

    public static AlertEvent firing(
            AlertEvent.Kind kind, AlertEvent.Severity severity, String entity, String fingerprint, Instant at) {
        return event(kind, severity, entity, fingerprint, AlertEvent.Status.firing, at, "Something broke on " + entity);
    }

    public static AlertEvent resolved(
            AlertEvent.Kind kind, AlertEvent.Severity severity, String entity, String fingerprint, Instant at) {
        return event(kind, severity, entity, fingerprint, AlertEvent.Status.resolved, at, "Recovered: " + entity);
    }

    public static AlertEvent event(
            AlertEvent.Kind kind,
            AlertEvent.Severity severity,
            String entity,
            String fingerprint,
            AlertEvent.Status status,
            Instant at,
            String summary) {
        return new AlertEvent(
                AlertEvent.SCHEMA,
                UUID.randomUUID().toString(),
                "loader-service",
                kind,
                severity,
                entity,
                summary,
                Map.of("batch", "b-1"),
                fingerprint,
                status,
                at,
                Map.of("runbook", "https://runbooks.example.com/" + kind.json()));
    }
}
