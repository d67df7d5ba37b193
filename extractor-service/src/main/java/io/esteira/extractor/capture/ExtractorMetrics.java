package io.esteira.extractor.capture;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The extractor's domain metrics, per entity: {@code esteira.extractor.rows.read},
 * {@code esteira.extractor.batches.sent}, {@code esteira.extractor.runs} (timer, tag outcome), the time
 * of each stage of a batch: {@code esteira.extractor.read} (the capture query of a page) and {@code
 * esteira.extractor.send} (encoding and the broker's confirmation), and {@code esteira.extractor.lag.seconds}: how long ago the entity was last seen caught up, i.e. an
 * upper bound on how stale the changes sent so far can be.
 */
public class ExtractorMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Instant> caughtUpAt = new ConcurrentHashMap<>();

    public ExtractorMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Registers the lag gauge of an entity (from start-up, so dashboards see every entity). */
    public void register(String entity) {
        caughtUpAt.putIfAbsent(entity, clock.instant());
        Gauge.builder("esteira.extractor.lag.seconds", caughtUpAt, m -> lagSeconds(entity))
                .description("Seconds since the entity was last caught up with the OLTP")
                .tag("entity", entity)
                .strongReference(true)
                .register(registry);
    }

    public double lagSeconds(String entity) {
        Instant at = caughtUpAt.get(entity);
        return at == null ? 0 : Duration.between(at, clock.instant()).toMillis() / 1000.0;
    }

    void batchSent(String entity, int rows) {
        Counter.builder("esteira.extractor.rows.read")
                .tag("entity", entity)
                .register(registry)
                .increment(rows);
        Counter.builder("esteira.extractor.batches.sent")
                .tag("entity", entity)
                .register(registry)
                .increment();
    }

    /** How long reading a page took ({@code esteira.extractor.read}). */
    void pageRead(String entity, Duration took) {
        Timer.builder("esteira.extractor.read")
                .description("One capture query: a page of changes read from the OLTP")
                .tag("entity", entity)
                .register(registry)
                .record(took);
    }

    /** How long encoding and sending a batch took, to the broker's confirmation ({@code esteira.extractor.send}). */
    void batchPublished(String entity, Duration took) {
        Timer.builder("esteira.extractor.send")
                .description("One change batch encoded and sent, until the broker confirmed it")
                .tag("entity", entity)
                .register(registry)
                .record(took);
    }

    void caughtUp(String entity, Instant runStartedAt) {
        caughtUpAt.put(entity, runStartedAt);
    }

    void runEnded(String entity, Duration duration, boolean success) {
        Timer.builder("esteira.extractor.runs")
                .tag("entity", entity)
                .tag("outcome", success ? "success" : "failure")
                .register(registry)
                .record(duration);
    }
}
