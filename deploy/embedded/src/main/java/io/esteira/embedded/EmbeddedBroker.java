package io.esteira.embedded;

import io.esteira.contracts.Queues;
import io.esteira.embedded.net.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * An in-process Artemis broker configured like the production {@code deploy/artemis/broker.xml}:
 * durable journal, duplicate detection, redelivery with exponential backoff, and for every Esteira
 * queue ({@code dw.changes.<entity>}, {@code dw.alerts}) its dead-letter queue {@code DLQ.<queue>}, the
 * change queues created on first use by wildcard address settings (none per entity). The
 * loader alone moves a change batch to its DLQ (with the reason): the broker never dead-letters
 * {@code dw.changes.#}. It moves an alert delivered more than {@code maxDeliveryAttempts} times to
 * {@code DLQ.dw.alerts}.
 *
 * <p>It opens exactly one TCP acceptor, on 127.0.0.1 and the port given (0 picks a free one), so
 * it never collides with other brokers on the machine (AMQP 5672 and MQTT 1883 stay closed).
 */
public final class EmbeddedBroker implements AutoCloseable {

    /**
     * Redelivery policy of the {@code dw.#} addresses; {@code maxDeliveryAttempts} applies to every one but
     * {@code dw.changes.#}, whose batches only the loader dead-letters.
     */
    public record Redelivery(int maxDeliveryAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {
        public static Redelivery defaults() {
            return new Redelivery(10, Duration.ofMillis(500), 2.0, Duration.ofSeconds(30));
        }
    }

    /**
     * The journal's buffer, as broker.xml's {@code journal-buffer-size}: the broker stores a message larger than
     * its journal's largest record (the smaller of the journal's buffer and file) as a large message, whatever
     * size the client sent it at, and the loader then reassembles it chunk by chunk. Past the clients' 8 MiB
     * {@code minLargeMessageSize}, so that every batch they send as a regular message stays one.
     */
    public static final int JOURNAL_BUFFER_SIZE = 9 * 1024 * 1024;

    /** Memory a change address may hold before it pages to disk (broker.xml's max-size-bytes of dw.changes.#). */
    public static final long CHANGES_MAX_SIZE_BYTES = 32L * 1024 * 1024;

    /** Size of each page file of a change address (broker.xml's page-size-bytes of dw.changes.#). */
    public static final int CHANGES_PAGE_SIZE_BYTES = 10 * 1024 * 1024;

    private final Path dataDirectory;
    private final int port;
    private final Redelivery redelivery;
    private EmbeddedActiveMQ server;

    private EmbeddedBroker(Path dataDirectory, int port, Redelivery redelivery) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.redelivery = redelivery;
    }

    /** A broker on a free loopback port, journal in a new temporary directory. */
    public static EmbeddedBroker onFreePort(Redelivery redelivery) {
        try {
            return new EmbeddedBroker(Files.createTempDirectory("esteira-artemis-"), FreePorts.next(), redelivery);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for the embedded broker's journal", e);
        }
    }

    /** A broker on the given loopback port with its journal in {@code dataDirectory}. */
    public static EmbeddedBroker at(Path dataDirectory, int port, Redelivery redelivery) {
        return new EmbeddedBroker(dataDirectory, port == 0 ? FreePorts.next() : port, redelivery);
    }

    public synchronized EmbeddedBroker start() {
        if (server != null) {
            return this;
        }
        Configuration config = new ConfigurationImpl()
                .setName("esteira-embedded")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalBufferSize_NIO(JOURNAL_BUFFER_SIZE)
                .setJournalDirectory(dataDirectory.resolve("journal").toString())
                .setBindingsDirectory(dataDirectory.resolve("bindings").toString())
                .setLargeMessagesDirectory(
                        dataDirectory.resolve("large-messages").toString())
                .setPagingDirectory(dataDirectory.resolve("paging").toString())
                .setJMXManagementEnabled(true);
        try {
            config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
            config.addAcceptorConfiguration("in-vm", "vm://" + port);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot configure the embedded broker's acceptor on port " + port, e);
        }
        // Everything has somewhere to go: expired messages to ExpiryQueue, and anything dead-lettered
        // outside the Esteira queues (a DLQ's own poison, say) to DLA.
        config.addAddressSetting(
                "#",
                new AddressSettings()
                        .setDeadLetterAddress(SimpleString.of("DLA"))
                        .setExpiryAddress(SimpleString.of("ExpiryQueue"))
                        .setAutoCreateQueues(true)
                        .setAutoCreateAddresses(true));
        config.addQueueConfiguration(QueueConfiguration.of("DLA").setRoutingType(RoutingType.ANYCAST));
        config.addQueueConfiguration(QueueConfiguration.of("ExpiryQueue").setRoutingType(RoutingType.ANYCAST));
        // As broker.xml: by wildcard, the specific matches saying only what differs (Artemis merges them).
        config.addAddressSetting("dw.#", addressSettings());
        // No queue per entity: dw.changes.<entity> and its DLQ are created on first use and kept when empty.
        config.addAddressSetting(
                Queues.CHANGES_PREFIX + "#",
                new AddressSettings()
                        .setMaxDeliveryAttempts(-1)
                        .setAutoDeleteQueues(false)
                        .setAutoDeleteAddresses(false)
                        // As broker.xml: past 32 MiB an entity's queue pages to disk; the extractor keeps publishing.
                        .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                        .setMaxSizeBytes(CHANGES_MAX_SIZE_BYTES)
                        .setPageSizeBytes(CHANGES_PAGE_SIZE_BYTES));
        config.addAddressSetting(
                Queues.deadLetter(Queues.CHANGES_PREFIX + "#"),
                new AddressSettings()
                        .setAutoCreateQueues(true)
                        .setAutoCreateAddresses(true)
                        .setAutoDeleteQueues(false)
                        .setAutoDeleteAddresses(false)
                        .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                        .setDefaultQueueRoutingType(RoutingType.ANYCAST));
        config.addAddressSetting(
                Queues.ALERTS,
                new AddressSettings().setDeadLetterAddress(SimpleString.of(Queues.deadLetter(Queues.ALERTS))));
        for (String queue : List.of(Queues.ALERTS, Queues.deadLetter(Queues.ALERTS))) {
            config.addQueueConfiguration(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST));
        }
        server = new EmbeddedActiveMQ().setConfiguration(config);
        try {
            server.start();
        } catch (Exception e) {
            server = null;
            throw new IllegalStateException(
                    "Cannot start the embedded Artemis broker on 127.0.0.1:" + port
                            + " (is the port taken? pick another with --broker-port)",
                    e);
        }
        return this;
    }

    private AddressSettings addressSettings() {
        return new AddressSettings()
                .setMaxDeliveryAttempts(redelivery.maxDeliveryAttempts())
                .setRedeliveryDelay(redelivery.initialDelay().toMillis())
                .setRedeliveryMultiplier(redelivery.multiplier())
                .setMaxRedeliveryDelay(redelivery.maxDelay().toMillis())
                .setExpiryAddress(SimpleString.of("ExpiryQueue"))
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true)
                .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                .setDefaultQueueRoutingType(RoutingType.ANYCAST)
                .setDeadLetterAddress(SimpleString.of("DLA"))
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE);
    }

    /** {@code tcp://127.0.0.1:<port>}: what services take as {@code esteira.broker.url}. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** A new JMS connection factory on the TCP acceptor. */
    public ActiveMQConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(url());
    }

    /** Messages in a queue now (0 when the queue does not exist yet). */
    public long messageCount(String queueName) {
        Queue queue = requireRunning().getActiveMQServer().locateQueue(SimpleString.of(queueName));
        return queue == null ? 0 : queue.getMessageCount();
    }

    /** The address settings in effect for {@code address}, the wildcard matches merged as Artemis merges them. */
    public AddressSettings settingsOf(String address) {
        return requireRunning()
                .getActiveMQServer()
                .getAddressSettingsRepository()
                .getMatch(address);
    }

    /** Creates an anycast queue of the same name as its address, if absent. */
    public void createQueue(String name) {
        try {
            requireRunning()
                    .getActiveMQServer()
                    .createQueue(
                            QueueConfiguration.of(name)
                                    .setRoutingType(RoutingType.ANYCAST)
                                    .setDurable(true)
                                    .setAutoCreateAddress(true),
                            true);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create queue " + name, e);
        }
    }

    public boolean isRunning() {
        return server != null;
    }

    private EmbeddedActiveMQ requireRunning() {
        if (server == null) {
            throw new IllegalStateException("The embedded broker is not running; call start() first");
        }
        return server;
    }

    public synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot stop the embedded broker", e);
            } finally {
                server = null;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
