package io.esteira.loader.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.runtime.broker.BrokerConfiguration;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The DLQ listing and depth against a real broker whose DLQ holds a large message (a file of its own on
 * the broker, streamed in chunks) between small ones: every listing, however often repeated, returns every
 * message, and the depth counts them all. A JMS {@code QueueBrowser} ends its enumeration when the broker
 * answers "nothing more right now", which it can answer while it is still streaming the large message, so
 * the messages after it went missing from some listings (the fault suite saw it with a 20 MB batch).
 */
class DlqListingIT {

    private static final String ENTITY = "orders";
    private static final int LARGE_BODY_BYTES = 20 * 1024 * 1024;
    private static final int LISTINGS = 10;

    @RegisterExtension
    static final ArtemisBroker broker = new ArtemisBroker();

    private static CachingConnectionFactory connectionFactory;
    private static List<String> sentBatchIds;

    @BeforeAll
    static void deadLetterSmallAndLargeBatches() throws Exception {
        // As the services connect: past MIN_LARGE_MESSAGE_SIZE a message travels as a large message.
        ActiveMQConnectionFactory artemis = broker.connectionFactory();
        artemis.setMinLargeMessageSize(BrokerConfiguration.MIN_LARGE_MESSAGE_SIZE);
        connectionFactory = new CachingConnectionFactory(artemis);
        connectionFactory.setSessionCacheSize(10);
        sentBatchIds = new ArrayList<>();
        try (Connection connection = artemis.createConnection();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageProducer producer = session.createProducer(session.createQueue(DeadLetters.dlqOf(ENTITY)));
            for (int i = 0; i < 12; i++) {
                String batchId = "batch-" + i;
                byte[] body = i == 3 ? largeBody() : ("{\"batch\":" + i + "}").getBytes();
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(body);
                message.setStringProperty(DeadLetters.ENTITY, ENTITY);
                message.setStringProperty(DeadLetters.BATCH_ID, batchId);
                message.setStringProperty(DeadLetters.ERROR, "could not be applied: " + batchId);
                message.setStringProperty(DeadLetters.FAILED_AT, "2026-12-03T10:00:00Z");
                producer.send(message);
                sentBatchIds.add(batchId);
            }
            session.commit();
        }
        assertThat(broker.messageCount(DeadLetters.dlqOf(ENTITY))).isEqualTo(12);
    }

    @AfterAll
    static void closeConnections() {
        connectionFactory.destroy();
    }

    private static byte[] largeBody() {
        byte[] body = new byte[LARGE_BODY_BYTES];
        Arrays.fill(body, (byte) 'x');
        return body;
    }

    private DlqService service() {
        return new DlqService(connectionFactory, EntityCatalog.reference());
    }

    @Test
    void shouldListEveryMessageOfADlqHoldingALargeMessageEveryTime() {
        DlqService dlq = service();
        for (int listing = 1; listing <= LISTINGS; listing++) {
            List<DlqEntry> entries = dlq.list(new DlqFilter(ENTITY, null, null, null, null));
            assertThat(entries)
                    .as("listing %d of DLQ.dw.changes.orders", listing)
                    .extracting(DlqEntry::batchId)
                    .containsExactlyElementsOf(sentBatchIds);
            assertThat(entries.get(3).bytes()).isEqualTo(LARGE_BODY_BYTES);
        }
    }

    @Test
    void shouldCountEveryMessageOfADlqHoldingALargeMessageEveryTime() {
        DlqService dlq = service();
        for (int count = 1; count <= LISTINGS; count++) {
            assertThat(dlq.depth(ENTITY)).as("depth %d", count).isEqualTo(12);
        }
    }

    @Test
    void shouldShowAMessageThatComesAfterTheLargeOne() {
        DlqService dlq = service();
        DlqEntry last = dlq.list(new DlqFilter(ENTITY, null, null, null, null)).get(11);
        for (int show = 1; show <= 3; show++) {
            DlqEntry shown = dlq.show(last.messageId());
            assertThat(shown).as("show %d", show).isNotNull();
            assertThat(shown.batchId()).isEqualTo("batch-11");
        }
    }
}
