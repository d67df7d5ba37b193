package io.esteira.oltp;

import java.time.Duration;
import java.util.Map;

/** What {@link ChangeWorkload#run} did: changes per kind and how long it took. */
public record WorkloadReport(Map<ChangeKind, Long> changes, Duration elapsed) {

    public WorkloadReport {
        changes = Map.copyOf(changes);
    }

    public long total() {
        return changes.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(ChangeKind kind) {
        return changes.getOrDefault(kind, 0L);
    }

    /** Changes per second over the run. */
    public double rate() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds == 0 ? 0 : total() / seconds;
    }
}
