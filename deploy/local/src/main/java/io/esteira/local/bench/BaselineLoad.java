package io.esteira.local.bench;

import io.esteira.contracts.BatchIds;
import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.ChangeBatch.Cursor;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.extractor.capture.CaptureRange;
import io.esteira.extractor.capture.ChangeCapture;
import io.esteira.extractor.dialect.CaptureDialect;
import io.esteira.loader.apply.BatchApplier;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The baseline: the pipeline's own capture and apply code in one thread, with no service, no
 * broker and no JSON in between. For each entity in load order it reads a page of committed changes
 * after a cursor kept in memory ({@link ChangeCapture}, the extractor's query), makes it a change
 * batch exactly as the extractor does, and applies it with {@link BatchApplier} (the loader's
 * set-based apply: same key lookups, same SCD handling, one DW transaction per batch). The
 * warehouse it leaves must equal the pipeline's, so the throughput ratio measures only what the
 * services and the broker cost.
 */
final class BaselineLoad {

    private final DataSource oltp;
    private final DataSource dw;
    private final int batchSize;

    BaselineLoad(DataSource oltp, DataSource dw, int batchSize) {
        this.oltp = oltp;
        this.dw = dw;
        this.batchSize = batchSize;
    }

    LoadResult run(Duration progressEvery, Consumer<String> progress) {
        // The extractor's fetch size (ExtractorConfiguration) and the loader's dialect and clock.
        ChangeCapture capture = new ChangeCapture(oltp, CaptureDialect.of(Vendor.POSTGRESQL), 5_000);
        Clock clock = Clock.systemUTC();
        BatchApplier applier = new BatchApplier(dw, () -> Vendor.POSTGRESQL, EntityCatalog.reference(), clock);
        Map<String, Long> rows = new LinkedHashMap<>();
        long batches = 0;
        long captureNanos = 0;
        long applyNanos = 0;
        long started = System.nanoTime();
        Ticker ticker = new Ticker(progressEvery);
        for (EntityDefinition entity : EntityCatalog.reference().loadOrder()) {
            Cursor from = Cursor.START;
            long entityRows = 0;
            while (true) {
                long readStart = System.nanoTime();
                List<ChangeBatch.Row> page = capture.page(entity, CaptureRange.after(from), batchSize);
                long readEnd = System.nanoTime();
                captureNanos += readEnd - readStart;
                if (page.isEmpty()) {
                    break;
                }
                Cursor to = ChangeCapture.cursorOf(page.get(page.size() - 1));
                ChangeBatch.Watermark watermark = new ChangeBatch.Watermark(from, to);
                ChangeBatch batch = new ChangeBatch(
                        ChangeBatch.SCHEMA,
                        BatchIds.of(entity.name(), watermark, null),
                        entity.name(),
                        new ChangeBatch.Source("oltp", entity.table()),
                        clock.instant(),
                        watermark,
                        null,
                        page);
                applier.apply(batch);
                applyNanos += System.nanoTime() - readEnd;
                batches++;
                entityRows += page.size();
                from = to;
                if (ticker.due()) {
                    long done =
                            rows.values().stream().mapToLong(Long::longValue).sum() + entityRows;
                    double seconds = (System.nanoTime() - started) / 1e9;
                    progress.accept(String.format(
                            Locale.ROOT,
                            "baseline: %.0f s, %s: %,d rows, %,d rows in all (%,.0f rows/s)",
                            seconds,
                            entity.name(),
                            entityRows,
                            done,
                            done / seconds));
                }
                if (page.size() < batchSize) {
                    break;
                }
            }
            rows.put(entity.name(), entityRows);
        }
        return new LoadResult(
                rows,
                batches,
                Duration.ofNanos(System.nanoTime() - started),
                Duration.ofNanos(captureNanos),
                Duration.ofNanos(applyNanos));
    }
}
