package io.esteira.extractor;

import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.ContractCodec;
import io.esteira.contracts.Queues;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;

/** Reads what the extractor published, straight from the broker. */
public final class ExtractorTestSupport {

    private ExtractorTestSupport() {}

    /** Consumes every batch now in {@code dw.changes.<entity>}. */
    public static List<ChangeBatch> drain(ConnectionFactory factory, String entity) throws Exception {
        List<ChangeBatch> batches = new ArrayList<>();
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(Queues.changes(entity)));
            Message message;
            while ((message = consumer.receive(500)) != null) {
                BytesMessage bytes = (BytesMessage) message;
                byte[] body = new byte[(int) bytes.getBodyLength()];
                bytes.readBytes(body);
                batches.add(ContractCodec.standard().readChangeBatch(body));
            }
        }
        return batches;
    }

    public static List<ChangeBatch.Row> rows(List<ChangeBatch> batches) {
        return batches.stream().flatMap(b -> b.rows().stream()).toList();
    }
}
