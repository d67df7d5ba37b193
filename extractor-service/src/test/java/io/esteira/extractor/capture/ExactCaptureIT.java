package io.esteira.extractor.capture;

import static io.esteira.extractor.ExtractorTestSupport.drain;
import static io.esteira.extractor.ExtractorTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.extractor.publish.BatchPublisher;
import io.esteira.extractor.replay.ReplayRequest;
import io.esteira.extractor.replay.ReplayService;
import io.esteira.extractor.watermark.WatermarkStore;
import io.esteira.loader.schema.DwSchema;
import io.esteira.oltp.OltpSchema;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Change capture on real PostgreSQL and a real broker: what the extractor publishes is exactly what
 * was committed, whatever the transactions and timestamps look like. Routes are not started; each
 * test drives extraction itself, as the Quartz trigger would.
 *
 * <p>The committed bound is cluster-wide: a transaction open in any database of the server (another
 * test run, say) holds it back. So tests extract until what they expect has arrived (lag), and then
 * check that nothing else did (exactness).
 */
@DirtiesContext
@SpringBootTest(
        properties = {
            "camel.main.auto-startup=false",
            "esteira.extractor.listen=false",
            "esteira.extractor.batch-size=1000"
        })
class ExactCaptureIT {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("capture_oltp");

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("capture_dw");

    @RegisterExtension
    static final ArtemisBroker broker = new ArtemisBroker();

    @BeforeAll
    static void schemas() {
        OltpSchema.migrate(oltp.dataSource());
        DwSchema.migrate(dw.dataSource());
    }

    @DynamicPropertySource
    static void connections(DynamicPropertyRegistry registry) {
        registry.add("esteira.oltp.url", oltp::jdbcUrl);
        registry.add("esteira.oltp.username", oltp::username);
        registry.add("esteira.dw.url", dw::jdbcUrl);
        registry.add("esteira.dw.username", dw::username);
        registry.add("esteira.broker.url", broker::url);
    }

    @Autowired
    EntityExtractor extractor;

    @Autowired
    BatchPublisher publisher;

    @Autowired
    org.apache.camel.ProducerTemplate producer;

    @Autowired
    WatermarkStore watermarks;

    @Autowired
    ReplayService replays;

    private final EntityDefinition regions = EntityCatalog.reference().get("regions");
    private JdbcTemplate source;

    @BeforeEach
    void emptyQueue() throws Exception {
        source = new JdbcTemplate(oltp.dataSource());
        extractor.run(regions);
        drain(broker.connectionFactory(), "regions");
    }

