package io.esteira.quality.check;

import io.esteira.quality.dialect.QualityDialect;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code audit.dq_freshness_sighting}: for an entity without a change time, the newest change order the
 * freshness check saw pending and when it first saw it, kept in the DW so that a restart of the service
 * does not reset the lag ({@link Sighting}). Written with the DW login results are written with.
 */
public class PendingSightings {

    private final QualityDialect dialect;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public PendingSightings(DataSource dataSource, QualityDialect dialect) {
        this.dialect = dialect;
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** What the check last recorded for the entity, if changes were pending. */
    public Optional<Sighting> find(String checkId, String entity) {
        return jdbc.query(
                dialect.sql("freshness-sighting-find"),
                key(checkId, entity),
                rs -> rs.next()
                        ? Optional.of(new Sighting(
                                rs.getLong("seen_version"),
                                rs.getObject("first_seen_at", LocalDateTime.class)
                                        .toInstant(ZoneOffset.UTC)))
                        : Optional.empty());
    }

    /** Replaces the entity's sighting with {@code sighting}, or removes it when null. */
    public void record(String checkId, String entity, Sighting sighting) {
        transactions.executeWithoutResult(status -> {
            jdbc.update(dialect.sql("freshness-sighting-delete"), key(checkId, entity));
            if (sighting != null) {
                jdbc.update(
                        dialect.sql("freshness-sighting-insert"),
                        Map.of(
                                "check_id",
                                checkId,
                                "entity",
                                entity,
                                "seen_version",
                                sighting.version(),
                                "first_seen_at",
                                LocalDateTime.ofInstant(sighting.firstSeenAt(), ZoneOffset.UTC)));
            }
        });
    }

    private static Map<String, Object> key(String checkId, String entity) {
        return Map.of("check_id", checkId, "entity", entity);
    }

    /**
     * Changes up to {@code version} (change order) were pending when the check first saw them, at {@code
     * firstSeenAt}: every change the DW still lacks at or before that version is at least that old.
     */
    public record Sighting(long version, Instant firstSeenAt) {

        /**
         * What to keep after a run that found {@code pending} changes, {@code seen} of them at or before the
         * current sighting, the newest at {@code newestVersion}: nothing when none is pending; the current
         * sighting while some change it covers is still pending; else a new one at {@code now}.
         */
        public static Sighting next(Sighting current, long pending, long seen, long newestVersion, Instant now) {
            if (pending == 0) {
                return null;
            }
            if (current != null && seen > 0) {
                return current;
            }
            return new Sighting(newestVersion, now);
        }
    }
}
