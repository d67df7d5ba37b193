package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.loader.schema.DwSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How the bench follows an initial load past its landing: every row landed is not the end (the deriver still
 * drains its queue), the derive tail shows its progress, and it counts as a stall only when the deriver claims
 * nothing. The warehouse is the real DW schema; the loader's part is played by inserting its bookkeeping rows.
 */
class PipelineLoadIT {

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("pipelineload");

    @RegisterExtension
    static final ArtemisBroker broker = new ArtemisBroker();

    private static final Map<String, Long> EXPECTED = Map.of("order_items", 10L);

    private JdbcTemplate warehouse;
    private ScheduledExecutorService deriver;

    @BeforeAll
    static void migrate() {
        DwSchema.migrate(dw.dataSource());
    }

    @BeforeEach
    void everyRowLanded() {
        warehouse = new JdbcTemplate(dw.dataSource());
        warehouse.update("DELETE FROM ctl.applied_batch");
        warehouse.update("DELETE FROM ctl.derive_queue");
        warehouse.update("INSERT INTO ctl.applied_batch (batch_id, entity, replay, rows_in_batch, applied_at)"
                + " VALUES ('b-1', 'order_items', FALSE, 10, now())");
        deriver = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stopDeriving() {
        deriver.shutdownNow();
    }

    @Test
    void shouldWaitForTheDeriveTailAndNotCallItAStallWhileTheDeriverClaimsBatches() {
        queue(8);
        // One queued batch claimed a second: an 8 s tail, longer than the 5 s stall timeout.
        deriver.scheduleWithFixedDelay(
                () -> warehouse.update("DELETE FROM ctl.derive_queue"
                        + " WHERE queue_id = (SELECT MIN(queue_id) FROM ctl.derive_queue)"),
                1,
                1,
                TimeUnit.SECONDS);
        List<String> progress = new CopyOnWriteArrayList<>();

        LoadResult result = await(Duration.ofSeconds(5), progress);

        assertThat(warehouse.queryForObject("SELECT COUNT(*) FROM ctl.derive_queue", Integer.class))
                .as("the load ends once the queue is empty, not when every row landed")
                .isZero();
        assertThat(result.rowsByEntity()).containsEntry("order_items", 10L);
        assertThat(progress)
                .as("the derive tail's progress")
                .anyMatch(line -> line.matches("pipeline: \\d+ s, all 10 rows landed, [1-8] keys still to derive"));
    }

    @Test
    void shouldNameTheDeriveQueueWhenTheDeriverClaimsNothingForTheStallTimeout() {
        queue(3);

        assertThatThrownBy(() -> await(Duration.ofSeconds(1), new CopyOnWriteArrayList<>()))
                .isInstanceOf(BenchException.class)
                .hasMessage("The deriver claimed nothing for 1 s with every row landed and 3 key(s) still queued in"
                        + " ctl.derive_queue; see the loader's log (its derive route).");
    }

    /** Queues {@code batches} landed batches of one key each, as a lander does. */
    private void queue(int batches) {
        for (int i = 1; i <= batches; i++) {
            warehouse.update(
                    "INSERT INTO ctl.derive_queue (entity, keys, key_count, queued_at) VALUES ('order_items', ?, 1,"
                            + " now())",
                    Integer.toString(i));
        }
    }

    private LoadResult await(Duration stallTimeout, List<String> progress) {
        return new PipelineLoad(dw.dataSource(), dw.dataSource())
                .await(
                        Instant.now(),
                        EXPECTED,
                        broker.broker(),
                        Duration.ofMinutes(2),
                        stallTimeout,
                        Duration.ofMillis(200),
                        () -> {},
                        progress::add);
    }
}
