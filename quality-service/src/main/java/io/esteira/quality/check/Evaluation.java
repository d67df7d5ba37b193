package io.esteira.quality.check;

import io.esteira.contracts.QualityResult.Status;
import java.time.LocalDate;
import java.util.List;

/**
 * The judged measurement of one check run, before the runner adds timing.
 *
 * @param status pass, warn or fail (error is the runner's, for a check that could not run)
 * @param value what was measured
 * @param threshold what it was compared with, in words
 * @param sample a few offending keys or days
 * @param message one line that says what was found
 * @param days reconciliation: the days that differ, oldest first (empty for other kinds)
 * @param entities the judgement of each watched entity, in configuration order, for a check that judges
 *     its entities one by one ({@link Check#entities()}); empty for a check judged as a whole
 */
public record Evaluation(
        Status status,
        Double value,
        String threshold,
        List<String> sample,
        String message,
        List<LocalDate> days,
        List<EntityResult> entities) {

    public Evaluation {
        sample = sample == null ? List.of() : List.copyOf(sample);
        days = days == null ? List.of() : List.copyOf(days);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    public Evaluation(
            Status status, Double value, String threshold, List<String> sample, String message, List<LocalDate> days) {
        this(status, value, threshold, sample, message, days, List.of());
    }

    public Evaluation(Status status, Double value, String threshold, List<String> sample, String message) {
        this(status, value, threshold, sample, message, List.of());
    }
}
