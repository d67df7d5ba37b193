package io.esteira.loader.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.ContractCodec;
import io.esteira.contracts.Queues;
import io.esteira.embedded.EmbeddedBroker;
import io.esteira.embedded.EmbeddedPostgresServer;
import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.loader.apply.Changes;
import io.esteira.loader.dlq.DlqFilter;
import io.esteira.loader.dlq.DlqService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A warehouse server that goes away while batches wait on their queue (issue 18): the loader holds the
 * batch that met the outage, applies it once the DW answers again, then the batch behind it (the delete of
 * the same region, which must stay deleted). The outage counts as no attempt: with two attempts allowed,
 * the batch used to be dead-lettered while the DW was away.
 */
// Closed after the class: its database and broker go with it, and a loader left running against them kept
// deriving until the fork's exit, which then waited for it.
@DirtiesContext
@SpringBootTest(properties = "esteira.loader.max-attempts=2")
class WarehouseOutageIT {

    private static final EmbeddedPostgresServer server = EmbeddedPostgresServer.startDurable();

    static {
        server.createDatabase("loader_outage");
    }

    @RegisterExtension
    static final ArtemisBroker broker =
            new ArtemisBroker(new EmbeddedBroker.Redelivery(10, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1)));

    @DynamicPropertySource
    static void connections(DynamicPropertyRegistry registry) {
        registry.add("esteira.dw.url", () -> server.jdbcUrl("loader_outage"));
        registry.add("esteira.dw.username", () -> "postgres");
        registry.add("esteira.broker.url", broker::url);
    }

    @AfterAll
    static void stopTheServer() {
        server.close();
    }

    @Autowired
    MeterRegistry registry;

    @Autowired
    DlqService dlq;

    private final ContractCodec codec = ContractCodec.standard();

    @Test
    void shouldApplyTheBatchThatMetTheOutageBeforeTheOnesBehindItOnceTheWarehouseIsBack() throws Exception {
        ChangeBatch upsert = Changes.batch(
                "regions", Changes.upsert(70, 10, "region_id", 70L, "name", "Oeste", "state", "MT", "country", "BR"));
        ChangeBatch delete = Changes.batch("regions", Changes.delete(70, 11));

        server.stop(EmbeddedPostgresServer.Shutdown.FAST);
        send(upsert);
        send(delete);
        await("the first batch meeting the outage")
                .atMost(Duration.ofSeconds(60))
                .until(() -> failedBatches() >= 1);
        server.restart();

        JdbcTemplate dw =
                new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl("loader_outage"), "postgres", ""));
        await("both batches applied")
                .atMost(Duration.ofSeconds(60))
                .until(() -> dw.queryForObject(
                                "SELECT COUNT(*) FROM ctl.applied_batch WHERE batch_id IN (?, ?)",
                                Integer.class,
                                upsert.batchId(),
                                delete.batchId())
                        == 2);
        assertThat(dw.queryForObject("SELECT source_deleted FROM stg.regions WHERE region_id = 70", Boolean.class))
                .as("the region deleted after its upsert stays deleted")
                .isTrue();
        assertThat(dlq.list(new DlqFilter("regions", null, null, null, null))).isEmpty();
    }

    private double failedBatches() {
        return registry.find("esteira.loader.batches").tag("outcome", "failed").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private void send(ChangeBatch batch) throws Exception {
        try (Connection connection = broker.connectionFactory().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(Queues.changes("regions")));
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(codec.write(batch));
            message.setStringProperty(Queues.DUPLICATE_ID_PROPERTY, batch.batchId());
            message.setStringProperty("JMSXGroupID", batch.entity());
            producer.send(message);
        }
    }
}
