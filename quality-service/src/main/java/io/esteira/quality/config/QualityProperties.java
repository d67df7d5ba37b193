package io.esteira.quality.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code esteira.quality.*}: the checks and how they run. Checks are a map keyed by check id, so a
 * file imported later (see {@code spring.config.import} in {@code application.yml}) can add a check,
 * change one property of a shipped check, or switch one off ({@code enabled: false}) without repeating
 * the others. Check ids are lower-case kebab-case ({@code orphans-fact-vendas}).
 *
 * @param defaultChecks where the shipped checks are read from (imported by {@code application.yml};
 *     {@code classpath:quality-checks.yml} unless set)
 * @param checksFile an optional file of checks imported after the shipped ones, so its entries win
 *     ({@code /etc/esteira/quality-checks.yml} unless set)
 * @param zone the business time zone: Quartz crons and the "day D by D+1 08:00" SLA are in it
 * @param sampleSize how many offending keys a result keeps
 * @param checks check id to its definition
 * @param repair how to reach the extractor's replay endpoint for detect-and-repair
 * @param alertOutboxPeriod how often the alerts of {@code audit.alert_outbox} are sent to the broker
 * @param overduePeriod how often the service looks for checks that have not completed within twice their
 *     schedule
 */
@Validated
@ConfigurationProperties(prefix = "esteira.quality", ignoreUnknownFields = false)
public record QualityProperties(
        String defaultChecks,
        String checksFile,
        @DefaultValue("America/Sao_Paulo") @NotNull ZoneId zone,
        @DefaultValue("10") @Min(1) @Max(1000) int sampleSize,
        Map<String, CheckProperties> checks,
        @Valid @NotNull @DefaultValue Repair repair,
        @NotNull @DefaultValue("PT1S") Duration alertOutboxPeriod,
        @NotNull @DefaultValue("PT1M") Duration overduePeriod) {

    public QualityProperties {
        checks = checks == null ? Map.of() : new TreeMap<>(checks);
    }

    /**
     * One check as configured. Which fields apply depends on {@code kind}; the check factory refuses a
     * check that lacks what its kind needs, naming it.
     *
     * @param kind orphans, freshness, reconciliation, rule, kpi-smoke, not-null, unique, accepted-values,
     *     range, relationships, schema-drift, volume-anomaly or entity-volume
     * @param schedule a Quartz cron expression (seconds first), in {@link QualityProperties#zone()}
     * @param severity info, warning or critical: the severity of its alert
     * @param enabled false keeps the check out of the schedule, the API and start-up validation
     * @param description one line for people
     * @param threshold fail when the measured value is above it (orphans, rule, reconciliation tolerance,
     *     kpi-smoke tolerance); 0 when absent
     * @param warnAbove warn (not fail) when the value is above it but not above {@code threshold}
     * @param database rule only: dw (default) or oltp
     * @param sql rule only: a query whose rows are the violations; it must return none
     * @param fact orphans only: the fact table, e.g. {@code fact.fact_vendas}
     * @param factKey orphans only: the fact column shown in samples; its primary key when absent
     * @param keys orphans only: each foreign-key column and the dimension it points at
     * @param inferredTolerance orphans only: an inferred member older than this counts as an orphan
     * @param entities freshness, schema-drift and entity-volume: the catalog entities to watch (all when
     *     absent)
     * @param warnAfter freshness only: warn when the oldest change not yet in the DW is older
     * @param errorAfter freshness only: fail when the oldest change not yet in the DW is older
     * @param slaDeadline freshness only: day D must be complete in the DW by this time of D+1 (zone)
     * @param windowDays reconciliation only: how many closed days to compare, ending yesterday (UTC)
     * @param requireData kpi-smoke only: fail when the last closed day has no sales at all
     * @param repair reconciliation only: ask the extractor to replay the mismatching days
     * @param timeout the longest one statement of the check may run (default 5 minutes); a run that
     *     hits it is an {@code error}
     * @param table column tests only: the table whose column is tested, e.g. {@code fact.fact_vendas}
     * @param column column tests only: the tested column
     * @param values accepted-values only: the values the column may take (compared as text)
     * @param min range only: the smallest value allowed (inclusive); no lower bound when absent
     * @param max range only: the largest value allowed (inclusive); no upper bound when absent
     * @param to relationships only: the parent table the column references
     * @param field relationships only: the parent table's column (the tested column's name when absent)
     * @param dateColumn volume-anomaly only: the fact's day column as {@code yyyymmdd} ({@code data_sk} when
     *     absent)
     * @param weeks volume-anomaly and entity-volume: how many of the same weekday before a day make its history (8)
     * @param warnDeviation volume-anomaly and entity-volume: warn when a day's rows differ from the median by more than
     *     this fraction of it (0.3)
     * @param errorDeviation volume-anomaly and entity-volume: fail when a day's rows differ from the median
     *     by more than this fraction of it (0.6)
     * @param minRows volume-anomaly and entity-volume: a day whose rows and median are both below it passes
     *     (0 when absent: every day is judged)
     * @param perEntity entity-volume only: per entity, its own weeks and deviations, or {@code enabled: false}
     *     to leave it out
     */
    public record CheckProperties(
            String kind,
            String schedule,
            @DefaultValue("warning") String severity,
            @DefaultValue("true") boolean enabled,
            String description,
            Double threshold,
            Double warnAbove,
            @DefaultValue("dw") String database,
            String sql,
            String fact,
            String factKey,
            List<DimensionKey> keys,
            Duration inferredTolerance,
            List<String> entities,
            Duration warnAfter,
            Duration errorAfter,
            LocalTime slaDeadline,
            Integer windowDays,
            @DefaultValue("false") boolean requireData,
            @DefaultValue CheckRepair repair,
            Duration timeout,
            String table,
            String column,
            List<String> values,
            BigDecimal min,
            BigDecimal max,
            String to,
            String field,
            String dateColumn,
            Integer weeks,
            Double warnDeviation,
            Double errorDeviation,
            Long minRows,
            Map<String, EntityVolume> perEntity) {

        @ConstructorBinding
        public CheckProperties {
            perEntity = perEntity == null ? Map.of() : Map.copyOf(perEntity);
            values = values == null ? List.of() : List.copyOf(values);
            keys = keys == null ? List.of() : List.copyOf(keys);
            entities = entities == null ? List.of() : List.copyOf(entities);
            repair = repair == null ? new CheckRepair(false, List.of(), 3, 1) : repair;
        }

        /** A check of the kinds that existed before the column tests, drift and volume checks. */
        public CheckProperties(
                String kind,
                String schedule,
                String severity,
                boolean enabled,
                String description,
                Double threshold,
                Double warnAbove,
                String database,
                String sql,
                String fact,
                String factKey,
                List<DimensionKey> keys,
                Duration inferredTolerance,
                List<String> entities,
                Duration warnAfter,
                Duration errorAfter,
                LocalTime slaDeadline,
                Integer windowDays,
                boolean requireData,
                CheckRepair repair,
                Duration timeout) {
            this(
                    kind,
                    schedule,
                    severity,
                    enabled,
                    description,
                    threshold,
                    warnAbove,
                    database,
                    sql,
                    fact,
                    factKey,
                    keys,
                    inferredTolerance,
                    entities,
                    warnAfter,
                    errorAfter,
                    slaDeadline,
                    windowDays,
                    requireData,
                    repair,
                    timeout,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
    }

    /**
     * What one entity changes of an {@code entity-volume} check (absent fields: the check's own).
     *
     * @param enabled false leaves the entity out of the check (a table whose volume is irregular by nature)
     * @param weeks how many of the same weekday before a day make its history
     * @param warnDeviation warn above this fraction of the median
     * @param errorDeviation fail above this fraction of the median
     * @param minRows a day whose rows and median are both below it passes
     */
    public record EntityVolume(
            @DefaultValue("true") boolean enabled,
            Integer weeks,
            Double warnDeviation,
            Double errorDeviation,
            Long minRows) {}

    /**
     * A fact column and the dimension table whose column of the same name it references.
     *
     * @param column the fact's surrogate-key column, e.g. {@code cliente_sk}
     * @param dimension the dimension table, e.g. {@code dim.dim_cliente}
     * @param mandatory a fact must not point at the unknown member (0) through this key
     */
    public record DimensionKey(String column, String dimension, @DefaultValue("false") boolean mandatory) {}

    /**
     * Detect and repair for one reconciliation check.
     *
     * @param enabled replay the mismatching days and check again
     * @param replays what to replay for a day: entity and the timestamp column that selects the day
     * @param maxDays at most this many days are replayed per run (the oldest first)
     * @param maxAttempts a day is replayed at most this many times until the check passes again
     */
    public record CheckRepair(
            @DefaultValue("false") boolean enabled,
            List<ReplayTarget> replays,
            @DefaultValue("3") int maxDays,
            @DefaultValue("1") int maxAttempts) {

        public CheckRepair {
            replays = replays == null || replays.isEmpty()
                    ? List.of(new ReplayTarget("orders", "order_date"))
                    : List.copyOf(replays);
        }
    }

    /** One entity to replay, selected by a timestamp column of its table. */
    public record ReplayTarget(String entity, String column) {}

    /**
     * The extractor's replay endpoint.
     *
     * @param extractorUrl base URL of the extractor service
     * @param username HTTP basic user (empty: no authentication)
     * @param password HTTP basic password
     * @param drainTimeout how long to wait for the loader to apply a replay's batches
     * @param pollInterval how often to look at ctl.applied_batch while waiting
     * @param requestTimeout connect and read timeout of the replay request
     */
    public record Repair(
            @DefaultValue("http://127.0.0.1:8081") @NotNull URI extractorUrl,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("PT10M") @NotNull Duration drainTimeout,
            @DefaultValue("PT2S") @NotNull Duration pollInterval,
            @DefaultValue("PT30S") @NotNull Duration requestTimeout) {

        @Override
        public String toString() {
            return "Repair[extractorUrl=" + extractorUrl + ", username=" + username + ", password=****, drainTimeout="
                    + drainTimeout + ", pollInterval=" + pollInterval + ", requestTimeout=" + requestTimeout + "]";
        }
    }
}
