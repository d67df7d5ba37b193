package io.esteira.quality.run;

import io.esteira.contracts.QualityResult;
import io.esteira.contracts.QualityResult.Status;
import io.esteira.quality.check.Check;
import io.esteira.quality.check.Evaluation;
import io.esteira.quality.config.QualityProperties.CheckRepair;
import io.esteira.quality.repair.RepairService;
import java.time.Clock;
import java.time.Instant;
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
 * one asked through the API wait for each other).
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
            record(check, first.result(), alerts.onResult(check, first.result()));
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
            boolean cured = !CheckAlerts.isFailure(second.result().status());
            record(
                    check,
                    second.result(),
                    cured
                            ? alerts.onResult(check, second.result())
                            : alerts.repairFailed(check, second.result(), repair));
            if (cured) {
                repairs.reset(id);
            }
            return second.result();
        } finally {
            lock.unlock();
        }
    }

    private Measured measure(Check check, String prefix) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        try {
            Evaluation evaluation = check.evaluate();
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
            log.warn("Check {} could not run", check.id(), e);
            return new Measured(
                    new QualityResult(
                            QualityResult.SCHEMA,
                            check.id(),
                            check.kind().id(),
                            Status.error,
                            null,
                            null,
                            null,
                            cut(prefix + "The check could not run: " + rootMessage(e)),
                            started,
                            elapsedMs(t0)),
                    null);
        }
    }

    /**
     * Stores the result with its alerts (one transaction) and only then moves the alert state: when the
     * DW refuses the write, the state stays, so the next run raises the same alerts again.
     */
    private void record(Check check, QualityResult result, CheckAlerts.Transition transition) {
        try {
            store.save(check.definition(), result, transition.events());
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

    private record Measured(QualityResult result, Evaluation evaluation) {}
}
