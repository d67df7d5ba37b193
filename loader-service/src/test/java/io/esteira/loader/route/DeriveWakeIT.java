package io.esteira.loader.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.esteira.contracts.BatchIds;
import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.ContractCodec;
import io.esteira.contracts.Queues;
import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.embedded.junit.PostgresDatabase;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
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

/**
 * A landed batch starts a derive pass at once: with a derive interval of an hour, only the wake of the
 * load route can bring the batch into the dimensions within the test's wait.
 */
// Closed after the class: its database and broker go with it, and a loader left running against them kept
// deriving until the fork's exit, which then waited for it.
@DirtiesContext
@SpringBootTest(properties = "esteira.loader.derive-interval=PT1H")
class DeriveWakeIT {

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("loader_wake");

    @RegisterExtension
    static final ArtemisBroker broker = new ArtemisBroker();

    @DynamicPropertySource
    static void connections(DynamicPropertyRegistry registry) {
        registry.add("esteira.dw.url", dw::jdbcUrl);
        registry.add("esteira.dw.username", dw::username);
        registry.add("esteira.broker.url", broker::url);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldDeriveALandedBatchWithoutWaitingForTheDeriveInterval() throws Exception {
        ChangeBatch.Watermark watermark =
                new ChangeBatch.Watermark(new ChangeBatch.Cursor(0, 0), new ChangeBatch.Cursor(1, 7));
        ChangeBatch batch = new ChangeBatch(
                ChangeBatch.SCHEMA,
                BatchIds.of("regions", watermark, null),
                "regions",
                new ChangeBatch.Source("oltp", "core.regions"),
                Instant.now(),
                watermark,
                null,
                List.of(new ChangeBatch.Row(
                        ChangeBatch.Op.upsert,
                        7,
                        1,
                        Map.of("region_id", 7, "name", "Norte", "state", "AM", "country", "BR"))));
        try (Connection connection = broker.connectionFactory().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(Queues.changes("regions")));
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(ContractCodec.standard().write(batch));
            producer.send(message);
        }

        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM dim.dim_regiao WHERE regiao_id = 7 AND nome = 'Norte'",
                                Integer.class)
                        == 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ctl.derive_queue", Integer.class))
                .isZero();
    }
}
