package io.esteira.loader.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code esteira.loader.*}.
 *
 * @param concurrency consumers per entity queue; the entity is the JMS message group, so one
 *     consumer applies an entity's batches at a time and extra consumers take over on failure
 * @param maxAttempts deliveries of a batch that cannot be applied before it is moved to its DLQ with
 *     the reason (the broker's redelivery delay, doubling, paces the attempts); a retriable failure
 *     (io.esteira.runtime.route.Failures: the DW unreachable, a deadlock) does not count, it is
 *     redelivered until it heals
 * @param entities the entities to consume; empty means every catalog entity
 * @param dlqDepthInterval how often the DLQ depth gauges are refreshed
 * @param deriveInterval how often the {@code derive} route looks for queued keys when no batch landed
 *     in this loader meanwhile (a batch that lands wakes it at once); keys queued by another loader wait
 *     at most this long for this one
 * @param deriveMaxKeys queued keys one derive pass claims: a tenth from the oldest, then, if more wait, those of
 *     dimension members, then the oldest again (with them, the queued keys of the same orders:
 *     apply/postgresql/derive-claim-related.sql; io.esteira.loader.apply.BatchApplier#derive(int)): bigger passes
 *     amortise their fixed cost,
 *     smaller ones keep each transaction (and the capture bound of an OLTP on the same server) short
 * @param deriveVacuumAfterKeys keys derived after which the deriver vacuums the derive queue and its work tables,
 *     once a pass leaves the queue empty, or after ten times as many while keys stay queued (PostgreSQL; 0:
 *     never): a queue whose claimed keys are deleted keeps them as dead index entries and heap rows until a
 *     vacuum, and the look for the oldest queued key and each claim walk over all of them (a live pass's claim
 *     4.9 ms after a 200,000-item load, 0.7 ms after a vacuum); the vacuum runs beside the passes, on a thread
 *     and a connection of its own (io.esteira.loader.apply.Deriver#vacuumWhenDue)
 * @param outageWait how long a batch that met an unreachable warehouse waits for it (then applies again)
 *     before it goes back to its queue anyway, where the broker's redelivery delay lets later batches of
 *     its entity pass it
 */
@Validated
@ConfigurationProperties("esteira.loader")
public record LoaderProperties(
        @Min(1) @Max(64) @DefaultValue("1") int concurrency,
        @Min(1) @Max(100) @DefaultValue("5") int maxAttempts,
        List<String> entities,
        @NotNull @DefaultValue("PT15S") java.time.Duration dlqDepthInterval,
        @NotNull @DefaultValue("PT0.05S") java.time.Duration deriveInterval,
        @Min(1) @Max(1_000_000) @DefaultValue("20000") int deriveMaxKeys,
        @Min(0) @DefaultValue("10000") int deriveVacuumAfterKeys,
        @NotNull @DefaultValue("PT5M") java.time.Duration outageWait) {

    public LoaderProperties {
        entities = entities == null ? List.of() : List.copyOf(entities);
    }
}
