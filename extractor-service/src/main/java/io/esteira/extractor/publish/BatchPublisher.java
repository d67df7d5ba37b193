package io.esteira.extractor.publish;

import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.ContractCodec;
import io.esteira.contracts.Queues;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Sends a change batch durably to {@code dw.changes.<entity>} and returns only once the broker has
 * confirmed it (Artemis blocks a persistent send until the journal has it). The batch id travels as
 * {@code _AMQ_DUPL_ID}, so a batch re-sent after a crash is dropped by the broker; the entity is the
 * JMS message group, so one loader applies an entity's batches in order.
 */
public class BatchPublisher {

    public static final String ENTITY_HEADER = "esteira_entity";
    public static final String BATCH_ID_HEADER = "esteira_batch_id";
    public static final String REPLAY_HEADER = "esteira_replay";

    private final ProducerTemplate producer;

    public BatchPublisher(ProducerTemplate producer) {
        this.producer = producer;
    }

    public static String endpointUri(String entity) {
        return "jms:queue:" + Queues.changes(entity) + "?deliveryPersistent=true&jmsMessageType=Bytes";
    }

    public void publish(ChangeBatch batch) {
        byte[] body = ContractCodec.standard().write(batch);
        Exchange result = producer.send(endpointUri(batch.entity()), exchange -> {
            exchange.getIn().setBody(body);
            exchange.getIn().setHeader(Queues.DUPLICATE_ID_PROPERTY, batch.batchId());
            exchange.getIn().setHeader("JMSXGroupID", batch.entity());
            exchange.getIn().setHeader(ENTITY_HEADER, batch.entity());
            exchange.getIn().setHeader(BATCH_ID_HEADER, batch.batchId());
            if (batch.isReplay()) {
                exchange.getIn().setHeader(REPLAY_HEADER, batch.replay());
            }
        });
        if (result.getException() != null) {
            throw new PublishException(
                    "The broker did not confirm batch " + batch.batchId() + " of " + batch.entity()
                            + "; the watermark stays where it was and the next run sends it again",
                    result.getException());
        }
    }

    /** The broker refused or did not confirm a batch. */
    public static class PublishException extends RuntimeException {
        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
