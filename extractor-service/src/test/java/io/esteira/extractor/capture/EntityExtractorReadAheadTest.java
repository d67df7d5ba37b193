package io.esteira.extractor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.ChangeBatch.Cursor;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.extractor.config.ExtractorProperties;
import io.esteira.extractor.dialect.CaptureDialect;
import io.esteira.extractor.publish.BatchPublisher;
import io.esteira.extractor.watermark.ControlRow;
import io.esteira.extractor.watermark.RunAudit;
import io.esteira.extractor.watermark.WatermarkStore;
import io.esteira.runtime.alert.AlertPublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The extractor reads an entity's next page while the current one is sent: without a database or a
 * broker, with a source of 25 rows read in pages of 10.
 */
class EntityExtractorReadAheadTest {

    private static final int BATCH_SIZE = 10;
    private static final EntityDefinition REGIONS = EntityCatalog.reference().get("regions");

    private final Source source = new Source(25);
    private final Watermarks watermarks = new Watermarks();
    private final List<ChangeBatch> sent = Collections.synchronizedList(new ArrayList<>());

    @Test
    void shouldReadTheNextPageWhileTheCurrentOneIsSentAndSendEveryPageOnceInOrder() throws Exception {
        CountDownLatch nextPageRead = new CountDownLatch(2);
        source.onRead = nextPageRead::countDown;
        AtomicReference<Boolean> readDuringFirstSend = new AtomicReference<>();
        Publisher publisher = new Publisher(batch -> {
            if (sent.isEmpty()) {
                // The second page is read while the first one is still being sent.
                readDuringFirstSend.set(await(nextPageRead));
            }
            sent.add(batch);
        });

        EntityExtractor.Result result = extractor(publisher).run(REGIONS);

        assertThat(result.status()).isEqualTo(EntityExtractor.Status.CAUGHT_UP);
        assertThat(readDuringFirstSend.get()).isTrue();
        assertThat(sent).extracting(b -> b.rows().size()).containsExactly(10, 10, 5);
        assertThat(sent).extracting(b -> b.watermark().from().key()).containsExactly(0L, 10L, 20L);
        assertThat(watermarks.current).isEqualTo(new Cursor(25, 25));
        assertThat(result.rows()).isEqualTo(25);
    }

    @Test
    void shouldNeverSendAPageReadAheadOfAFailedSendAndKeepTheWatermarkAtTheLastConfirmedPage() {
        Publisher publisher = new Publisher(batch -> {
            if (sent.size() == 1) {
                throw new BatchPublisher.PublishException("the broker did not confirm", null);
            }
            sent.add(batch);
        });

        EntityExtractor.Result result = extractor(publisher).run(REGIONS);

        assertThat(result.status()).isEqualTo(EntityExtractor.Status.FAILED);
        assertThat(sent).hasSize(1);
        assertThat(watermarks.current).isEqualTo(new Cursor(10, 10));
        assertThat(source.reads)
                .as("the first page, the second (failed to send) and the third read ahead")
                .isEqualTo(3);
    }

    @Test
    void shouldStopWithoutSendingThePageReadAheadWhenAnotherExtractorMovedTheWatermark() {
        Publisher publisher = new Publisher(sent::add);
        watermarks.peerMovesAfter = 1;

        EntityExtractor.Result result = extractor(publisher).run(REGIONS);

        assertThat(result.status()).isEqualTo(EntityExtractor.Status.STOPPED_BY_PEER);
        assertThat(sent).hasSize(2);
        assertThat(result.batches()).isEqualTo(1);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private EntityExtractor extractor(Publisher publisher) {
        SimpleDriverDataSource nowhere = new SimpleDriverDataSource();
        ExtractorProperties properties = new ExtractorProperties(
                Duration.ofSeconds(5),
                BATCH_SIZE,
                false,
                Duration.ofMillis(100),
                false,
                new ExtractorProperties.Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5)),
                Map.of());
        return new EntityExtractor(
                source,
                publisher,
                watermarks,
                new RunAudit(nowhere) {
                    @Override
                    public void record(String entity, RunOutcome outcome) {}
                },
                new AlertPublisher(null, "extractor-service", Clock.systemUTC()) {
                    @Override
                    public void publish(AlertEvent event) {}
                },
                properties,
                new ExtractorMetrics(new SimpleMeterRegistry(), Clock.systemUTC()),
                Clock.systemUTC());
    }

    /** Rows 1..n of one entity, version = key, read after a cursor. */
    private static final class Source extends ChangeCapture {
        private final int rows;
        volatile Runnable onRead = () -> {};
        volatile int reads;

        Source(int rows) {
            super(new SimpleDriverDataSource(), CaptureDialect.of(Vendor.POSTGRESQL), 1);
            this.rows = rows;
        }

        @Override
        public List<ChangeBatch.Row> page(EntityDefinition entity, CaptureRange range, int maxRows) {
            reads++;
            List<ChangeBatch.Row> page = new ArrayList<>();
            for (long key = range.from().key() + 1; key <= rows && page.size() < maxRows; key++) {
                page.add(new ChangeBatch.Row(ChangeBatch.Op.upsert, key, key, Map.of("region_id", key)));
            }
            onRead.run();
            return page;
        }

        @Override
        public List<ChangeBatch.Column> columns(EntityDefinition entity) {
            return null;
        }
    }

    private static final class Publisher extends BatchPublisher {
        private final java.util.function.Consumer<ChangeBatch> send;

        Publisher(java.util.function.Consumer<ChangeBatch> send) {
            super(null);
            this.send = send;
        }

        @Override
        public void publish(ChangeBatch batch) {
            send.accept(batch);
        }
    }

    /** The watermark as WatermarkStore keeps it: moved only from the value that was read. */
    private static final class Watermarks extends WatermarkStore {
        volatile Cursor current = Cursor.START;
        volatile int peerMovesAfter = -1;
        private int advances;

        Watermarks() {
            super(new SimpleDriverDataSource(), Clock.systemUTC());
        }

        @Override
        public ControlRow control(String entity) {
            return new ControlRow(entity, true, current, BATCH_SIZE);
        }

        @Override
        public synchronized boolean advance(String entity, Cursor expected, Cursor next) {
            if (advances++ == peerMovesAfter) {
                current = new Cursor(999, 999);
            }
            if (!current.equals(expected)) {
                return false;
            }
            current = next;
            return true;
        }

        @Override
        public void recordRun(String entity, boolean success, String error) {}
    }
}
