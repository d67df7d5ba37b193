package io.esteira.loader.dlq;

import io.esteira.contracts.Queues;
import io.esteira.contracts.catalog.EntityCatalog;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedOperationParameter;
import org.springframework.jmx.export.annotation.ManagedResource;

/**
 * Lists, shows and replays the batches in the {@code DLQ.dw.changes.<entity>} queues. A replay moves a
 * message back to its queue in one JMS transaction (received from the DLQ and sent to the queue
 * together), with a fresh duplicate-detection id so the broker does not drop it as the batch it
 * already saw; the loader's batch-id record still makes it apply at most once. Every replay can be
 * a dry run that only says what would move. Also exposed over JMX for Hawtio.
 *
 * <p>Listings read every message the broker counts in a DLQ ({@link QueueSnapshot}), not a JMS
 * {@code QueueBrowser}, whose enumeration can end early behind a large message; the depth is the broker's
 * own count.
 */
@ManagedResource(objectName = "io.esteira:type=DeadLetterQueues,service=loader", description = "Esteira DLQ replay")
public class DlqService {

    /** How long a listing waits for the broker's next message before it reads the count again. */
    public static final Duration DEFAULT_BROWSE_TIMEOUT = Duration.ofSeconds(30);

    private final JmsTemplate jms;
    private final EntityCatalog catalog;
    private final Duration browseTimeout;

    public DlqService(ConnectionFactory connectionFactory, EntityCatalog catalog) {
        this(connectionFactory, catalog, DEFAULT_BROWSE_TIMEOUT);
    }

    public DlqService(ConnectionFactory connectionFactory, EntityCatalog catalog, Duration browseTimeout) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.catalog = catalog;
        this.browseTimeout = browseTimeout;
    }

    /**
     * The DLQ messages matching the filter, oldest first, without bodies: every message the DLQ held when the
     * listing began (or an error saying the listing could not be completed, never a shorter list).
     */
    public List<DlqEntry> list(DlqFilter filter) {
        List<DlqEntry> entries = new ArrayList<>();
        for (String entity : entities(filter)) {
            entries.addAll(browse(DeadLetters.dlqOf(entity), filter, false));
        }
        return entries;
    }

    /** Messages in an entity's DLQ now, as the broker counts them (0 before its first dead letter). */
    public long depth(String entity) {
        Long count = jms.execute(
                session -> QueueSnapshot.messageCount(QueueSnapshot.coreSession(session), DeadLetters.dlqOf(entity)),
                false);
        return count == null ? 0 : count;
    }

    /** One message with its body and stack summary, or null. */
    public DlqEntry show(String messageId) {
        List<DlqEntry> found = new ArrayList<>();
        for (String entity : catalog.names()) {
            found.addAll(browse(DeadLetters.dlqOf(entity), new DlqFilter(null, messageId, null, null, null), true));
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** What a replay moved (or, in a dry run, would move). */
    public record ReplayReport(boolean dryRun, List<DlqEntry> messages) {}

    public ReplayReport replay(DlqFilter filter, boolean dryRun) {
        List<DlqEntry> matching = list(filter);
        if (dryRun) {
            return new ReplayReport(true, matching);
        }
        List<DlqEntry> moved = new ArrayList<>();
        for (DlqEntry entry : matching) {
            Boolean done = jms.execute(session -> moveBack(session, entry), true);
            if (Boolean.TRUE.equals(done)) {
                moved.add(entry);
            }
        }
        return new ReplayReport(false, moved);
    }

    private boolean moveBack(Session session, DlqEntry entry) throws JMSException {
        Queue dlq = session.createQueue(DeadLetters.dlqOf(entry.entity()));
        try (MessageConsumer consumer = session.createConsumer(dlq, "JMSMessageID = '" + entry.messageId() + "'")) {
            Message message = consumer.receive(2_000);
            if (message == null) {
                session.rollback();
                return false;
            }
            BytesMessage copy = session.createBytesMessage();
            copy.writeBytes(body(message));
            copy.setStringProperty(Queues.DUPLICATE_ID_PROPERTY, entry.batchId() + ":dlq-replay:" + UUID.randomUUID());
            copy.setStringProperty("JMSXGroupID", entry.entity());
            copy.setStringProperty(DeadLetters.ENTITY, entry.entity());
            copy.setStringProperty(DeadLetters.BATCH_ID, entry.batchId());
            copy.setStringProperty(DeadLetters.REPLAYED_FROM, DeadLetters.dlqOf(entry.entity()));
            try (MessageProducer producer =
                    session.createProducer(session.createQueue(Queues.changes(entry.entity())))) {
                producer.send(copy);
            }
            session.commit();
            return true;
        }
    }

    private List<String> entities(DlqFilter filter) {
        return filter.entity() == null
                ? catalog.names()
                : List.of(catalog.get(filter.entity()).name());
    }

    private List<DlqEntry> browse(String queue, DlqFilter filter, boolean withBody) {
        List<DlqEntry> entries =
                jms.execute(session -> QueueSnapshot.of(session, queue, browseTimeout, m -> entry(m, withBody)), true);
        return entries.stream().filter(filter::matches).toList();
    }

    private static DlqEntry entry(Message message, boolean withBody) throws JMSException {
        byte[] body = body(message);
        return new DlqEntry(
                message.getJMSMessageID(),
                message.getStringProperty(DeadLetters.ENTITY),
                message.getStringProperty(DeadLetters.BATCH_ID),
                message.getStringProperty(DeadLetters.ERROR),
                message.getStringProperty(DeadLetters.ERROR_CLASS),
                message.getStringProperty(DeadLetters.FAILED_AT),
                message.propertyExists(DeadLetters.ATTEMPTS) ? message.getIntProperty(DeadLetters.ATTEMPTS) : 0,
                body.length,
                withBody ? message.getStringProperty(DeadLetters.STACK) : null,
                withBody ? new String(body, StandardCharsets.UTF_8) : null);
    }

    private static byte[] body(Message message) throws JMSException {
        if (message instanceof BytesMessage bytes) {
            bytes.reset();
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            bytes.reset();
            return body;
        }
        if (message instanceof TextMessage text) {
            return text.getText() == null ? new byte[0] : text.getText().getBytes(StandardCharsets.UTF_8);
        }
        return new byte[0];
    }

    @ManagedOperation(description = "Lists the DLQ batches of an entity (empty: all entities)")
    @ManagedOperationParameter(name = "entity", description = "entity name, or empty for all")
    public String listBatches(String entity) {
        return list(new DlqFilter(blankToNull(entity), null, null, null, null)).stream()
                .map(e -> e.messageId() + " " + e.entity() + " " + e.batchId() + " failed " + e.failedAt() + ": "
                        + e.reason())
                .reduce((a, b) -> a + "\n" + b)
                .orElse("(no messages)");
    }

    @ManagedOperation(description = "Replays DLQ batches back to their queue; dryRun=true only lists them")
    @ManagedOperationParameter(name = "entity", description = "entity name, or empty for all")
    @ManagedOperationParameter(name = "reasonContains", description = "fragment of the reason, or empty")
    @ManagedOperationParameter(name = "dryRun", description = "true to only list what would move")
    public String replayBatches(String entity, String reasonContains, boolean dryRun) {
        ReplayReport report =
                replay(new DlqFilter(blankToNull(entity), null, blankToNull(reasonContains), null, null), dryRun);
        return (dryRun ? "Would replay " : "Replayed ") + report.messages().size() + " batch(es)";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
