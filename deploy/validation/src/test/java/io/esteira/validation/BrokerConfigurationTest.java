package io.esteira.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.Queues;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.embedded.EmbeddedBroker;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.core.settings.impl.HierarchicalObjectRepository;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/artemis/broker.xml, read by Artemis's own parser (which validates it against the broker's XSD), is
 * configured like the embedded broker the tests run on ({@link EmbeddedBroker}): the same dead-letter
 * queues and redelivery, and no address per entity (an entity added to the catalog file needs no broker change); plus what only production has: one CORE acceptor, duplicate detection, journal
 * retention and per-service security. Compose and the k8s dev overlay both take this one file.
 */
class BrokerConfigurationTest {

    private static final String BROKER_DIR = "deploy/artemis";
    private static final String BROKER_XML = BROKER_DIR + "/broker.xml";
    /** An entity of an operator's catalog file, which no broker file names. */
    private static final String UNDECLARED = "payments";

    private static FileConfiguration broker;

    @BeforeAll
    static void parse() throws Exception {
        broker = new FileConfiguration();
        FileDeploymentManager deployment =
                new FileDeploymentManager(Repository.path(BROKER_XML).toUri().toString());
        deployment.addDeployable(broker);
        deployment.readConfiguration();
    }

    @Test
    void shouldOpenOneAcceptorForTheCoreProtocolOnly() {
        Set<TransportConfiguration> acceptors = broker.getAcceptorConfigurations();

        assertThat(acceptors).hasSize(1);
        TransportConfiguration acceptor = acceptors.iterator().next();
        assertThat(acceptor.getParams()).containsEntry("port", "61616").containsEntry("protocols", "CORE");
    }

    /** The change queues of the shipped catalog, one of an entity it does not know, and the alerts queue. */
    private static List<String> esteiraQueues() {
        List<String> queues = new ArrayList<>();
        EntityCatalog.reference().names().forEach(entity -> queues.add(Queues.changes(entity)));
        queues.add(Queues.changes(UNDECLARED));
        queues.add(Queues.ALERTS);
        return queues;
    }

    @Test
    void shouldDeclareNoAddressPerEntityAndCreateEveryChangeQueueAndItsDeadLetterQueueOnFirstUse() {
        assertThat(broker.getAddressConfigurations().stream().map(CoreAddressConfiguration::getName))
                .containsExactlyInAnyOrder("DLA", "ExpiryQueue", Queues.ALERTS, Queues.deadLetter(Queues.ALERTS));
        HierarchicalObjectRepository<AddressSettings> settings = addressSettings();

        for (String queue : esteiraQueues()) {
            if (!queue.startsWith(Queues.CHANGES_PREFIX)) {
                continue;
            }
            for (String name : List.of(queue, Queues.deadLetter(queue))) {
                AddressSettings effective = settings.getMatch(name);
                assertThat(effective.isAutoCreateAddresses()).as(name).isTrue();
                assertThat(effective.isAutoCreateQueues()).as(name).isTrue();
                // Kept when empty, like a declared queue: its depth and DLQ gauges stay readable.
                assertThat(effective.isAutoDeleteQueues()).as(name).isFalse();
                assertThat(effective.isAutoDeleteAddresses()).as(name).isFalse();
                assertThat(effective.getDefaultAddressRoutingType()).as(name).isEqualTo(RoutingType.ANYCAST);
                assertThat(effective.getDefaultQueueRoutingType()).as(name).isEqualTo(RoutingType.ANYCAST);
            }
        }
    }

