package io.esteira.quality.run;

import io.esteira.contracts.QualityResult;
import io.esteira.quality.check.Check;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Micrometer meters per check, tagged {@code check} and {@code kind}:
 *
 * <ul>
 *   <li>{@code esteira.quality.check.status}: the latest status, 0 pass, 1 warn, 2 fail, 3 error, -1 not run yet;
 *   <li>{@code esteira.quality.check.value}: the latest measured value (NaN when none);
 *   <li>{@code esteira.quality.check.last.run} (seconds; Prometheus
 *       {@code esteira_quality_check_last_run_seconds}): when the last run completed, epoch seconds (NaN
 *       before the first), so {@code time() - esteira_quality_check_last_run_seconds} shows a check
 *       that stopped running;
 *   <li>{@code esteira.quality.check.duration}: timer of runs, also tagged {@code status};
 *   <li>{@code esteira.quality.check.runs}: counter of runs, also tagged {@code status}.
 * </ul>
 */
public class CheckMetrics {

    private final MeterRegistry registry;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public CheckMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Registers the gauges of a check, with "not run yet" until its first result. The gauges hold their state
     * strongly: Micrometer's default weak reference would let a gauge read NaN once nothing else held it.
     */
    public void register(Check check) {
        states.computeIfAbsent(check.id(), id -> {
            State state = new State();
            Gauge.builder("esteira.quality.check.status", state, s -> s.status.get())
                    .description("Latest status of the check: 0 pass, 1 warn, 2 fail, 3 error, -1 not run yet")
                    .tags("check", id, "kind", check.kind().id())
                    .strongReference(true)
                    .register(registry);
            Gauge.builder("esteira.quality.check.value", state, s -> s.value.get())
                    .description("Latest value measured by the check (offending rows, lag seconds, differing days)")
                    .tags("check", id, "kind", check.kind().id())
                    .strongReference(true)
                    .register(registry);
            Gauge.builder("esteira.quality.check.last.run", state, s -> s.lastRun.get())
                    .description("When the check last completed a run, epoch seconds; NaN before the first")
                    .baseUnit("seconds")
                    .tags("check", id, "kind", check.kind().id())
                    .strongReference(true)
                    .register(registry);
            return state;
        });
    }

    /** Notes that a run of the check completed (whatever its status) at {@code at}. */
    public void completed(Check check, Instant at) {
        register(check);
        states.get(check.id()).lastRun.set(at.toEpochMilli() / 1000.0);
    }

    public void record(Check check, QualityResult result) {
        register(check);
        State state = states.get(check.id());
        state.status.set((double) code(result.status()));
        state.value.set(result.value() == null ? Double.NaN : result.value());
        Timer.builder("esteira.quality.check.duration")
                .description("How long a check run took")
                .tags(
                        "check",
                        check.id(),
                        "kind",
                        check.kind().id(),
                        "status",
                        result.status().name())
                .register(registry)
                .record(Duration.ofMillis(result.durationMs()));
        Counter.builder("esteira.quality.check.runs")
                .description("Check runs by outcome")
                .tags(
                        "check",
                        check.id(),
                        "kind",
                        check.kind().id(),
                        "status",
                        result.status().name())
                .register(registry)
                .increment();
    }

    static int code(QualityResult.Status status) {
        return switch (status) {
            case pass -> 0;
            case warn -> 1;
            case fail -> 2;
            case error -> 3;
        };
    }

    private static final class State {
        final AtomicReference<Double> status = new AtomicReference<>(-1.0);
        final AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
        final AtomicReference<Double> lastRun = new AtomicReference<>(Double.NaN);
    }
}
