package io.esteira.quality;

import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.ContractCodec;
import io.esteira.contracts.Queues;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Consumes {@code dw.alerts} in the background and keeps the events, parsed against their schema. */
final class AlertQueue implements AutoCloseable {

    private final JMSContext context;
    private final List<AlertEvent> events = new CopyOnWriteArrayList<>();

    AlertQueue(ConnectionFactory connections) {
        context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        JMSConsumer consumer = context.createConsumer(context.createQueue(Queues.ALERTS));
        consumer.setMessageListener(message -> {
            try {
                events.add(ContractCodec.standard()
                        .readAlertEvent(message.getBody(String.class).getBytes(StandardCharsets.UTF_8)));
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Every event so far, oldest first. */
    List<AlertEvent> all() {
        return List.copyOf(events);
    }

    /** The events about one check so far, oldest first. */
    List<AlertEvent> of(String fingerprint) {
        return events.stream().filter(e -> e.fingerprint().equals(fingerprint)).toList();
    }

    @Override
    public void close() {
        context.close();
    }
}
