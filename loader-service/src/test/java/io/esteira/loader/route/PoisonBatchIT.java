package io.esteira.loader.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.BatchIds;
import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.ContractCodec;
import io.esteira.contracts.Queues;
import io.esteira.embedded.EmbeddedBroker;
import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.loader.dlq.DlqEntry;
import io.esteira.loader.dlq.DlqFilter;
import io.esteira.loader.dlq.DlqService;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Poison stays contained: bad batches go to their DLQ with the reason, the queue keeps flowing. */
// Closed after the class: its database and broker go with it, and a loader left running against them kept
// deriving until the fork's exit, which then waited for it.
@DirtiesContext
@SpringBootTest(properties = {"esteira.loader.max-attempts=2", "esteira.loader.dlq-depth-interval=PT0.5S"})
class PoisonBatchIT {

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("loader_poison");

    @RegisterExtension
    static final ArtemisBroker broker =
            new ArtemisBroker(new EmbeddedBroker.Redelivery(10, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1)));

    @DynamicPropertySource
    static void connections(DynamicPropertyRegistry registry) {
        registry.add("esteira.dw.url", dw::jdbcUrl);
        registry.add("esteira.dw.username", dw::username);
        registry.add("esteira.broker.url", broker::url);
    }

    @Autowired
    DlqService dlq;

    @Autowired
    org.apache.camel.CamelContext camel;

    @Autowired
    io.esteira.loader.apply.BatchApplier applier;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry registry;

    private final ContractCodec codec = ContractCodec.standard();

    private static ChangeBatch region(long id, long version, String name) {
        ChangeBatch.Watermark watermark =
                new ChangeBatch.Watermark(new ChangeBatch.Cursor(version - 1, 0), new ChangeBatch.Cursor(version, id));
        return new ChangeBatch(
                ChangeBatch.SCHEMA,
                BatchIds.of("regions", watermark, null),
                "regions",
                new ChangeBatch.Source("oltp", "core.regions"),
                Instant.now(),
                watermark,
                null,
                List.of(new ChangeBatch.Row(
                        ChangeBatch.Op.upsert,
                        id,
                        version,
                        Map.of("region_id", id, "name", name, "state", "SP", "country", "BR"))));
    }

    private void send(byte[] body, String duplicateId) throws Exception {
        try (Connection connection = broker.connectionFactory().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(Queues.changes("regions")));
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
            message.setStringProperty(Queues.DUPLICATE_ID_PROPERTY, duplicateId);
            producer.send(message);
        }
    }

    private List<AlertEvent> alerts() throws Exception {
        List<AlertEvent> events = new java.util.ArrayList<>();
        try (Connection connection = broker.connectionFactory().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(Queues.ALERTS));
            Message message;
            while ((message = consumer.receive(300)) != null) {
                String text = ((TextMessage) message).getText();
                events.add(codec.readAlertEvent(text.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return events;
    }

    private long regionsInDlq() {
        return dlq.list(new DlqFilter("regions", null, null, null, null)).size();
    }

    private double dlqDepth(String entity) {
        return registry.find("esteira.loader.dlq.depth")
                .tag("entity", entity)
                .gauge()
                .value();
    }

    private Integer regionsNamed(String name) {
        return new JdbcTemplate(dw.dataSource())
                .queryForObject("SELECT COUNT(*) FROM dim.dim_regiao WHERE nome = ?", Integer.class, name);
    }

    @Test
    void shouldDeadLetterAMalformedBatchWithItsReasonAndApplyTheNextOne() throws Exception {
        byte[] malformed = new String(codec.write(region(1, 10, "Norte")), StandardCharsets.UTF_8)
                .replace("\"version\":10", "\"version\":\"ten\"")
                .getBytes(StandardCharsets.UTF_8);
        send(malformed, "malformed-1");
        send(codec.write(region(2, 11, "Sul")), "valid-1");

        await().atMost(Duration.ofSeconds(30)).until(() -> regionsNamed("Sul") == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !dlq.list(new DlqFilter("regions", null, "Malformed", null, null))
                        .isEmpty());

        DlqEntry entry = dlq.list(new DlqFilter("regions", null, "Malformed", null, null))
                .get(0);
        assertThat(entry.reason())
                .contains("Malformed change batch (field watermark.to.version)")
                .contains("must be an integer");
        assertThat(regionsNamed("Norte")).isZero();
        assertThat(alerts())
                .anySatisfy(alert -> assertThat(alert.kind()).isEqualTo(AlertEvent.Kind.DLQ))
                .anySatisfy(alert -> assertThat(alert.entity()).isEqualTo("regions"));
    }

    @Test
    void shouldDeadLetterABatchThatKeepsFailingToLandAndApplyItOnceWhenReplayedAfterTheFix() throws Exception {
        JdbcTemplate sql = new JdbcTemplate(dw.dataSource());
        // the staging mirror refuses the row: the batch cannot land
        sql.execute("ALTER TABLE stg.regions ADD CONSTRAINT ck_test_no_poison CHECK (name <> 'Poison')");
        ChangeBatch poison = region(3, 12, "Poison");
        send(codec.write(poison), poison.batchId());
        send(codec.write(region(4, 13, "Centro")), "valid-2");

        await().atMost(Duration.ofSeconds(30)).until(() -> regionsNamed("Centro") == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !dlq.list(new DlqFilter("regions", null, poison.batchId(), null, null))
                        .isEmpty());
        DlqEntry entry = dlq.list(new DlqFilter("regions", null, poison.batchId(), null, null))
                .get(0);
        assertThat(entry.reason())
                .contains("could not be applied after 2 attempts")
                .contains("ck_test_no_poison");
        assertThat(entry.attempts()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> dlqDepth("regions") == regionsInDlq() && regionsInDlq() >= 1);

        DlqService.ReplayReport dryRun = dlq.replay(new DlqFilter("regions", null, poison.batchId(), null, null), true);
        assertThat(dryRun.messages()).hasSize(1);
        assertThat(dlq.list(new DlqFilter("regions", null, poison.batchId(), null, null)))
                .hasSize(1);

        sql.execute("ALTER TABLE stg.regions DROP CONSTRAINT ck_test_no_poison");
        dlq.replay(new DlqFilter("regions", null, poison.batchId(), null, null), false);
        dlq.replay(new DlqFilter("regions", null, poison.batchId(), null, null), false);

        await().atMost(Duration.ofSeconds(30)).until(() -> regionsNamed("Poison") == 1);
        assertThat(dlq.list(new DlqFilter("regions", null, poison.batchId(), null, null)))
                .isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> dlqDepth("regions") == regionsInDlq());
        assertThat(sql.queryForObject(
                        "SELECT COUNT(*) FROM ctl.applied_batch WHERE batch_id = ?", Integer.class, poison.batchId()))
                .isEqualTo(1);
        // The DLQ alert fired when the batch was dead-lettered, and the replay that applied it resolves it.
        List<AlertEvent> about = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            alerts().stream()
                    .filter(alert -> alert.fingerprint().endsWith(":" + poison.batchId()))
                    .forEach(about::add);
            assertThat(about)
                    .extracting(AlertEvent::status)
                    .containsExactly(AlertEvent.Status.firing, AlertEvent.Status.resolved);
        });
        assertThat(about).allSatisfy(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertEvent.Kind.DLQ);
            assertThat(alert.fingerprint()).isEqualTo(about.get(0).fingerprint());
        });
        assertThat(about.get(1).summary()).contains("was replayed from its dead-letter queue and is applied");
    }

    @Test
    void shouldApplyTheSharedRouteConfigurationToEveryRouteOfTheLoader() {
        assertThat(camel.getRoutes())
                .extracting(org.apache.camel.Route::getRouteId)
                .contains("load-regions", "derive", "dlq-depth");
        assertThat(camel.getRoutes()).allSatisfy(route -> assertThat(route.getConfigurationId())
                .as(route.getRouteId())
                .isEqualTo(io.esteira.runtime.route.ErrorHandlingRoutes.ID));
    }

    @Test
    void shouldRedeliverABatchThatFailsForARetriableReasonPastMaxAttemptsAndNeverDeadLetterIt() throws Exception {
        JdbcTemplate sql = new JdbcTemplate(dw.dataSource());
        // the staging mirror fails the row as a serialization failure would: a reason that heals by itself
        sql.execute("CREATE FUNCTION stg.test_busy() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF NEW.name = 'Busy' THEN RAISE EXCEPTION 'test: busy' USING ERRCODE = 'serialization_failure';"
                + " END IF; RETURN NEW; END $$");
        sql.execute("CREATE TRIGGER tg_test_busy BEFORE INSERT OR UPDATE ON stg.regions"
                + " FOR EACH ROW EXECUTE FUNCTION stg.test_busy()");
        ChangeBatch busy = region(7, 16, "Busy");
        double failedBefore = failedBatches("regions");
        try {
            send(codec.write(busy), busy.batchId());

            // max-attempts is 2: twice as many deliveries fail, and the batch is still not dead-lettered
            await().atMost(Duration.ofSeconds(30)).until(() -> failedBatches("regions") - failedBefore >= 4);
            assertThat(dlq.list(new DlqFilter("regions", null, busy.batchId(), null, null)))
                    .isEmpty();
        } finally {
            sql.execute("DROP TRIGGER tg_test_busy ON stg.regions");
            sql.execute("DROP FUNCTION stg.test_busy()");
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> regionsNamed("Busy") == 1);
        assertThat(dlq.list(new DlqFilter("regions", null, busy.batchId(), null, null)))
                .isEmpty();
    }

    private double failedBatches(String entity) {
        var counter = registry.find("esteira.loader.batches")
                .tag("entity", entity)
                .tag("outcome", "failed")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void shouldParkAKeyThatNoDerivePassCanTakeKeepTheRestFlowingAndDeriveItOnceRetriedAfterTheFix() throws Exception {
        JdbcTemplate sql = new JdbcTemplate(dw.dataSource());
        // the row lands in the mirror, but the dimension refuses it: every derive pass holding it fails
        sql.execute("ALTER TABLE dim.dim_regiao ADD CONSTRAINT ck_test_no_toxic CHECK (nome <> 'Toxic')");
        try {
            ChangeBatch toxic = region(5, 14, "Toxic");
            send(codec.write(toxic), toxic.batchId());
            send(codec.write(region(6, 15, "Litoral")), "valid-3");

            await().atMost(Duration.ofSeconds(30)).until(() -> regionsNamed("Litoral") == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> !applier.parked().isEmpty());
            assertThat(applier.parked())
                    .as("parked: %s", applier.parked())
                    .singleElement()
                    .satisfies(parked -> {
                        assertThat(parked.get("entity")).isEqualTo("regions");
                        assertThat(((Number) parked.get("key_value")).longValue())
                                .isEqualTo(5);
                        assertThat((String) parked.get("reason")).contains("ck_test_no_toxic");
                    });
            assertThat(sql.queryForObject("SELECT COUNT(*) FROM ctl.derive_queue", Long.class))
                    .isZero();
            assertThat(alerts())
                    .anySatisfy(alert -> assertThat(alert.summary()).contains("Key 5 of regions could not be derived"));
        } finally {
            sql.execute("ALTER TABLE dim.dim_regiao DROP CONSTRAINT ck_test_no_toxic");
        }

        assertThat(applier.retryParked("regions")).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> regionsNamed("Toxic") == 1);
        assertThat(applier.parked()).isEmpty();
    }
}
