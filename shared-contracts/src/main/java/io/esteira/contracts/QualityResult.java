package io.esteira.contracts;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one run of one data-quality check ({@code esteira.quality-result/1}).
 *
 * <p>Read and write it with {@link ContractCodec}; its JSON Schema is {@code schemas/quality-result-1.json}.
 *
 * @param schema always {@link #SCHEMA} (null becomes {@link #SCHEMA})
 * @param checkId the check's configured id
 * @param kind the check's kind: orphans, freshness, reconciliation, rule, kpi-smoke, not-null, unique,
 *     accepted-values, range, relationships, schema-drift, volume-anomaly, entity-volume
 * @param status pass, warn, fail, or error (the check itself could not run)
 * @param value what was measured (offending rows, lag seconds, difference), null on error
 * @param threshold what the value was compared with, as configured
 * @param sample a few offending keys or days, for a human to start from
 * @param message one line that says what was found
 * @param startedAt when the run began
 * @param durationMs how long it took
 */
public record QualityResult(
        String schema,
        String checkId,
        String kind,
        Status status,
        Double value,
        String threshold,
        List<String> sample,
        String message,
        Instant startedAt,
        long durationMs) {

    public static final String SCHEMA = "esteira.quality-result/1";

    public QualityResult {
        schema = schema == null ? SCHEMA : schema;
        sample = sample == null ? List.of() : List.copyOf(sample);
    }

    public enum Status {
        pass,
        warn,
        fail,
        error
    }
}
