package io.esteira.quality.run;

import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.QualityResult;
import io.esteira.quality.check.Check;
import io.esteira.quality.check.CheckKind;
import io.esteira.quality.check.EntityResult;
import io.esteira.runtime.alert.AlertPublisher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which {@link AlertEvent}s a result raises; the runner writes them to the outbox
 * ({@code audit.alert_outbox}) in the same transaction as the result, and {@link AlertOutbox} sends them
 * to {@code dw.alerts} until the broker confirms, so an alert is never lost between a check and the
 * broker. A check that goes to fail or error fires (kind {@code sla} for freshness, {@code quality}
 * otherwise; fingerprint {@code quality-service:<kind>:-:<check id>}); a repair that did not cure it
 * fires a distinct situation (fingerprint {@code ...:<check id>:after-repair}), so the alerting service
 * notifies it instead of taking it for the first alert; a firing check that comes back to pass or warn
 * resolves both. Warn alone never fires: it shows in the API and the metrics.
 *
 * <p>A check that judges its entities one by one ({@link Check#entities()}: freshness, schema drift)
 * alerts per entity: each entity that fails fires its own alert, labelled {@code entity=<name>}
 * (fingerprint {@code quality-service:<kind>:<entity>:<check id>}, and {@code ...:after-repair}), and resolves it when it
 * recovers while the others keep firing; so an inhibition rule {@code equal: [entity]} applies to it. Such
 * a check fires an entity-less alert only when it could not run (error), resolved once it runs again.
 *
 * <p>The state moves only when the runner {@link #commit commits} a transition, after its result and
 * events were stored; it survives restarts through {@code audit.dq_result} and, per entity, {@code
 * audit.dq_result_entity}: a check (or an entity) whose latest stored result failed is taken as firing,
 * and as failing after repair when that result was the re-check of a repair.
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
     * Whose alert state: a whole check ({@code entity} null) or one entity of a check judged per entity.
     */
    record Key(String checkId, String entity) {
        static Key whole(String checkId) {
            return new Key(checkId, null);
        }
    }

    /** The alert state of one key. */
    record State(boolean firing, boolean repairFiring, boolean overdueFiring) {}

    private static final State QUIET = new State(false, false, false);

    /**
     * The alert state of one check after a result, and the events to send for it.
     *
     * @param checkId the check
     * @param after the state of each key of the check this result moves (the check, its entities)
     * @param events the events to write to the outbox, in order
     */
    public record Transition(String checkId, Map<Key, State> after, List<AlertEvent> events) {
        public Transition {
            after = Map.copyOf(after);
            events = List.copyOf(events);
        }
    }

    /**
     * The latest stored judgement of one entity of a check, as {@link ResultStore#latestEntities()} reads
     * it.
     *
     * @param checkId the check
     * @param result the entity's judgement
     * @param resultMessage the message of the check's result it belongs to (it says whether that run was
     *     the re-check of a repair)
     */
    public record StoredEntity(String checkId, EntityResult result, String resultMessage) {}

    private final AlertPublisher publisher;
    private final Map<Key, State> states = new ConcurrentHashMap<>();

    public CheckAlerts(AlertPublisher publisher) {
        this.publisher = publisher;
    }

    /** Takes the alert state of each check from its latest stored result. */
    public void restore(Collection<Check> checks, Map<String, QualityResult> latest) {
        restore(checks, latest, List.of());
    }

    /**
     * Takes the alert state of each check from its latest stored result and, for a check judged per
     * entity, of each entity from its latest stored judgement: the run before an error still tells which
     * entities were late.
     */
    public void restore(Collection<Check> checks, Map<String, QualityResult> latest, List<StoredEntity> entities) {
        Set<String> ids = new HashSet<>();
        for (Check check : checks) {
            ids.add(check.id());
            QualityResult last = latest.get(check.id());
            boolean failing = last != null
                    && (check.entities().isEmpty()
                            ? isFailure(last.status())
                            : last.status() == QualityResult.Status.error);
            states.put(Key.whole(check.id()), new State(failing, failing && afterRepair(last.message()), false));
        }
        for (StoredEntity stored : entities) {
            if (ids.contains(stored.checkId())) {
                boolean failing = isFailure(stored.result().status());
                states.put(
                        new Key(stored.checkId(), stored.result().entity()),
                        new State(failing, failing && afterRepair(stored.resultMessage()), false));
            }
        }
    }

    /** Whether the check's own (entity-less) alert fires. */
    public boolean isFiring(String checkId) {
        return state(Key.whole(checkId)).firing();
    }

    /** Whether the alert of {@code entity} of the check fires. */
    public boolean isFiring(String checkId, String entity) {
        return state(new Key(checkId, entity)).firing();
    }

    public boolean isOverdue(String checkId) {
        return state(Key.whole(checkId)).overdueFiring();
    }

    /** {@link #onResult(Check, QualityResult, List)} of a check judged as a whole. */
    public Transition onResult(Check check, QualityResult result) {
        return onResult(check, result, List.of());
    }

    /**
     * Fires when a check (or, with {@code entities}, an entity) starts failing, resolves (each firing
     * alert) when it recovers; any completed run resolves its "check overdue" alert. With {@code entities}
     * (the run judged each entity) the check's own alert fires only for an error; an entity that fired
     * before and is no longer judged (taken out of the configuration) is resolved.
     */
    public Transition onResult(Check check, QualityResult result, List<EntityResult> entities) {
        Key whole = Key.whole(check.id());
        State before = state(whole);
        boolean perEntity = !entities.isEmpty();
        boolean failing = !perEntity && isFailure(result.status());
        List<AlertEvent> events = new ArrayList<>();
        Map<Key, State> after = new LinkedHashMap<>();
        if (failing && !before.firing()) {
            events.add(
                    event(check, result, null, AlertEvent.Status.firing, "", firingSummary(check, result), Map.of()));
        } else if (!failing && before.firing()) {
            String summary = perEntity
                    ? "Quality check " + check.id() + " runs again (" + result.status()
                            + "); each entity alerts on its own: " + result.message()
                    : "Quality check " + check.id() + " passes again: " + result.message();
            events.add(event(check, result, null, AlertEvent.Status.resolved, "", summary, Map.of()));
            if (before.repairFiring()) {
                events.add(event(check, result, null, AlertEvent.Status.resolved, AFTER_REPAIR, summary, Map.of()));
            }
        }
        if (before.overdueFiring()) {
            events.add(event(
                    check,
                    result,
                    null,
                    AlertEvent.Status.resolved,
                    OVERDUE,
                    "Quality check " + check.id() + " completed a run again (" + result.status() + ").",
                    Map.of()));
        }
        after.put(whole, new State(failing, failing && before.repairFiring(), false));
        if (perEntity) {
            judgeEntities(check, result, entities, events, after);
        }
        return new Transition(check.id(), after, events);
    }

    private void judgeEntities(
            Check check,
            QualityResult result,
            List<EntityResult> entities,
            List<AlertEvent> events,
            Map<Key, State> after) {
        Set<String> judged = new HashSet<>();
        for (EntityResult entity : entities) {
            judged.add(entity.entity());
            Key key = new Key(check.id(), entity.entity());
            State before = state(key);
            boolean failing = isFailure(entity.status());
            if (failing && !before.firing()) {
                events.add(event(
                        check,
                        result,
                        entity,
                        AlertEvent.Status.firing,
                        "",
                        "Quality check " + check.id() + " failed for " + entity.entity() + ": " + entity.message(),
                        Map.of()));
            } else if (!failing && before.firing()) {
                String summary = "Quality check " + check.id() + " passes again for " + entity.entity() + ": "
                        + entity.message();
                events.add(event(check, result, entity, AlertEvent.Status.resolved, "", summary, Map.of()));
                if (before.repairFiring()) {
                    events.add(
                            event(check, result, entity, AlertEvent.Status.resolved, AFTER_REPAIR, summary, Map.of()));
                }
            }
            after.put(key, new State(failing, failing && before.repairFiring(), false));
        }
        states.forEach((key, state) -> {
            if (key.checkId().equals(check.id())
                    && key.entity() != null
                    && !judged.contains(key.entity())
                    && state.firing()) {
                EntityResult gone = new EntityResult(
                        key.entity(), QualityResult.Status.pass, null, "no longer watched by the check");
                String summary = "Quality check " + check.id() + " no longer watches " + key.entity()
                        + "; its alert is resolved.";
                events.add(event(check, result, gone, AlertEvent.Status.resolved, "", summary, Map.of()));
                if (state.repairFiring()) {
                    events.add(event(check, result, gone, AlertEvent.Status.resolved, AFTER_REPAIR, summary, Map.of()));
                }
                after.put(key, QUIET);
            }
        });
    }

    /**
     * Fires the distinct situation "check overdue" ({@code result} says since when and until when), leaving
     * the check's own alert state as it is.
     */
    public Transition overdue(Check check, QualityResult result) {
        Key whole = Key.whole(check.id());
        State before = state(whole);
        AlertEvent event = event(
                check,
                result,
                null,
                AlertEvent.Status.firing,
                OVERDUE,
                "Quality check " + check.id() + " is overdue: " + result.message(),
                Map.of());
        return new Transition(
                check.id(), Map.of(whole, new State(before.firing(), before.repairFiring(), true)), List.of(event));
    }

    /** {@link #repairFailed(Check, QualityResult, List, String)} of a check judged as a whole. */
    public Transition repairFailed(Check check, QualityResult result, String repair) {
        return repairFailed(check, result, List.of(), repair);
    }

    /**
     * Fires the distinct situation "still fails after repair", with what was tried: for the check, or, with
     * {@code entities}, for each entity that still fails (entities the repair cured resolve).
     */
    public Transition repairFailed(Check check, QualityResult result, List<EntityResult> entities, String repair) {
        Transition base = onResult(check, result, entities);
        List<AlertEvent> events = new ArrayList<>(base.events());
        Map<Key, State> after = new LinkedHashMap<>(base.after());
        Map<String, String> tried = Map.of("repair", cut(repair));
        if (entities.isEmpty()) {
            Key whole = Key.whole(check.id());
            events.add(event(
                    check,
                    result,
                    null,
                    AlertEvent.Status.firing,
                    AFTER_REPAIR,
                    "Quality check " + check.id() + " still fails after repair: " + result.message(),
                    tried));
            after.put(whole, new State(true, true, after.get(whole).overdueFiring()));
        } else {
            for (EntityResult entity : entities) {
                if (isFailure(entity.status())) {
                    events.add(event(
                            check,
                            result,
                            entity,
                            AlertEvent.Status.firing,
                            AFTER_REPAIR,
                            "Quality check " + check.id() + " still fails after repair for " + entity.entity() + ": "
                                    + entity.message(),
                            tried));
                    after.put(new Key(check.id(), entity.entity()), new State(true, true, false));
                }
            }
        }
        return new Transition(check.id(), after, events);
    }

    /** Moves the state of the check once the transition's result and events are stored. */
    public void commit(Transition transition) {
        states.putAll(transition.after());
    }

    private State state(Key key) {
        return states.getOrDefault(key, QUIET);
    }

    static boolean isFailure(QualityResult.Status status) {
        return status == QualityResult.Status.fail || status == QualityResult.Status.error;
    }

    private static boolean afterRepair(String message) {
        return message != null && message.startsWith(AFTER_REPAIR_MESSAGE);
    }

    private static String firingSummary(Check check, QualityResult result) {
        return result.status() == QualityResult.Status.error
                ? "Quality check " + check.id() + " could not run: " + result.message()
                : "Quality check " + check.id() + " failed: " + result.message();
    }

    /**
     * One event about the check ({@code entity} null) or one of its entities: the fingerprint is {@code
     * quality-service:<kind>:<entity or ->:<check id><situation>}, the situation being empty, {@link
     * #AFTER_REPAIR} or {@link #OVERDUE}.
     */
    private AlertEvent event(
            Check check,
            QualityResult result,
            EntityResult entity,
            AlertEvent.Status status,
            String situation,
            String summary,
            Map<String, String> extra) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("check", check.id());
        details.put("kind", check.kind().id());
        details.put("status", (entity == null ? result.status() : entity.status()).name());
        Double value = entity == null ? result.value() : entity.value();
        if (value != null) {
            details.put("value", String.valueOf(value));
        }
        if (result.threshold() != null) {
            details.put("threshold", result.threshold());
        }
        if (entity != null) {
            details.put("sample", cut(entity.message()));
        } else if (!result.sample().isEmpty()) {
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
                entity == null ? null : entity.entity(),
                check.id() + situation,
                summary,
                details,
                Map.of(
                        "history", "/api/checks/" + check.id() + "/history",
                        "run", "POST /api/checks/" + check.id() + "/run",
                        "runbook", "quality-service/README.md#when-a-check-fires"));
    }

    private static String cut(String text) {
        return text.length() <= DETAIL_LENGTH ? text : text.substring(0, DETAIL_LENGTH - 1) + "…";
    }
}