    @Test
    void shouldSetEveryEsteiraAddressOfTheEmbeddedBrokerAsBrokerXmlDoes() {
        HierarchicalObjectRepository<AddressSettings> production = addressSettings();
        List<String> addresses = new ArrayList<>();
        esteiraQueues().forEach(queue -> addresses.addAll(List.of(queue, Queues.deadLetter(queue))));
        try (EmbeddedBroker embedded =
                EmbeddedBroker.onFreePort(EmbeddedBroker.Redelivery.defaults()).start()) {
            for (String address : addresses) {
                AddressSettings expected = production.getMatch(address);
                AddressSettings actual = embedded.settingsOf(address);
                assertThat(actual.getMaxDeliveryAttempts()).as(address).isEqualTo(expected.getMaxDeliveryAttempts());
                assertThat(String.valueOf(actual.getDeadLetterAddress()))
                        .as(address)
                        .isEqualTo(String.valueOf(expected.getDeadLetterAddress()));
                assertThat(String.valueOf(actual.getExpiryAddress()))
                        .as(address)
                        .isEqualTo(String.valueOf(expected.getExpiryAddress()));
                assertThat(actual.getRedeliveryDelay()).as(address).isEqualTo(expected.getRedeliveryDelay());
                assertThat(actual.isAutoCreateQueues()).as(address).isEqualTo(expected.isAutoCreateQueues());
                assertThat(actual.isAutoDeleteQueues()).as(address).isEqualTo(expected.isAutoDeleteQueues());
                assertThat(actual.isAutoDeleteAddresses()).as(address).isEqualTo(expected.isAutoDeleteAddresses());
                assertThat(actual.getDefaultQueueRoutingType())
                        .as(address)
                        .isEqualTo(expected.getDefaultQueueRoutingType());
                assertThat(actual.getAddressFullMessagePolicy())
                        .as(address)
                        .isEqualTo(expected.getAddressFullMessagePolicy());
                assertThat(actual.getMaxSizeBytes()).as(address).isEqualTo(expected.getMaxSizeBytes());
                assertThat(actual.getPageSizeBytes()).as(address).isEqualTo(expected.getPageSizeBytes());
            }
        }
    }

    @Test
    void shouldTakeEveryBatchTheClientsSendAsARegularMessageAsOneJournalRecord() {
        // The largest record is the smaller of the journal's buffer and file; a message past it the broker
        // stores and delivers as a large message. The clients send up to 8 MiB as regular messages.
        int buffer = broker.getJournalType() == JournalType.ASYNCIO
                ? broker.getJournalBufferSize_AIO()
                : broker.getJournalBufferSize_NIO();
        assertThat(buffer).isEqualTo(EmbeddedBroker.JOURNAL_BUFFER_SIZE);
        assertThat(buffer).isGreaterThan(8 * 1024 * 1024 + 512);
        assertThat(buffer).isLessThanOrEqualTo(broker.getJournalFileSize());
    }

