package io.esteira.extractor.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code esteira.extractor.*}: how often and how much each entity is extracted.
 *
 * @param interval the Quartz fallback schedule of every entity (per-entity override below)
 * @param batchSize rows per change batch (one JMS message); overrides {@code ctl.etl_control.batch_size}
 *     when set
 * @param listen on PostgreSQL, extract at once when a trigger's {@code pg_notify} arrives; the triggers notify
 *     only while a listener waits for their table (docs/adr/0025), so {@code false} also stops their
 *     notifications
 * @param wakeUpDelay the shortest time between two notification wake-ups of an entity: the first
 *     notification after a quiet spell extracts at once, later ones ride along on one wake-up at the end
 *     of this time, so that a busy table is sent in fuller batches (the loader's cost is mostly per
 *     batch); adds at most this much latency, under load only; zero extracts at every notification
 * @param clustered Quartz's clustered JDBC job store in the DW (one active extraction per entity across
 *     replicas); false runs an in-memory scheduler (local stack)
 * @param backoff first and longest pause after a failed run, doubling in between
 * @param entities per-entity overrides, by catalog name; an unknown name fails start-up
 */
@Validated
@ConfigurationProperties("esteira.extractor")
public record ExtractorProperties(
        @NotNull @DefaultValue("PT5S") Duration interval,
        @Min(1) @Max(10_000) Integer batchSize,
        @DefaultValue("true") boolean listen,
        @NotNull @DefaultValue("PT0.05S") Duration wakeUpDelay,
        @DefaultValue("false") boolean clustered,
        @Valid @NotNull @DefaultValue Backoff backoff,
        Map<String, @Valid EntitySettings> entities) {

    public ExtractorProperties {
        if (wakeUpDelay != null && wakeUpDelay.isNegative()) {
            throw new IllegalArgumentException(
                    "esteira.extractor.wake-up-delay must be zero or more, not " + wakeUpDelay);
        }
        entities = entities == null ? Map.of() : Map.copyOf(entities);
    }

    public record Backoff(
            @NotNull @DefaultValue("PT1S") Duration initial, @NotNull @DefaultValue("PT5M") Duration max) {}

    /** Per-entity overrides; null means "use the default". */
    public record EntitySettings(Boolean enabled, Duration interval, @Min(1) @Max(10_000) Integer batchSize) {}

    public Duration intervalOf(String entity) {
        EntitySettings settings = entities.get(entity);
        return settings != null && settings.interval() != null ? settings.interval() : interval;
    }

    /** The configured batch size of an entity, or null to use {@code ctl.etl_control}. */
    public Integer batchSizeOf(String entity) {
        EntitySettings settings = entities.get(entity);
        return settings != null && settings.batchSize() != null ? settings.batchSize() : batchSize;
    }

    /** False only when configuration disables the entity; {@code ctl.etl_control.enabled} also counts. */
    public boolean enabledInConfig(String entity) {
        EntitySettings settings = entities.get(entity);
        return settings == null || settings.enabled() == null || settings.enabled();
    }

    /** Names under {@code esteira.extractor.entities} that are not in the catalog. */
    public Set<String> unknownEntities(Set<String> catalog) {
        return entities.keySet().stream()
                .filter(name -> !catalog.contains(name))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }
}
