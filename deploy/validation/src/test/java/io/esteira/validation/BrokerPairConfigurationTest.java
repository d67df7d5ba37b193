package io.esteira.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.ha.SharedStoreBackupPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.SharedStorePrimaryPolicyConfiguration;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker pair's configuration as the containers get it: deploy/artemis/ha-config.sh (what entrypoint.sh
 * runs) writes broker.xml for a primary, a backup or a single broker, and Artemis's own parser reads the
 * result (docs/adr/0016-broker-pair-on-a-shared-store.md).
 */
class BrokerPairConfigurationTest {

    private static final String SHARED = "/var/lib/artemis-shared";

    @TempDir
    Path directory;

    private Path render(Map<String, String> environment) throws IOException, InterruptedException {
        Path output = directory.resolve("broker.xml");
        ProcessBuilder script = new ProcessBuilder(
                        "bash",
                        Repository.path("deploy/artemis/ha-config.sh").toString(),
                        Repository.path("deploy/artemis").toString(),
                        output.toString())
                .redirectErrorStream(true);
        script.environment().keySet().removeIf(name -> name.startsWith("ESTEIRA_BROKER_"));
        script.environment().putAll(environment);
        Process process = script.start();
        String log = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("ha-config.sh: %s", log).isZero();
        return output;
    }

    private static Map<String, String> pair(String role, String self, String peer) {
        return Map.of(
                "ESTEIRA_BROKER_HA_ROLE", role,
                "ESTEIRA_BROKER_HA_SELF", self,
                "ESTEIRA_BROKER_HA_PEER", peer,
                "ESTEIRA_BROKER_CLUSTER_PASSWORD", "s3cret&<pair>",
                "ESTEIRA_BROKER_SHARED_DATA", SHARED);
    }

    private static FileConfiguration parse(Path brokerXml) throws Exception {
        FileConfiguration config = new FileConfiguration();
        FileDeploymentManager deployment =
                new FileDeploymentManager(brokerXml.toUri().toString());
        deployment.addDeployable(config);
        deployment.readConfiguration();
        return config;
    }

    @Test
    void shouldLeaveASingleBrokerAsBrokerXmlHasIt() throws Exception {
        Path rendered = render(Map.of());

        assertThat(Files.readString(rendered)).isEqualTo(Repository.read("deploy/artemis/broker.xml"));
        FileConfiguration single = parse(rendered);
        assertThat(single.getClusterConfigurations()).isEmpty();
        assertThat(single.getJournalDirectory()).isEqualTo("data/journal");
    }

    @Test
    void shouldMakeAPrimaryOnTheSharedJournalThatTellsClientsAboutItsBackup() throws Exception {
        FileConfiguration primary = parse(render(pair("primary", "artemis:61616", "artemis-backup:61616")));

        assertThat(primary.getHAPolicyConfiguration())
                .isInstanceOfSatisfying(SharedStorePrimaryPolicyConfiguration.class, policy -> assertThat(
                                policy.isFailoverOnServerShutdown())
                        .isTrue());
        assertSharedStore(primary);
        assertThat(primary.getConnectorConfigurations().get("self").getCombinedParams())
                .containsEntry("host", "artemis")
                .containsEntry("port", "61616");
        assertThat(primary.getConnectorConfigurations().get("peer").getCombinedParams())
                .containsEntry("host", "artemis-backup");
        ClusterConnectionConfiguration cluster =
                primary.getClusterConfigurations().get(0);
        assertThat(cluster.getConnectorName()).isEqualTo("self");
        assertThat(cluster.getStaticConnectors()).containsExactly("peer");
        assertThat(primary.getClusterUser()).isEqualTo("esteira-cluster");
        assertThat(primary.getClusterPassword()).isEqualTo("s3cret&<pair>");
    }

    @Test
    void shouldMakeABackupOnTheSameJournalThatGivesItBackToThePrimary() throws Exception {
        FileConfiguration backup = parse(render(pair("backup", "artemis-backup:61616", "artemis:61616")));

        assertThat(backup.getHAPolicyConfiguration())
                .isInstanceOfSatisfying(SharedStoreBackupPolicyConfiguration.class, policy -> {
                    assertThat(policy.isAllowFailBack()).isTrue();
                    assertThat(policy.isRestartBackup()).isTrue();
                });
        assertSharedStore(backup);
        assertThat(backup.getConnectorConfigurations().get("peer").getCombinedParams())
                .containsEntry("host", "artemis");
    }

    private static void assertSharedStore(FileConfiguration config) {
        // Everything the broker persists lives on the shared volume, and the duplicate-id cache is persisted:
        // the backup takes over exactly what the primary wrote.
        assertThat(List.of(
                        config.getJournalDirectory(),
                        config.getBindingsDirectory(),
                        config.getPagingDirectory(),
                        config.getLargeMessagesDirectory(),
                        config.getJournalRetentionDirectory()))
                .allSatisfy(dir -> assertThat(dir).startsWith(SHARED + "/"));
        assertThat(config.isPersistIDCache()).isTrue();
        assertThat(config.isPersistenceEnabled()).isTrue();
        assertThat(config.getAcceptorConfigurations()).hasSize(1);
    }
}
