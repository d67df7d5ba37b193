package io.esteira.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.Queues;
import io.esteira.embedded.EmbeddedBroker;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.core.settings.impl.HierarchicalObjectRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/artemis/broker.xml, read by Artemis's own parser (which validates it against the broker's XSD), is
 * configured like the embedded broker the tests run on ({@link EmbeddedBroker}): the same queues, dead-letter
 * queues and redelivery; plus what only production has: one CORE acceptor, duplicate detection, journal
 * retention and per-service security. Compose and the k8s dev overlay both take this one file.
 */
class BrokerConfigurationTest {

    private static final String BROKER_DIR = "deploy/artemis";
    private static final String BROKER_XML = BROKER_DIR + "/broker.xml";
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

    @Test
    void shouldDeclareEveryQueueAndItsDeadLetterQueueLikeTheEmbeddedBroker() {
        Map<String, List<QueueConfiguration>> addresses = broker.getAddressConfigurations().stream()
                .collect(
                        Collectors.toMap(CoreAddressConfiguration::getName, CoreAddressConfiguration::getQueueConfigs));

        for (String queue : EmbeddedBroker.esteiraQueues()) {
            for (String name : List.of(queue, Queues.deadLetter(queue))) {
                assertThat(addresses).as(name).containsKey(name);
                assertThat(addresses.get(name)).singleElement().satisfies(q -> {
                    assertThat(q.getName().toString()).isEqualTo(name);
                    assertThat(q.getRoutingType()).isEqualTo(RoutingType.ANYCAST);
                });
            }
        }
    }

    @Test
    void shouldRedeliverLikeTheEmbeddedBrokerAndLeaveDeadLetteringChangeBatchesToTheLoader() {
        EmbeddedBroker.Redelivery expected = EmbeddedBroker.Redelivery.defaults();
        HierarchicalObjectRepository<AddressSettings> settings = addressSettings();

        for (String queue : EmbeddedBroker.esteiraQueues()) {
            AddressSettings effective = settings.getMatch(queue);
            if (queue.startsWith(Queues.CHANGES_PREFIX)) {
                // One dead-letter mechanism for change batches: the loader's, which records the reason.
                assertThat(effective.getMaxDeliveryAttempts()).as(queue).isEqualTo(-1);
            } else {
                assertThat(effective.getDeadLetterAddress().toString())
                        .as(queue)
                        .isEqualTo(Queues.deadLetter(queue));
                assertThat(effective.getMaxDeliveryAttempts()).as(queue).isEqualTo(expected.maxDeliveryAttempts());
            }
            assertThat(effective.getRedeliveryDelay())
                    .as(queue)
                    .isEqualTo(expected.initialDelay().toMillis());
            assertThat(effective.getRedeliveryMultiplier()).as(queue).isEqualTo(expected.multiplier());
            assertThat(effective.getMaxRedeliveryDelay())
                    .as(queue)
                    .isEqualTo(expected.maxDelay().toMillis());
            assertThat(effective.getDefaultQueueRoutingType()).as(queue).isEqualTo(RoutingType.ANYCAST);
            assertThat(effective.getExpiryAddress().toString()).as(queue).isEqualTo("ExpiryQueue");
        }
    }

    @Test
    void shouldConfigureTheEsteiraAddressesByWildcardNotOneCopyPerQueue() {
        assertThat(broker.getAddressSettings().keySet())
                .containsExactlyInAnyOrder(
                        "activemq.management.#", "#", "dw.#", Queues.CHANGES_PREFIX + "#", Queues.ALERTS);
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
