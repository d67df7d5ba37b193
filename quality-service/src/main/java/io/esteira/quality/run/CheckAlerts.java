package io.esteira.quality.run;

import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.QualityResult;
import io.esteira.quality.check.Check;
import io.esteira.quality.check.CheckKind;
import io.esteira.quality.check.FreshnessCheck;
import io.esteira.runtime.alert.AlertPublisher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which {@link AlertEvent}s a result raises; the runner writes them to the outbox
 * ({@code audit.alert_outbox}) in the same transaction as the result, and {@link AlertOutbox} sends them
 * to {@code dw.alerts} until the broker confirms, so an alert is never lost between a check and the
 * broker. A check that goes to fail or error fires (kind {@code sla} for freshness, {@code quality}
 * otherwise; fingerprint {@code quality-service:<kind>:-:<check id>}); a repair that did not cure it
 * fires a distinct situation (fingerprint {@code ...:<check id>:after-repair}), so the alerting service
 * notifies it instead of taking it for the first alert; a firing check that comes back to pass or warn
 * resolves both. Warn alone never fires: it shows in the API and the metrics. The state moves only
 * when the runner {@link #commit commits} a transition, after its result and events were stored; it
 * survives restarts through {@code audit.dq_result}: a check whose latest stored result failed is taken
 * as firing (and as failing after repair when that result was the re-check of a repair).
 */
public class CheckAlerts {

    /** The suffix of the fingerprint of "still fails after repair". */
    static final String AFTER_REPAIR = ":after-repair";

    /** The suffix of the fingerprint of "check overdue". */
    static final String OVERDUE = ":overdue";

    /** The prefix {@link CheckRunner} gives the message of a re-check after a repair. */
    static final String AFTER_REPAIR_MESSAGE = "After ";

    private static final int DETAIL_LENGTH = 2000;

    /**
     * The alert state of one check after a result, and the events to send for it.
     *
     * @param checkId the check
     * @param firing the check fires after this result
     * @param repairFiring its "still fails after repair" alert fires after this result
     * @param overdueFiring its "check overdue" alert fires after this result
     * @param events the events to write to the outbox, in order
     */
    public record Transition(
            String checkId, boolean firing, boolean repairFiring, boolean overdueFiring, List<AlertEvent> events) {
        public Transition {
            events = List.copyOf(events);
        }

        public Transition(String checkId, boolean firing, boolean repairFiring, List<AlertEvent> events) {
            this(checkId, firing, repairFiring, false, events);
        }
    }

    private record State(boolean firing, boolean repairFiring, boolean overdueFiring) {}

    private static final State QUIET = new State(false, false, false);

    private final AlertPublisher publisher;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public CheckAlerts(AlertPublisher publisher) {
        this.publisher = publisher;
    }

    /** Takes the alert state of each check from its latest stored result. */
    public void restore(Collection<Check> checks, Map<String, QualityResult> latest) {
        for (Check check : checks) {
            QualityResult last = latest.get(check.id());
            boolean failing = last != null && isFailure(last.status());
            states.put(
                    check.id(), new State(failing, failing && last.message().startsWith(AFTER_REPAIR_MESSAGE), false));
        }
    }

    public boolean isFiring(String checkId) {
        return state(checkId).firing();
    }

    public boolean isOverdue(String checkId) {
        return state(checkId).overdueFiring();
    }

    /**
     * Fires when a check starts failing, resolves (each firing alert) when it recovers; any completed run
     * resolves its "check overdue" alert.
     */
    public Transition onResult(Check check, QualityResult result) {
        State before = state(check.id());
        boolean failing = isFailure(result.status());
        List<AlertEvent> events = new ArrayList<>();
        if (failing && !before.firing()) {
            events.add(
                    event(check, result, AlertEvent.Status.firing, check.id(), firingSummary(check, result), Map.of()));
        } else if (!failing && before.firing()) {
            String summary = "Quality check " + check.id() + " passes again: " + result.message();
            events.add(event(check, result, AlertEvent.Status.resolved, check.id(), summary, Map.of()));
            if (before.repairFiring()) {
                events.add(
                        event(check, result, AlertEvent.Status.resolved, check.id() + AFTER_REPAIR, summary, Map.of()));
            }
        }
        if (before.overdueFiring()) {
            events.add(event(
                    check,
                    result,
                    AlertEvent.Status.resolved,
                    check.id() + OVERDUE,
                    "Quality check " + check.id() + " completed a run again (" + result.status() + ").",
                    Map.of()));
        }
        return new Transition(check.id(), failing, failing && before.repairFiring(), false, events);
    }

    /**
     * Fires the distinct situation "check overdue" ({@code result} says since when and until when), leaving
     * the check's own alert state as it is.
     */
    public Transition overdue(Check check, QualityResult result) {
        State before = state(check.id());
        AlertEvent event = event(
                check,
                result,
                AlertEvent.Status.firing,
                check.id() + OVERDUE,
                "Quality check " + check.id() + " is overdue: " + result.message(),
                Map.of());
        return new Transition(check.id(), before.firing(), before.repairFiring(), true, List.of(event));
    }

    /** Fires the distinct situation "still fails after repair", with what was tried. */
    public Transition repairFailed(Check check, QualityResult result, String repair) {
        AlertEvent event = event(
                check,
                result,
                AlertEvent.Status.firing,
                check.id() + AFTER_REPAIR,
                "Quality check " + check.id() + " still fails after repair: " + result.message(),
                Map.of("repair", cut(repair)));
        return new Transition(check.id(), true, true, state(check.id()).overdueFiring(), List.of(event));
    }

    /** Moves the state of the check once the transition's result and events are stored. */
    public void commit(Transition transition) {
        states.put(
                transition.checkId(),
                new State(transition.firing(), transition.repairFiring(), transition.overdueFiring()));
    }

    private State state(String checkId) {
        return states.getOrDefault(checkId, QUIET);
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
            Check check,
            QualityResult result,
            AlertEvent.Status status,
            String problem,
            String summary,
            Map<String, String> extra) {
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
                problem,
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
