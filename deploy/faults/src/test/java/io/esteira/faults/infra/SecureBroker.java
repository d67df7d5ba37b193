package io.esteira.faults.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

/**
 * The broker process of the fault suite: production's {@code deploy/artemis/broker.xml}, read by
 * Artemis's own parser, with only what a test machine needs changed: the acceptor listens on 127.0.0.1 and
 * a port given at run time, the data directories live under the directory given, and the journal is NIO
 * (no libaio here). Security stays on, with the users of {@code deploy/artemis/entrypoint.sh}: an
 * administrator (role {@code amq}) and one user per service, read from a properties file ({@code
 * user=password:role}) that the test writes and nobody else reads.
 *
 * <p>Run as {@code java -cp <test class path> io.esteira.faults.infra.SecureBroker <broker.xml> <data dir>
 * <port> <users file>}; prints {@link #STARTED} once it accepts connections, and runs until killed.
 *
 * <p>One of a broker pair with three more arguments, {@code <primary|backup> <peer port> <cluster password>}:
 * as {@code deploy/artemis/entrypoint.sh} does, {@code ha-primary.xml} or {@code ha-backup.xml} (beside
 * broker.xml) goes in at broker.xml's {@code esteira:ha} marker, its placeholders filled in; both brokers of a
 * pair are given the same data directory (the shared store). A backup prints {@link #STARTED} once it waits
 * on the journal's lock, and serves only after it took over.
 */
public final class SecureBroker {

    public static final String STARTED = "ESTEIRA-FAULTS-BROKER-STARTED";

    private SecureBroker() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4 && args.length != 7) {
            throw new IllegalArgumentException("Usage: SecureBroker <broker.xml> <data directory> <port> <users file>"
                    + " [<primary|backup> <peer port> <cluster password>]");
        }
        Path brokerXml = Path.of(args[0]).toAbsolutePath();
        Path data = Path.of(args[1]).toAbsolutePath();
        int port = Integer.parseInt(args[2]);
        Path usersFile = Path.of(args[3]);
        if (args.length == 7) {
            brokerXml =
                    withHaPolicy(brokerXml, usersFile.toAbsolutePath().getParent(), args[4], port, args[5], args[6]);
        }

        FileConfiguration config = new FileConfiguration();
        FileDeploymentManager deployment =
                new FileDeploymentManager(brokerXml.toUri().toString());
        deployment.addDeployable(config);
        deployment.readConfiguration();

        config.getAcceptorConfigurations().clear();
        config.addAcceptorConfiguration("core", "tcp://127.0.0.1:" + port + "?protocols=CORE");
        config.setJournalType(JournalType.NIO);
        config.setJournalDirectory(data.resolve("journal").toString());
        config.setBindingsDirectory(data.resolve("bindings").toString());
        config.setLargeMessagesDirectory(data.resolve("large-messages").toString());
        config.setPagingDirectory(data.resolve("paging").toString());
        config.setJournalRetentionDirectory(data.resolve("retention").toString());
        config.setBrokerInstance(data.toFile());

        SecurityConfiguration users = new SecurityConfiguration();
        Properties entries = new Properties();
        try (InputStream in = Files.newInputStream(usersFile)) {
            entries.load(in);
        }
        for (String user : entries.stringPropertyNames()) {
            String value = entries.getProperty(user);
            int colon = value.lastIndexOf(':');
            users.addUser(user, value.substring(0, colon));
            users.addRole(user, value.substring(colon + 1));
        }
        ActiveMQJAASSecurityManager securityManager =
                new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users);

        EmbeddedActiveMQ broker =
                new EmbeddedActiveMQ().setConfiguration(config).setSecurityManager(securityManager);
        broker.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.stop();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }));
        System.out.println(STARTED + " tcp://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    /**
     * broker.xml with the pair's fragment at its {@code esteira:ha} marker, written by the script the
     * container's entrypoint runs ({@code deploy/artemis/ha-config.sh}, beside broker.xml), into {@code home}
     * (the broker's own directory, not the shared one). The data directories are set here afterwards.
     */
    static Path withHaPolicy(Path brokerXml, Path home, String role, int port, String peerPort, String clusterPassword)
            throws IOException, InterruptedException {
        Path merged = home.resolve("broker-" + role + ".xml");
        ProcessBuilder script = new ProcessBuilder(
                        "bash",
                        brokerXml.resolveSibling("ha-config.sh").toString(),
                        brokerXml.getParent().toString(),
                        merged.toString())
                .redirectErrorStream(true);
        script.environment().put("ESTEIRA_BROKER_HA_ROLE", role);
        script.environment().put("ESTEIRA_BROKER_HA_SELF", "127.0.0.1:" + port);
        script.environment().put("ESTEIRA_BROKER_HA_PEER", "127.0.0.1:" + peerPort);
        script.environment().put("ESTEIRA_BROKER_CLUSTER_PASSWORD", clusterPassword);
        script.environment()
                .put("ESTEIRA_BROKER_SHARED_DATA", home.resolve("unused").toString());
        Process process = script.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ha-config.sh failed for the " + role + ": " + output);
        }
        return merged;
    }

    /** Writes the users file the broker reads: {@code user=password:role}. */
    public static void writeUsers(Path file, Properties users) throws IOException {
        try (var out = Files.newOutputStream(file)) {
            users.store(out, "Esteira fault suite: broker users (user=password:role)");
        }
    }
}
