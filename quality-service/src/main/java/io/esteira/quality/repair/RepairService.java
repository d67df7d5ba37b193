package io.esteira.quality.repair;

import io.esteira.quality.config.QualityProperties.CheckRepair;
import io.esteira.quality.config.QualityProperties.ReplayTarget;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Detect → repair for reconciliation: asks the extractor to replay each differing day's window for the
 * configured entities (by default {@code orders} by {@code order_date}: the loader then rebuilds those
 * orders' facts from its staging mirror) and waits until the loader has applied every replayed batch.
 * A day is replayed at most {@code max-attempts} times until its check passes again, so a mismatch
 * that replay cannot cure is not replayed forever.
 */
public class RepairService {

    /**
     * What a repair did.
     *
     * @param days the days replayed
     * @param steps one line per replay: the receipt and whether it drained, or why it failed
     * @param complete every replay was accepted and drained in time
     */
    public record Outcome(List<LocalDate> days, List<String> steps, boolean complete) {

        public String describe() {
            return "replay of "
                    + String.join(", ", days.stream().map(LocalDate::toString).toList()) + " ("
                    + String.join("; ", steps) + ")";
        }
    }

    private final ReplayClient client;
    private final ReplayDrain drain;
    private final Map<String, Map<LocalDate, Integer>> attempts = new ConcurrentHashMap<>();

    public RepairService(ReplayClient client, ReplayDrain drain) {
        this.client = client;
        this.drain = drain;
    }

    /**
     * Replays the oldest differing days that have attempts left, at most {@code plan.maxDays()}.
     *
     * @return empty when every differing day has used its attempts
     */
    public Optional<Outcome> repair(String checkId, CheckRepair plan, List<LocalDate> differingDays) {
        Map<LocalDate, Integer> tried = attempts.computeIfAbsent(checkId, id -> new ConcurrentHashMap<>());
        List<LocalDate> days = differingDays.stream()
                .filter(day -> tried.getOrDefault(day, 0) < plan.maxAttempts())
                .limit(plan.maxDays())
                .toList();
        if (days.isEmpty()) {
            return Optional.empty();
        }
        List<String> steps = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        boolean complete = true;
        for (LocalDate day : days) {
            tried.merge(day, 1, Integer::sum);
            for (ReplayTarget target : plan.replays()) {
                try {
                    ReplayReceipt receipt = client.replay(
                            target, day.atStartOfDay(), day.plusDays(1).atStartOfDay());
                    pending.add(new Pending(day, target, receipt));
                } catch (ReplayException e) {
                    complete = false;
                    steps.add(target.entity() + " " + day + ": " + e.getMessage());
                }
            }
        }
        for (Pending p : pending) {
            ReplayReceipt receipt = p.receipt();
            boolean drained = drain.await(receipt.replayId(), receipt.batches());
            complete &= drained;
            steps.add(p.target().entity() + " " + p.day() + ": " + receipt.replayId() + ", " + receipt.batches()
                    + " batches, " + receipt.rows() + " rows, "
                    + (drained ? "applied" : drain.applied(receipt.replayId()) + " applied within " + drain.timeout()));
        }
        return Optional.of(new Outcome(days, steps, complete));
    }

    /** Forgets the attempts of a check that passes again. */
    public void reset(String checkId) {
        attempts.remove(checkId);
    }

    private record Pending(LocalDate day, ReplayTarget target, ReplayReceipt receipt) {}
}