    /** Extracts until {@code rows} rows arrived (or a minute passed), then returns every batch sent. */
    private List<ChangeBatch> extractUntil(int rows) throws Exception {
        List<ChangeBatch> batches = new java.util.ArrayList<>();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> {
                    extractor.run(regions);
                    batches.addAll(drain(broker.connectionFactory(), "regions"));
                    return rows(batches).size() >= rows;
                });
        extractor.run(regions);
        batches.addAll(drain(broker.connectionFactory(), "regions"));
        return batches;
    }

    private static void insertRegion(Statement statement, String name) throws Exception {
        statement.execute("INSERT INTO core.regions (name, state, country) VALUES ('" + name + "', 'SP', 'BR')");
    }

    @Test
    void shouldDeliverRowsOfATransactionHeldOpenAcrossSeveralCyclesOnceItCommits() throws Exception {
        try (Connection writer = oltp.connect();
                Statement statement = writer.createStatement()) {
            writer.setAutoCommit(false);
            insertRegion(statement, "held-open");
            // Committed after the open transaction started: its id is higher, so it waits too.
            source.update("INSERT INTO core.regions (name, state, country) VALUES ('committed-later', 'RJ', 'BR')");
            for (int cycle = 0; cycle < 3; cycle++) {
                extractor.run(regions);
            }
            List<String> whileOpen = names(rows(drain(broker.connectionFactory(), "regions")));
            assertThat(whileOpen).doesNotContain("held-open");

            writer.commit();
        }
        List<String> all = names(rows(extractUntil(2)));
        assertThat(all).containsExactlyInAnyOrder("held-open", "committed-later");
    }

    @Test
    void shouldDeliverFiveThousandRowsOfOneTransactionAndTimestampExactlyOnceAcrossPages() throws Exception {
        source.update("INSERT INTO core.regions (name, state, country)"
                + " SELECT 'tie-' || g, 'SP', 'BR' FROM generate_series(1, 5000) g");

        List<ChangeBatch> batches = extractUntil(5000);

        List<ChangeBatch.Row> rows = rows(batches);
        assertThat(batches).hasSize(5);
        assertThat(rows).hasSize(5000);
        assertThat(rows.stream().map(ChangeBatch.Row::key).collect(Collectors.toSet()))
                .hasSize(5000);
        assertThat(rows.stream().map(ChangeBatch.Row::version).collect(Collectors.toSet()))
                .hasSize(1);
        assertThat(source.queryForObject(
                        "SELECT COUNT(DISTINCT updated_at) FROM core.regions WHERE name LIKE 'tie-%'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void shouldDeliverSoftDeletesAsUpsertsWithDeletedAtAndHardDeletesAsDeletes() throws Exception {
        Long soft = source.queryForObject(
                "INSERT INTO core.regions (name, state, country) VALUES ('soft', 'SP', 'BR') RETURNING region_id",
                Long.class);
        Long hard = source.queryForObject(
                "INSERT INTO core.regions (name, state, country) VALUES ('hard', 'SP', 'BR') RETURNING region_id",
                Long.class);
        extractUntil(2);

        source.update("UPDATE core.regions SET deleted_at = now() WHERE region_id = ?", soft);
        source.update("DELETE FROM core.regions WHERE region_id = ?", hard);

        List<ChangeBatch.Row> rows = rows(extractUntil(2));
        assertThat(rows).hasSize(2);
        ChangeBatch.Row softRow =
                rows.stream().filter(r -> r.key() == soft).findFirst().orElseThrow();
        ChangeBatch.Row hardRow =
                rows.stream().filter(r -> r.key() == hard).findFirst().orElseThrow();
        assertThat(softRow.op()).isEqualTo(ChangeBatch.Op.upsert);
        assertThat(softRow.data().get("deleted_at")).isNotNull();
        assertThat(hardRow.op()).isEqualTo(ChangeBatch.Op.delete);
    }

    @Test
    void shouldResendTheSameBatchIdAfterACrashBetweenSendAndWatermarkForTheLoaderToSkip() throws Exception {
        source.update("INSERT INTO core.regions (name, state, country) VALUES ('crash', 'SP', 'BR')");
        var from = watermarks.control("regions").watermark();
        // The run that crashed: it published its batch, then died before moving the watermark.
        var capture = new ChangeCapture(
                oltp.dataSource(), io.esteira.extractor.dialect.CaptureDialect.forJdbcUrl(oltp.jdbcUrl()), 100);
        // The committed bound is cluster-wide: another transaction on the server may hold the row back a while.
        List<ChangeBatch.Row> page = new java.util.ArrayList<>();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> page.addAll(capture.page(regions, CaptureRange.after(from), 1000)));
        ChangeBatch crashed = extractor.batch(regions, from, page, null);
        new BatchPublisher(producer).publish(crashed);

        extractor.run(regions);

        // The restarted run sends the same range under the same batch id: the loader's ctl.applied_batch skips
        // the second copy (a later run's send is not the broker's duplicate: see the test below).
        List<ChangeBatch> batches = drain(broker.connectionFactory(), "regions");
        assertThat(batches).extracting(ChangeBatch::batchId).containsExactly(crashed.batchId(), crashed.batchId());
        assertThat(names(rows(batches))).containsExactly("crash", "crash");
        assertThat(watermarks.control("regions").watermark())
                .isEqualTo(crashed.watermark().to());
    }

    @Test
    void shouldLetTheBrokerDropABatchItsRunSendsAgainButNotOneALaterRunReadsAgainAfterADwRestore() throws Exception {
        source.update("INSERT INTO core.regions (name, state, country) VALUES ('restored', 'SP', 'BR')");
        ChangeBatch sent = extractUntil(1).stream()
                .filter(batch -> names(batch.rows()).contains("restored"))
                .findFirst()
                .orElseThrow();

        publisher.publish(sent);
        assertThat(drain(broker.connectionFactory(), "regions"))
                .as("the same run sent it again: the broker's duplicate")
                .isEmpty();

        // A DW restored from a backup took the watermark back; the restarted extractor reads the same range.
        new BatchPublisher(producer).publish(sent);
        assertThat(drain(broker.connectionFactory(), "regions"))
                .as("a later run's send reaches the loader, whose restored ctl.applied_batch lacks it")
                .extracting(ChangeBatch::batchId)
                .containsExactly(sent.batchId());
    }

    @Test
    void shouldReplayExactlyTheRequestedVersionWindowWithoutMovingTheWatermark() throws Exception {
        source.update("INSERT INTO core.regions (name, state, country) VALUES ('w1', 'SP', 'BR')");
        source.update("INSERT INTO core.regions (name, state, country) VALUES ('w2', 'SP', 'BR')");
        source.update("INSERT INTO core.regions (name, state, country) VALUES ('w3', 'SP', 'BR')");
        List<ChangeBatch.Row> live = rows(extractUntil(3));
        ChangeBatch.Row w1 = live.stream()
                .filter(r -> "w1".equals(r.data().get("name")))
                .findFirst()
                .orElseThrow();
        ChangeBatch.Row w2 = live.stream()
                .filter(r -> "w2".equals(r.data().get("name")))
                .findFirst()
                .orElseThrow();
        var watermark = watermarks.control("regions").watermark();

        var result = replays.replay(new ReplayRequest(
                "regions", w1.version() - 1, Long.MAX_VALUE, w2.version(), w2.key(), null, null, null, null));

        List<ChangeBatch> replayed = drain(broker.connectionFactory(), "regions");
        assertThat(names(rows(replayed))).containsExactlyInAnyOrder("w1", "w2");
        assertThat(replayed).allSatisfy(b -> assertThat(b.replay()).isEqualTo(result.replayId()));
        assertThat(watermarks.control("regions").watermark()).isEqualTo(watermark);
    }

    private static List<String> names(List<ChangeBatch.Row> rows) {
        return rows.stream().map(r -> (String) r.data().get("name")).toList();
    }
}
