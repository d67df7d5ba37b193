package io.esteira.loader.dlq;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.jms.client.ActiveMQMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQSession;
import org.springframework.jms.connection.SessionProxy;

/**
 * Every message of an Artemis queue, read without consuming it, checked against the broker's own count.
 *
 * <p>Why not a JMS {@code QueueBrowser}: Artemis's browser ends its enumeration at the first
 * {@code receiveImmediate()} that returns nothing, that is when the broker answers a "forced delivery" with
 * its "no more messages now" marker (and also on any client error, which it swallows). The broker sends that
 * marker from the queue's executor as soon as its browser deliverer is not delivering, and while a large
 * message (one past the client's {@code minLargeMessageSize}, a file of its own streamed in chunks under the
 * consumer's flow control) is still being streamed, the deliverer is paused, so the marker overtakes every
 * message after the large one: the enumeration ends early and the listing silently omits messages that are
 * there ({@code DlqListingIT} shows it within a few listings of a DLQ holding a 20 MB batch).
 *
 * <p>Here the end is not inferred from that marker: the broker's message count is read first
 * ({@code ClientSession.queueQuery}), then a browse-only core consumer receives until it has that many; a
 * "nothing more now" before that only means wait a moment and ask again. If no message comes for
 * {@code timeout}, the count is read again (a replay may have removed messages meanwhile); a listing still
 * short is an error naming the queue, never a shorter list.
 */
final class QueueSnapshot {

    /** How long to wait for the next message after the broker answered "nothing more now" too early. */
    private static final long RETRY_WAIT_MILLIS = 50;

    private QueueSnapshot() {}

    /** The Artemis core session behind a JMS session (Spring's caching proxy unwrapped). */
    static ClientSession coreSession(Session session) {
        Session target = session instanceof SessionProxy proxy ? proxy.getTargetSession() : session;
        if (target instanceof ActiveMQSession artemis) {
            return artemis.getCoreSession();
        }
        throw new IllegalStateException("The DLQ operations need an Artemis JMS connection factory, but got a "
                + target.getClass().getName() + " session; check the broker connection factory bean");
    }

    /** Messages in the queue as the broker counts them (0 when the queue does not exist yet). */
    static long messageCount(ClientSession session, String queue) throws JMSException {
        try {
            ClientSession.QueueQuery query = session.queueQuery(SimpleString.of(queue));
            return query.isExists() ? query.getMessageCount() : 0;
        } catch (ActiveMQException e) {
            throw jmsException("Cannot read the message count of " + queue, e);
        }
    }

    /** What a snapshot keeps of each message; it runs while the message (a large one's body too) is readable. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Message message) throws JMSException;
    }

    /**
     * Every message the queue held when this began, oldest first, each turned into what {@code reader} makes
     * of it (a large message's body can only be read while the browse is open, hence not the messages).
     *
     * @param session a started JMS session on an Artemis connection
     * @param timeout how long to wait for the broker's next message before reading the count again
     * @throws IncompleteBrowseException when the broker still counts more messages than it delivered
     */
    static <T> List<T> of(Session session, String queue, Duration timeout, Reader<T> reader) throws JMSException {
        ClientSession core = coreSession(session);
        long expected = messageCount(core, queue);
        List<T> messages = new ArrayList<>();
        if (expected == 0) {
            return messages;
        }
        try (ClientConsumer consumer = core.createConsumer(SimpleString.of(queue), null, true)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (messages.size() < expected) {
                // receiveImmediate asks the broker to deliver now; its "nothing more now" answer can come while a
                // large message is still streaming, so a short result is waited on, never taken as the end.
                ClientMessage next = consumer.receiveImmediate();
                if (next == null) {
                    next = consumer.receive(RETRY_WAIT_MILLIS);
                }
                if (next == null) {
                    if (System.nanoTime() - deadline < 0) {
                        continue;
                    }
                    long now = messageCount(core, queue);
                    if (now <= messages.size()) {
                        break;
                    }
                    throw new IncompleteBrowseException(queue, messages.size(), now, timeout);
                }
                ActiveMQMessage message = ActiveMQMessage.createMessage(next, core);
                message.doBeforeReceive();
                messages.add(reader.read(message));
                deadline = System.nanoTime() + timeout.toNanos();
            }
        } catch (ActiveMQException e) {
            throw jmsException("Cannot browse " + queue, e);
        }
        return messages;
    }

    private static JMSException jmsException(String message, ActiveMQException cause) {
        JMSException e = new JMSException(message + ": " + cause.getMessage());
        e.setLinkedException(cause);
        e.initCause(cause);
        return e;
    }

    /** A browse that received fewer messages than the broker counts in the queue. */
    static final class IncompleteBrowseException extends IllegalStateException {
        IncompleteBrowseException(String queue, int browsed, long counted, Duration timeout) {
            super("Listing " + queue + " received " + browsed + " of the " + counted
                    + " messages the broker counts there, and no further message within " + timeout.toSeconds()
                    + " s; nothing was changed: try again, and if it persists check the broker's log");
        }
    }
}
