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
 */
public final class SecureBroker {

    public static final String STARTED = "ESTEIRA-FAULTS-BROKER-STARTED";

    private SecureBroker() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("Usage: SecureBroker <broker.xml> <data directory> <port> <users file>");
        }
        Path brokerXml = Path.of(args[0]).toAbsolutePath();
        Path data = Path.of(args[1]).toAbsolutePath();
        int port = Integer.parseInt(args[2]);
        Path usersFile = Path.of(args[3]);

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

    /** Writes the users file the broker reads: {@code user=password:role}. */
    public static void writeUsers(Path file, Properties users) throws IOException {
        try (var out = Files.newOutputStream(file)) {
            users.store(out, "Esteira fault suite: broker users (user=password:role)");
        }
    }
}
