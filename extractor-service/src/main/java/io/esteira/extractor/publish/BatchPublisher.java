package io.esteira.extractor.publish;

import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.ContractCodec;
import io.esteira.contracts.Queues;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Sends a change batch durably to {@code dw.changes.<entity>} and returns only once the broker has
 * confirmed it (Artemis blocks a persistent send until the journal has it). The entity is the JMS message
 * group, so one loader applies an entity's batches in order.
 *
 * <p>The duplicate-detection id ({@code _AMQ_DUPL_ID}) is the batch id qualified by this publisher's run (a
 * random id per extractor process): a batch sent again by the same run (a send retried, the client's resend
 * after a broker failover) is dropped by the broker, and one read again by a later run reaches the loader,
 * whose {@code ctl.applied_batch} skips it when it applied it already (the version guard would make it change
 * nothing anyway). The batch id alone (entity and range) would make the broker, which remembers the last
 * 50,000 ids of each address, silently drop the batches a DW restored from a backup needs: its watermarks go
 * back, the restarted extractor reads the same ranges again, and their batch ids are those already sent.
 */
public class BatchPublisher {

    public static final String ENTITY_HEADER = "esteira_entity";
    public static final String BATCH_ID_HEADER = "esteira_batch_id";
    public static final String REPLAY_HEADER = "esteira_replay";

    private final ProducerTemplate producer;
    private final String run = UUID.randomUUID().toString();

    public BatchPublisher(ProducerTemplate producer) {
        this.producer = producer;
    }

    /** The duplicate-detection id of {@code batch} in this run (see the class's description). */
    private String duplicateId(ChangeBatch batch) {
        return batch.batchId() + "@" + run;
    }

    public static String endpointUri(String entity) {
        return "jms:queue:" + Queues.changes(entity) + "?deliveryPersistent=true&jmsMessageType=Bytes";
    }

    public void publish(ChangeBatch batch) {
        byte[] body = ContractCodec.standard().write(batch);
        Exchange result = producer.send(endpointUri(batch.entity()), exchange -> {
            exchange.getIn().setBody(body);
            exchange.getIn().setHeader(Queues.DUPLICATE_ID_PROPERTY, duplicateId(batch));
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
