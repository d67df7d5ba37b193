package io.esteira.loader.apply;

import io.esteira.contracts.ChangeBatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;

/**
 * The loader's domain metrics, per entity: {@code esteira.loader.rows} (tag outcome: inserted,
 * updated, ignored, rejected), {@code esteira.loader.batches} (tag outcome), {@code esteira.loader.read}
 * (parsing and checking a batch), {@code esteira.loader.apply} (latency histogram of landing one batch), {@code esteira.loader.lag} (extraction to
 * DW commit, from the batch's {@code extractedAt}), and of the derive passes {@code esteira.loader.derive},
 * {@code esteira.loader.derived} and {@code esteira.loader.derive.failures}.
 */
public class LoaderMetrics {

    private final MeterRegistry registry;
    private final Clock clock;

    public LoaderMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** A change batch parsed and checked against its contract ({@code esteira.loader.read}). */
    public void read(String entity, Duration took) {
        Timer.builder("esteira.loader.read")
                .description("One change batch parsed and checked against its contract")
                .tag("entity", entity)
                .register(registry)
                .record(took);
    }

    public void applied(ChangeBatch batch, ApplyResult result, Duration took) {
        String entity = batch.entity();
        rows(entity, "inserted", result.inserted());
        rows(entity, "updated", result.updated());
        rows(entity, "ignored", result.ignored());
        batches(entity, result.duplicate() ? "duplicate" : "applied");
        Timer.builder("esteira.loader.apply")
                .tag("entity", entity)
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
        if (batch.extractedAt() != null) {
            Timer.builder("esteira.loader.lag")
                    .description("From extraction to DW commit")
                    .tag("entity", entity)
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(Duration.between(batch.extractedAt(), clock.instant()));
        }
    }

    /** A derive pass: {@code esteira.loader.derive} (latency) and {@code esteira.loader.derived} (keys, per entity). */
    public void derived(BatchApplier.DeriveResult result, Duration took) {
        Timer.builder("esteira.loader.derive")
                .description("One derive pass: claim, dimensions, facts, commit")
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
        result.keys().forEach((entity, keys) -> Counter.builder("esteira.loader.derived")
                .description("Keys whose dimensions and facts a derive pass re-derived")
                .tag("entity", entity)
                .register(registry)
                .increment(keys));
    }

    public void parked(String entity) {
        Counter.builder("esteira.loader.derive.parked")
                .description("Keys parked in ctl.derive_failed: no derive pass could take them")
                .tag("entity", entity)
                .register(registry)
                .increment();
    }

    public void deriveFailed() {
        Counter.builder("esteira.loader.derive.failures")
                .description("Derive passes that failed (their keys stay queued)")
                .register(registry)
                .increment();
    }

    public void rejected(String entity, int rows) {
        rows(entity, "rejected", rows);
        batches(entity, "dead-lettered");
    }

    public void failed(String entity) {
        batches(entity, "failed");
    }

    private void rows(String entity, String outcome, int count) {
        Counter.builder("esteira.loader.rows")
                .tag("entity", entity)
                .tag("outcome", outcome)
                .register(registry)
                .increment(count);
    }

    private void batches(String entity, String outcome) {
        Counter.builder("esteira.loader.batches")
                .tag("entity", entity)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
