package io.esteira.quality.run;

import io.esteira.contracts.QualityResult;
import io.esteira.contracts.QualityResult.Status;
import io.esteira.quality.check.Check;
import io.esteira.quality.check.EntityResult;
import io.esteira.quality.check.Evaluation;
import io.esteira.quality.check.StatementTimeout;
import io.esteira.quality.config.QualityProperties.CheckRepair;
import io.esteira.quality.repair.RepairService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one check: measures, writes {@code audit.dq_result}, updates the metrics, raises or resolves
 * its alert, and, for a failing reconciliation with repair enabled, replays the differing days, waits
 * for the loader and runs the check again. Runs of the same check never overlap (a scheduled run and
 * one asked through the API wait for each other). Each statement of a check is cancelled at the check's
 * {@code timeout} (the run is then {@code error}); {@link #reportOverdue()} raises "check overdue" for a
 * check that has not completed a run within twice its schedule ({@link Overdue}).
 */
public class CheckRunner {

    private static final Logger log = LoggerFactory.getLogger(CheckRunner.class);
    private static final int MESSAGE_LENGTH = 4000;

    private final CheckRegistry registry;
    private final ResultStore store;
    private final CheckMetrics metrics;
    private final CheckAlerts alerts;
    private final RepairService repairs;
    private final Clock clock;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, Instant> completed = new ConcurrentHashMap<>();
    private volatile Instant scheduledSince;

    public CheckRunner(
            CheckRegistry registry,
            ResultStore store,
            CheckMetrics metrics,
            CheckAlerts alerts,
            RepairService repairs,
            Clock clock) {
        this.registry = registry;
        this.store = store;
        this.metrics = metrics;
        this.alerts = alerts;
        this.repairs = repairs;
        this.clock = clock;
    }

    /**
     * Starts the overdue clock of the checks that have not run yet: call it once their schedules fire (the
     * service is ready). Counted from the runner's creation instead, a start slower than twice a short
     * schedule (a check every 5 s, a start of 13 s on a loaded machine) raised "check overdue" for a check
     * that had never been due.
     */
    public void schedulesStarted() {
        scheduledSince = clock.instant();
    }

    /**
     * Runs the check now and returns its final result (after a repair, the re-check's).
     *
     * @throws UnknownCheckException when no enabled check has this id
     */
    public QualityResult run(String id) {
        Check check = registry.find(id).orElseThrow(() -> new UnknownCheckException(id));
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        lock.lock();
        try {
            Measured first = measure(check, "");
            completed(check);
            record(check, first, alerts.onResult(check, first.result(), first.entities()));
            Optional<CheckRepair> plan = registry.repair(id);
            if (first.result().status() != Status.fail || plan.isEmpty()) {
                if (!CheckAlerts.isFailure(first.result().status())) {
                    repairs.reset(id);
                }
                return first.result();
            }
            Optional<RepairService.Outcome> outcome =
                    repairs.repair(id, plan.get(), first.evaluation().days());
            if (outcome.isEmpty()) {
                return first.result();
            }
            String repair = outcome.get().describe();
            log.info("Check {} repaired by {}; checking again", id, repair);
            Measured second = measure(check, CheckAlerts.AFTER_REPAIR_MESSAGE + repair + ": ");
            completed(check);
            boolean cured = !CheckAlerts.isFailure(second.result().status());
            record(
                    check,
                    second,
                    cured
                            ? alerts.onResult(check, second.result(), second.entities())
                            : alerts.repairFailed(check, second.result(), second.entities(), repair));
            if (cured) {
                repairs.reset(id);
            }
            return second.result();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Raises "check overdue" (once, until the check completes a run again) for every check that has not
     * completed a run within twice its schedule since its last completed run, or since its schedule started
     * ({@link #schedulesStarted()}) when it has not run yet; before that, such a check is not judged. The
     * alert goes through {@code audit.alert_outbox}; when the DW refuses the write, the next call raises it
     * again.
     *
     * @return the ids of the checks reported now
     */
    public List<String> reportOverdue() {
        Instant now = clock.instant();
        List<String> reported = new ArrayList<>();
        Instant scheduled = scheduledSince;
        for (Check check : registry.all()) {
            Instant since = completed.getOrDefault(check.id(), scheduled);
            if (since == null) {
                continue;
            }
            Instant deadline = Overdue.deadline(check.definition(), since);
            if (!now.isAfter(deadline) || alerts.isOverdue(check.id())) {
                continue;
            }
            String message = "Check " + check.id() + " has not completed a run since " + since
                    + " (schedule '" + check.definition().schedule() + "', due by " + deadline
                    + "); see whether it hangs (its timeout is "
                    + check.definition().timeout()
                    + ") or the scheduler stopped, in the service's log and GET /api/checks/" + check.id()
                    + "/history.";
            QualityResult result = new QualityResult(
                    QualityResult.SCHEMA,
                    check.id(),
                    check.kind().id(),
                    Status.error,
                    (double) Duration.between(since, now).toSeconds(),
                    "completed within 2 x schedule",
                    null,
                    cut(message),
                    now,
                    0);
            CheckAlerts.Transition transition = alerts.overdue(check, result);
            try {
                store.enqueue(transition.events());
                alerts.commit(transition);
                reported.add(check.id());
                log.warn(message);
            } catch (RuntimeException e) {
                log.error(
                        "Could not write the overdue alert of check {} to audit.alert_outbox: {}; the next"
                                + " sweep raises it again",
                        check.id(),
                        e.getMessage());
            }
        }
        return reported;
    }

    private void completed(Check check) {
        Instant at = clock.instant();
        completed.put(check.id(), at);
        metrics.completed(check, at);
    }

    private Measured measure(Check check, String prefix) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        try {
            Evaluation evaluation = StatementTimeout.within(check.definition().timeout(), check::evaluate);
            return new Measured(
                    new QualityResult(
                            QualityResult.SCHEMA,
                            check.id(),
                            check.kind().id(),
                            evaluation.status(),
                            evaluation.value(),
                            evaluation.threshold(),
                            evaluation.sample(),
                            cut(prefix + evaluation.message()),
                            started,
                            elapsedMs(t0)),
                    evaluation);
        } catch (RuntimeException e) {
            boolean timedOut = StatementTimeout.isTimeout(e);
            if (timedOut) {
                log.warn(
                        "Check {} hit its timeout of {}",
                        check.id(),
                        check.definition().timeout());
            } else {
                log.warn("Check {} could not run", check.id(), e);
            }
            return new Measured(
                    new QualityResult(
                            QualityResult.SCHEMA,
                            check.id(),
                            check.kind().id(),
                            Status.error,
                            null,
                            null,
                            null,
                            cut(prefix
                                    + (timedOut
                                            ? timeoutMessage(check)
                                            : "The check could not run: " + rootMessage(e))),
                            started,
                            elapsedMs(t0)),
                    null);
        }
    }

    /**
     * Stores the result with its entities' judgement and its alerts (one transaction) and only then moves
     * the alert state: when the
     * DW refuses the write, the state stays, so the next run raises the same alerts again.
     */
    private void record(Check check, Measured measured, CheckAlerts.Transition transition) {
        QualityResult result = measured.result();
        try {
            store.save(check.definition(), result, measured.entities(), transition.events());
            alerts.commit(transition);
        } catch (RuntimeException e) {
            log.error(
                    "Could not write the result of check {} and its {} alert(s) to audit.dq_result and"
                            + " audit.alert_outbox: {}; the next run raises them again",
                    check.id(),
                    transition.events().size(),
                    e.getMessage());
        }
        metrics.record(check, result);
        log.info("Check {} {}: {}", check.id(), result.status(), result.message());
    }

    static String timeoutMessage(Check check) {
        return "Check " + check.id() + " did not finish within its timeout of "
                + check.definition().timeout()
                + " and was cancelled; make its SQL faster or raise esteira.quality.checks." + check.id()
                + ".timeout.";
    }

    private static long elapsedMs(long t0) {
        return Math.max(0, (System.nanoTime() - t0) / 1_000_000);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }

    private static String cut(String message) {
        return message.length() <= MESSAGE_LENGTH ? message : message.substring(0, MESSAGE_LENGTH - 1) + "…";
    }

    private record Measured(QualityResult result, Evaluation evaluation) {
        /** The judgement of each entity; none when the check could not run or judges as a whole. */
        List<EntityResult> entities() {
            return evaluation == null ? List.of() : evaluation.entities();
        }
    }
}
