package io.esteira.faults;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.esteira.contracts.BatchIds;
import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.ContractCodec;
import io.esteira.contracts.Queues;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.faults.infra.ServiceProcess;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Messages a broken or hostile producer puts on a change queue, sent with the extractor's broker login (the
 * only producer allowed there), and the loader's view of its dead-letter queues ({@code GET /api/dlq}).
 */
final class Messages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Messages() {}

    /**
     * A change batch that passes the contract but cannot be applied: an order whose status is 300 characters
     * long ({@code varchar(20)} in the DW), under a key the OLTP never had.
     */
    static ChangeBatch unappliableOrder(long key) {
        EntityDefinition orders = EntityCatalog.reference().get("orders");
        Map<String, Object> data = new LinkedHashMap<>();
        for (String column : orders.columns()) {
            data.put(column, null);
        }
        data.put("order_id", key);
        data.put("order_number", "POISON-" + key);
        data.put("customer_id", 1L);
        data.put("seller_id", 1L);
        data.put("status", "x".repeat(300));
        data.put("order_date", "2025-01-01T00:00:00");
        data.put("channel", "web");
        data.put("created_at", "2025-01-01T00:00:00");
        data.put("updated_at", "2025-01-01T00:00:00");
        ChangeBatch.Watermark watermark =
                new ChangeBatch.Watermark(new ChangeBatch.Cursor(0, key - 1), new ChangeBatch.Cursor(1, key));
        return new ChangeBatch(
                ChangeBatch.SCHEMA,
                BatchIds.of("orders", watermark, null),
                "orders",
                new ChangeBatch.Source("oltp", orders.table()),
                Instant.now(),
                watermark,
                null,
                List.of(new ChangeBatch.Row(ChangeBatch.Op.upsert, key, 1, data)));
    }

    static byte[] json(ChangeBatch batch) {
        return ContractCodec.standard().write(batch);
    }

    /** Sends raw bytes to {@code dw.changes.<entity>} as the extractor would (durable, bytes, entity group). */
    static void send(FaultStack stack, String entity, byte[] body, String duplicateId) {
        try (ActiveMQConnectionFactory factory =
                        stack.broker().factory("extractor", stack.brokerPassword("extractor"));
                Connection connection = factory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue(Queues.changes(entity)))) {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
            message.setStringProperty(Queues.DUPLICATE_ID_PROPERTY, duplicateId);
            message.setStringProperty("JMSXGroupID", entity);
            message.setStringProperty("esteira_entity", entity);
            producer.send(message);
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot send to " + Queues.changes(entity) + ": " + e.getMessage(), e);
        }
    }

    /** The loader's listing of a DLQ: batch id, reason, attempts, size. */
    static List<Map<String, Object>> deadLetters(FaultStack stack, String entity) {
        ServiceProcess.Response response = ServiceProcess.request(
                stack.loader().port(), "/api/dlq?entity=" + entity, "GET", stack.operatorCredentials());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/dlq answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readValue(response.body(), new TypeReference<>() {});
        } catch (java.io.IOException e) {
            throw new IllegalStateException("GET /api/dlq did not answer JSON: " + response.body(), e);
        }
    }

    /** The dead letters of an entity whose reason contains {@code text}. */
    static List<Map<String, Object>> deadLettersWithReason(FaultStack stack, String entity, String text) {
        return deadLetters(stack, entity).stream()
                .filter(entry -> String.valueOf(entry.get("reason")).contains(text))
                .toList();
    }
}
