package io.esteira.loader.dlq;

import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.Queues;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Moves a message that cannot be applied to {@code DLQ.dw.changes.<entity>}, with why in headers:
 * {@code esteira_error} (one line), {@code esteira_error_class}, {@code esteira_stack} (a short stack
 * summary), {@code esteira_failed_at}, {@code esteira_attempts}, {@code esteira_original_queue},
 * {@code esteira_batch_id}. The body is kept byte for byte, so a replay after the fix applies exactly
 * what was sent.
 */
public class DeadLetters {

    public static final String ERROR = Queues.ERROR_HEADER;
    public static final String ERROR_CLASS = "esteira_error_class";
    public static final String STACK = "esteira_stack";
    public static final String FAILED_AT = "esteira_failed_at";
    public static final String ATTEMPTS = "esteira_attempts";
    public static final String ORIGINAL_QUEUE = "esteira_original_queue";
    public static final String BATCH_ID = "esteira_batch_id";
    public static final String ENTITY = "esteira_entity";
    /** Set on a batch a replay moved back to its queue: the DLQ it came from. */
    public static final String REPLAYED_FROM = "esteira_replayed_from";

    private final ProducerTemplate producer;
    private final Clock clock;

    public DeadLetters(ProducerTemplate producer, Clock clock) {
        this.producer = producer;
        this.clock = clock;
    }

    public static String dlqOf(String entity) {
        return Queues.deadLetter(Queues.changes(entity));
    }

    /** @return the batch id, or a generated id for a message that has none */
    public String send(String entity, ChangeBatch batch, byte[] body, String reason, Throwable cause, int attempts) {
        String batchId = batch != null ? batch.batchId() : "unparsed-" + UUID.randomUUID();
        Exchange result = producer.send(
                "jms:queue:" + dlqOf(entity) + "?deliveryPersistent=true&jmsMessageType=Bytes", exchange -> {
                    var in = exchange.getIn();
                    in.setBody(body);
                    in.setHeader(ERROR, reason);
                    in.setHeader(
                            ERROR_CLASS, cause == null ? "" : cause.getClass().getName());
                    in.setHeader(STACK, cause == null ? "" : stackSummary(cause));
                    in.setHeader(FAILED_AT, clock.instant().toString());
                    in.setHeader(ATTEMPTS, attempts);
                    in.setHeader(ORIGINAL_QUEUE, Queues.changes(entity));
                    in.setHeader(BATCH_ID, batchId);
                    in.setHeader(ENTITY, entity);
                });
        if (result.getException() != null) {
            // Not acknowledged: the broker redelivers the original and the move is tried again.
            throw new IllegalStateException(
                    "Could not move batch " + batchId + " to " + dlqOf(entity) + ": "
                            + result.getException().getMessage(),
                    result.getException());
        }
        return batchId;
    }

    /**
     * What went wrong, one line: the innermost cause, which names the real problem (a constraint, a
     * type, a connection), rather than the wrappers around it that repeat the whole statement.
     */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().strip();
        int newline = message.indexOf('\n');
        if (newline > 0) {
            message = message.substring(0, newline);
        }
        return root.getClass().getSimpleName() + ": " + message.replace('\r', ' ');
    }

    /** The first lines of the stack trace (the JMS property stays small). */
    static String stackSummary(Throwable cause) {
        StringWriter text = new StringWriter();
        cause.printStackTrace(new PrintWriter(text));
        String[] lines = text.toString().split("\n");
        StringBuilder summary = new StringBuilder();
        for (int i = 0; i < Math.min(lines.length, 12); i++) {
            summary.append(lines[i].strip()).append('\n');
        }
        return summary.toString();
    }
}