    @Test
    void shouldDeliverABatchOfSeveralMebibytesAsTheRegularMessageItWasSentAs() throws Exception {
        byte[] batch = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(batch, (byte) '7');
        try (EmbeddedBroker embedded = EmbeddedBroker.onFreePort(EmbeddedBroker.Redelivery.defaults())
                        .start();
                ActiveMQConnectionFactory factory = embedded.connectionFactory()) {
            factory.setMinLargeMessageSize(8 * 1024 * 1024);
            try (Connection connection = factory.createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                String queue = Queues.changes(UNDECLARED);
                try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
                    BytesMessage message = session.createBytesMessage();
                    message.writeBytes(batch);
                    producer.send(message);
                }
                try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
                    Message received = consumer.receive(30_000);
                    assertThat(received).isNotNull();
                    assertThat(((ActiveMQMessage) received).getCoreMessage().isLargeMessage())
                            .as("stored and delivered as a regular message, not turned into a large one")
                            .isFalse();
                    assertThat(received.getBody(byte[].class)).isEqualTo(batch);
                }
            }
        }
    }

    @Test
    void shouldCarryAndDeadLetterAnEntityNoFileOfTheBrokerNames() throws Exception {
        String queue = Queues.changes(UNDECLARED);
        String dlq = Queues.deadLetter(queue);
        try (EmbeddedBroker embedded = EmbeddedBroker.onFreePort(EmbeddedBroker.Redelivery.defaults())
                        .start();
                ActiveMQConnectionFactory factory = embedded.connectionFactory();
                Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
                producer.send(session.createTextMessage("batch"));
            }
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
                    MessageProducer toDlq = session.createProducer(session.createQueue(dlq))) {
                Message received = consumer.receive(5_000);
                assertThat(received).isNotNull();
                toDlq.send(received);
            }

            assertThat(embedded.messageCount(queue)).isZero();
            assertThat(embedded.messageCount(dlq)).isEqualTo(1);
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(dlq))) {
                assertThat(consumer.receive(5_000)).isNotNull();
            }
        }
    }

    @Test
    void shouldPageEveryChangeQueueToDiskPastASizeOfItsOwn() {
        HierarchicalObjectRepository<AddressSettings> settings = addressSettings();

        for (String queue : esteiraQueues()) {
            AddressSettings effective = settings.getMatch(queue);
            // Never BLOCK (a stopped loader would stall the extractor) nor FAIL (its batches refused).
            assertThat(effective.getAddressFullMessagePolicy()).as(queue).isEqualTo(AddressFullMessagePolicy.PAGE);
            if (queue.startsWith(Queues.CHANGES_PREFIX)) {
                // A size per address: one stalled entity pages on its own instead of filling the global limit.
                assertThat(effective.getMaxSizeBytes()).as(queue).isEqualTo(EmbeddedBroker.CHANGES_MAX_SIZE_BYTES);
                assertThat(effective.getPageSizeBytes()).as(queue).isEqualTo(EmbeddedBroker.CHANGES_PAGE_SIZE_BYTES);
                // The memory an address holds before paging spans several page files.
                assertThat(effective.getMaxSizeBytes()).as(queue).isGreaterThan(effective.getPageSizeBytes());
            }
        }
    }

    @Test
    void shouldConfigureTheEsteiraAddressesByWildcardNotOneCopyPerQueue() {
        assertThat(broker.getAddressSettings().keySet())
                .containsExactlyInAnyOrder(
                        "activemq.management.#",
                        "#",
                        "dw.#",
                        Queues.CHANGES_PREFIX + "#",
                        Queues.deadLetter(Queues.CHANGES_PREFIX + "#"),
                        Queues.ALERTS);
    }

    @Test
    void shouldGiveEveryOtherAddressADeadLetterAndAnExpiryQueue() {
        AddressSettings other = addressSettings().getMatch("some.other.address");

        assertThat(other.getDeadLetterAddress().toString()).isEqualTo("DLA");
        assertThat(other.getExpiryAddress().toString()).isEqualTo("ExpiryQueue");
        assertThat(broker.getAddressConfigurations().stream().map(CoreAddressConfiguration::getName))
                .contains("DLA", "ExpiryQueue");
    }

    @Test
    void shouldDetectDuplicatesAndRetainTheJournalForReplay() {
        assertThat(broker.isPersistenceEnabled()).isTrue();
        assertThat(broker.isPersistIDCache()).isTrue();
        assertThat(broker.getIDCacheSize()).isGreaterThanOrEqualTo(20_000);
        assertThat(broker.getJournalRetentionLocation()).isNotNull();
        assertThat(broker.getJournalRetentionPeriod()).isPositive();
        // A change batch (up to the clients' 8 MiB minLargeMessageSize, sent as a regular message) must
        // fit in a journal file.
        assertThat(broker.getJournalFileSize()).isGreaterThan(8 * 1024 * 1024);
    }

    @Test
    void shouldLetEachServiceSendAndConsumeOnlyOnItsAddresses() {
        assertThat(broker.isSecurityEnabled()).isTrue();

        assertThat(rolesAllowed("dw.changes.orders", CheckType.SEND))
                .containsExactlyInAnyOrder("amq", "extractor", "loader");
        assertThat(rolesAllowed("dw.changes.orders", CheckType.CONSUME)).containsExactlyInAnyOrder("amq", "loader");
        assertThat(rolesAllowed("DLQ.dw.changes.orders", CheckType.CONSUME)).containsExactlyInAnyOrder("amq", "loader");
        assertThat(rolesAllowed("DLQ.dw.changes.orders", CheckType.BROWSE)).containsExactlyInAnyOrder("amq", "loader");
        assertThat(rolesAllowed(Queues.ALERTS, CheckType.SEND))
                .containsExactlyInAnyOrder("amq", "extractor", "loader", "quality", "alerting");
        assertThat(rolesAllowed(Queues.ALERTS, CheckType.CONSUME)).containsExactlyInAnyOrder("amq", "alerting");
        assertThat(rolesAllowed("DLQ." + Queues.ALERTS, CheckType.SEND)).containsExactlyInAnyOrder("amq", "alerting");
        // No address per entity: the services that use a change queue (or the loader, a DLQ) create it.
        for (String address : List.of("dw.changes.orders", Queues.changes(UNDECLARED))) {
            assertThat(rolesAllowed(address, CheckType.CREATE_ADDRESS))
                    .as(address)
                    .containsExactlyInAnyOrder("amq", "extractor", "loader");
            assertThat(rolesAllowed(address, CheckType.CREATE_DURABLE_QUEUE))
                    .as(address)
                    .containsExactlyInAnyOrder("amq", "extractor", "loader");
            assertThat(rolesAllowed(Queues.deadLetter(address), CheckType.CREATE_DURABLE_QUEUE))
                    .as(address)
                    .containsExactlyInAnyOrder("amq", "loader");
        }
        for (String address : List.of("dw.changes.orders", Queues.ALERTS, "some.other.address")) {
            assertThat(rolesAllowed(address, CheckType.MANAGE)).as(address).containsExactly("amq");
            assertThat(rolesAllowed(address, CheckType.DELETE_DURABLE_QUEUE))
                    .as(address)
                    .containsExactly("amq");
        }
    }

    @Test
    void shouldWriteAUserForEveryServiceRoleFromTheEnvironment() {
        String entrypoint = Repository.read(BROKER_DIR + "/entrypoint.sh");

        for (String role : List.of("extractor", "loader", "quality", "alerting")) {
            assertThat(entrypoint)
                    .contains("ESTEIRA_BROKER_" + role.toUpperCase(java.util.Locale.ROOT) + "_PASSWORD")
                    .contains("'" + role + " = " + role + "\\n'");
        }
    }

    @Test
    void shouldKeepTheBrokerConfigurationOnceForComposeAndKubernetes() throws Exception {
        try (var files = java.nio.file.Files.walk(Repository.ROOT.resolve("k8s"))) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .as("copies under k8s/")
                    .doesNotContain("broker.xml", "entrypoint.sh");
        }
        assertThat(Repository.read("deploy/compose/docker-compose.yml")).contains("- ../artemis:/opt/esteira:ro");
        assertThat(Repository.yaml("k8s/overlays/dev/kustomization.yaml")
                        .get("resources")
                        .toString())
                .contains("../../../deploy/artemis");
        assertThat(Repository.read(BROKER_DIR + "/kustomization.yaml"))
                .contains("name: artemis-config", "- broker.xml", "- entrypoint.sh");
    }

    private static HierarchicalObjectRepository<AddressSettings> addressSettings() {
        HierarchicalObjectRepository<AddressSettings> repository = new HierarchicalObjectRepository<>();
        repository.setDefault(new AddressSettings());
        broker.getAddressSettings().forEach(repository::addMatch);
        return repository;
    }

    private static Set<String> rolesAllowed(String address, CheckType check) {
        HierarchicalObjectRepository<Set<Role>> repository = new HierarchicalObjectRepository<>();
        repository.setDefault(Set.of());
        broker.getSecurityRoles().forEach(repository::addMatch);
        return repository.getMatch(address).stream()
                .filter(check::hasRole)
                .map(Role::getName)
                .collect(Collectors.toSet());
    }
}
