package io.esteira.quality.run;

import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.QualityResult;
import io.esteira.quality.check.Check;
import io.esteira.quality.check.CheckKind;
import io.esteira.quality.check.FreshnessCheck;
import io.esteira.runtime.alert.AlertPublisher;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns results into {@link AlertEvent}s on {@code dw.alerts}: a check that goes to fail or error
 * fires (kind {@code sla} for freshness, {@code quality} otherwise; one fingerprint per check), and
 * fires once more when a repair did not cure it; a firing check that comes back to pass or warn
 * resolves. Warn alone never fires: it shows in the API and the metrics. The state survives restarts
 * through {@code audit.dq_result}: a check whose latest stored result failed is taken as firing.
 */
public class CheckAlerts {

    private static final int DETAIL_LENGTH = 2000;

    private final AlertPublisher publisher;
    private final Map<String, Boolean> firing = new ConcurrentHashMap<>();

    public CheckAlerts(AlertPublisher publisher) {
        this.publisher = publisher;
    }

    /** Takes the alert state of each check from its latest stored result. */
    public void restore(Collection<Check> checks, Map<String, QualityResult> latest) {
        for (Check check : checks) {
            QualityResult last = latest.get(check.id());
            firing.put(check.id(), last != null && isFailure(last.status()));
        }
    }

    public boolean isFiring(String checkId) {
        return firing.getOrDefault(checkId, false);
    }

    /** Publishes on a change of state: firing when a check starts failing, resolved when it recovers. */
    public void onResult(Check check, QualityResult result) {
        boolean failing = isFailure(result.status());
        Boolean before = firing.put(check.id(), failing);
        if (failing && !Boolean.TRUE.equals(before)) {
            publisher.publish(event(check, result, AlertEvent.Status.firing, firingSummary(check, result), Map.of()));
        } else if (!failing && Boolean.TRUE.equals(before)) {
            publisher.publish(event(
                    check,
                    result,
                    AlertEvent.Status.resolved,
                    "Quality check " + check.id() + " passes again: " + result.message(),
                    Map.of()));
        }
    }

    /** Fires again, with what was tried, when a repair left the check failing. */
    public void repairFailed(Check check, QualityResult result, String repair) {
        firing.put(check.id(), true);
        publisher.publish(event(
                check,
                result,
                AlertEvent.Status.firing,
                "Quality check " + check.id() + " still fails after repair: " + result.message(),
                Map.of("repair", cut(repair))));
    }

    static boolean isFailure(QualityResult.Status status) {
        return status == QualityResult.Status.fail || status == QualityResult.Status.error;
    }

    private static String firingSummary(Check check, QualityResult result) {
        return result.status() == QualityResult.Status.error
                ? "Quality check " + check.id() + " could not run: " + result.message()
                : "Quality check " + check.id() + " failed: " + result.message();
    }

    private AlertEvent event(
            Check check, QualityResult result, AlertEvent.Status status, String summary, Map<String, String> extra) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("check", check.id());
        details.put("kind", check.kind().id());
        details.put("status", result.status().name());
        if (result.value() != null) {
            details.put("value", String.valueOf(result.value()));
        }
        if (result.threshold() != null) {
            details.put("threshold", result.threshold());
        }
        if (!result.sample().isEmpty()) {
            details.put("sample", cut(String.join("; ", result.sample())));
        }
        details.put("startedAt", result.startedAt().toString());
        if (!check.definition().description().isEmpty()) {
            details.put("description", check.definition().description());
        }
        details.putAll(extra);
        return publisher.event(
                check.kind() == CheckKind.FRESHNESS ? AlertEvent.Kind.SLA : AlertEvent.Kind.QUALITY,
                check.definition().severity(),
                status,
                entity(check),
                check.id(),
                summary,
                details,
                Map.of(
                        "history", "/api/checks/" + check.id() + "/history",
                        "run", "POST /api/checks/" + check.id() + "/run",
                        "runbook", "quality-service/README.md#when-a-check-fires"));
    }

    /** The entity of a freshness check that watches exactly one; none otherwise. */
    private static String entity(Check check) {
        if (check instanceof FreshnessCheck freshness) {
            List<String> entities = freshness.entities();
            return entities.size() == 1 ? entities.get(0) : null;
        }
        return null;
    }

    private static String cut(String text) {
        return text.length() <= DETAIL_LENGTH ? text : text.substring(0, DETAIL_LENGTH - 1) + "…";
    }
}
