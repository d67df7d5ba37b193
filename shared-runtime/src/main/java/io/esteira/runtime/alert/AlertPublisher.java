package io.esteira.runtime.alert;

import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.ContractCodec;
import io.esteira.contracts.Queues;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes {@link AlertEvent}s to {@code dw.alerts} for the alerting service. Raising an alert must
 * never hide the failure it reports: when the broker is unreachable the event is logged at ERROR
 * (with its fingerprint) and the caller carries on with its own error handling.
 */
public class AlertPublisher {

    private static final Logger log = LoggerFactory.getLogger(AlertPublisher.class);

    private final ProducerTemplate producer;
    private final String service;
    private final Clock clock;

    public AlertPublisher(ProducerTemplate producer, String service, Clock clock) {
        this.producer = producer;
        this.service = service;
        this.clock = clock;
    }

    /** A firing or resolved event of this service, fingerprinted by kind, entity and {@code problem}. */
    public AlertEvent event(
            AlertEvent.Kind kind,
            AlertEvent.Severity severity,
            AlertEvent.Status status,
            String entity,
            String problem,
            String summary,
            Map<String, String> details,
            Map<String, String> links) {
        return new AlertEvent(
                AlertEvent.SCHEMA,
                UUID.randomUUID().toString(),
                service,
                kind,
                severity,
                entity,
                summary,
                details,
                String.join(":", service, kind.json(), entity == null ? "-" : entity, problem),
                status,
                clock.instant(),
                links);
    }

    public void publish(AlertEvent event) {
        try {
            byte[] body = ContractCodec.standard().write(event);
            Exchange result = producer.send("jms:queue:" + Queues.ALERTS + "?deliveryPersistent=true", exchange -> {
                exchange.getIn().setBody(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            });
            if (result.getException() != null) {
                throw result.getException();
            }
        } catch (Exception e) {
            log.error(
                    "Could not publish alert {} ({}: {}) to {}: {}",
                    event.fingerprint(),
                    event.status(),
                    event.summary(),
                    Queues.ALERTS,
                    e.getMessage());
        }
    }
}
