package io.esteira.extractor.replay;

import io.esteira.contracts.ChangeBatch.Cursor;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.extractor.capture.CaptureRange;
import io.esteira.extractor.capture.EntityExtractor;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Window replay and backfill: re-reads part or all of an entity and publishes it as ordinary change
 * batches marked with a replay id. The live watermark does not move; the loader's version rule makes
 * a replay safe at any time (it re-applies what it already has, and nothing older wins).
 */
public class ReplayService {

    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);
    private static final int DEFAULT_BATCH_SIZE = 1_000;

    private final EntityCatalog catalog;
    private final EntityExtractor extractor;

    public ReplayService(EntityCatalog catalog, EntityExtractor extractor) {
        this.catalog = catalog;
        this.extractor = extractor;
    }

    /** What a replay published. */
    public record ReplayResult(String replayId, String entity, int batches, long rows) {}

    public ReplayResult replay(ReplayRequest request) {
        EntityDefinition entity = catalog.get(request.entity());
        CaptureRange range = range(entity, request, catalog.carriesAllColumns(entity.name()));
        int batchSize = request.batchSize() == null ? DEFAULT_BATCH_SIZE : request.batchSize();
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batchSize must be between 1 and 10000, got " + batchSize);
        }
        String replayId = "replay-" + UUID.randomUUID();
        log.info("Replay {} of {} starts: {}", replayId, entity.name(), range);
        EntityExtractor.Result result = extractor.publishRange(
                entity,
                range,
                batchSize,
                replayId,
                rows -> log.info("Replay {} of {}: {} rows published", replayId, entity.name(), rows));
        log.info(
                "Replay {} of {} done: {} rows in {} batches",
                replayId,
                entity.name(),
                result.rows(),
                result.batches());
        return new ReplayResult(replayId, entity.name(), result.batches(), result.rows());
    }

    /**
     * @param carriesAll the entity carries every column of its table, which its catalog entry does not list: a
     *     window column is then looked for in the table when the page is read (an unknown one is named there)
     */
    static CaptureRange range(EntityDefinition entity, ReplayRequest request, boolean carriesAll) {
        Cursor from = new Cursor(orZero(request.fromVersion()), orZero(request.fromKey()));
        Cursor to = request.toVersion() == null
                ? CaptureRange.END
                : new Cursor(request.toVersion(), request.toKey() == null ? Long.MAX_VALUE : request.toKey());
        if (request.column() == null) {
            if (request.from() != null || request.to() != null) {
                throw new IllegalArgumentException(
                        "A time window needs 'column': one of " + entity.name() + "'s columns " + entity.columns());
            }
            return new CaptureRange(from, to, null, null, null);
        }
        if (!carriesAll && !entity.columns().contains(request.column())) {
            throw new IllegalArgumentException("Column '" + request.column() + "' is not a column of " + entity.name()
                    + "; use one of " + entity.columns());
        }
        if (request.from() == null || request.to() == null || !request.from().isBefore(request.to())) {
            throw new IllegalArgumentException(
                    "A time window needs 'from' before 'to' (UTC, e.g. 2026-11-01T00:00:00)");
        }
        return new CaptureRange(from, to, request.column(), request.from(), request.to());
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
