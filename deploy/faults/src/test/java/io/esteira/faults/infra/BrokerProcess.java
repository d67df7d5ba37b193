package io.esteira.faults.infra;

import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The Artemis broker as a process of its own ({@link SecureBroker}): production's broker.xml, security
 * on, one user per service. Killed with {@code kill -9} and restarted on the same port and journal, as a
 * crashed broker comes back.
 */
public final class BrokerProcess {

    /** A broker user: name, password and the role broker.xml's security settings name. */
    public record User(String name, String password, String role) {}

    private final int port;
    private final Path dataDirectory;
    private final ChildProcess process;
    private final User admin;
    private Instant readyAt;

    public BrokerProcess(Path brokerXml, Path dataDirectory, Path logs, List<User> users) {
        this(
                "artemis-broker",
                ChildProcesses.freePort(),
                brokerXml,
                dataDirectory,
                dataDirectory,
                logs,
                users,
                List.of());
    }

    private BrokerProcess(
            String name,
            int port,
            Path brokerXml,
            Path dataDirectory,
            Path home,
            Path logs,
            List<User> users,
            List<String> haArguments) {
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.admin = users.stream()
                .filter(u -> u.role().equals("amq"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The broker needs an administrator (role amq)"));
        Path usersFile = home.resolve("users.properties");
        Properties entries = new Properties();
        users.forEach(u -> entries.setProperty(u.name(), u.password() + ":" + u.role()));
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(home);
            SecureBroker.writeUsers(usersFile, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the broker's users to " + usersFile, e);
        }
        List<String> command = new ArrayList<>();
        command.add(ChildProcesses.java());
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        if (!haArguments.isEmpty()) {
            command.add("-Dlogback.configurationFile=broker-pair-logback.xml");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SecureBroker.class.getName());
        command.add(brokerXml.toString());
        command.add(dataDirectory.toString());
        command.add(Integer.toString(port));
        command.add(usersFile.toString());
        command.addAll(haArguments);
        this.process = new ChildProcess(name, logs, command, java.util.Map.of());
    }

    /**
     * A primary and its backup on one shared journal ({@code deploy/artemis/ha-primary.xml}, {@code
     * ha-backup.xml}; docs/adr/0016-broker-pair-on-a-shared-store.md): {@code directory/shared} is the journal
     * both use, {@code directory/primary} and {@code directory/backup} hold what is each broker's own.
     */
    public static Pair pair(Path brokerXml, Path directory, Path logs, List<User> users, String clusterPassword) {
        int primaryPort = ChildProcesses.freePort();
        int backupPort = ChildProcesses.freePort();
        Path shared = directory.resolve("shared");
        BrokerProcess primary = new BrokerProcess(
                "artemis-primary",
                primaryPort,
                brokerXml,
                shared,
                directory.resolve("primary"),
                logs,
                users,
                List.of("primary", Integer.toString(backupPort), clusterPassword));
        BrokerProcess backup = new BrokerProcess(
                "artemis-backup",
                backupPort,
                brokerXml,
                shared,
                directory.resolve("backup"),
                logs,
                users,
                List.of("backup", Integer.toString(primaryPort), clusterPassword));
        return new Pair(primary, backup);
    }

    /** A broker pair: the primary, and the backup that takes over when it is gone. */
    public record Pair(BrokerProcess primary, BrokerProcess backup) {

        /**
         * What the services take as {@code esteira.broker.url}: both brokers, failover on ({@code ha=true}), and
         * reconnection without end ({@code reconnectAttempts=-1}), as an operator would configure a pair.
         */
        public String url() {
            return "(" + primary.url() + "," + backup.url() + ")?ha=true&reconnectAttempts=-1";
        }

        /** The broker that serves now: the primary if it accepts logins, else the backup. */
        public BrokerProcess active() {
            return primary.process().isAlive() && primary.acceptsAdmin() ? primary : backup;
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public ChildProcess process() {
        return process;
    }

    public Instant readyAt() {
        return readyAt;
    }

    /** Starts the broker and waits (at most 2 minutes) until the administrator can log in. */
    public BrokerProcess start() {
        process.launch();
        await("Artemis broker accepting logins")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("The broker exited with code " + process.exitCode()
                                + "; its log ends:\n" + process.tail(60));
                    }
                    return canLogIn(admin.name(), admin.password());
                });
        readyAt = Instant.now();
        return this;
    }

    /**
     * Starts a backup and waits (at most 2 minutes) until it has announced itself to the active broker, so
     * clients know where to fail over; it serves nothing until the primary is gone.
     */
    public BrokerProcess startAsBackup() {
        process.launch();
        await("Artemis backup announced to the primary")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("The backup exited with code " + process.exitCode()
                                + "; its log ends:\n" + process.tail(60));
                    }
                    return process.logSinceStart().contains("backup announced");
                });
        return this;
    }

    /** Waits (at most {@code timeout}) until this broker accepts logins, e.g. a backup that takes over. */
    public BrokerProcess awaitActive(Duration timeout) {
        await(process.name() + " active")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .until(this::acceptsAdmin);
        readyAt = Instant.now();
        return this;
    }

    boolean acceptsAdmin() {
        return canLogIn(admin.name(), admin.password());
    }

    public void kill() {
        process.kill();
    }

    public void stop() {
        process.stop();
    }

    /** True when a connection with these credentials (null for none) is accepted. */
    public boolean canLogIn(String user, String password) {
        try (ActiveMQConnectionFactory factory = factory(user, password);
                Connection connection = factory.createConnection()) {
            connection.start();
            return true;
        } catch (JMSException e) {
            return false;
        }
    }

    /** A connection factory that does not retry: each failure is reported at once. */
    public ActiveMQConnectionFactory factory(String user, String password) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url());
        factory.setInitialConnectAttempts(1);
        factory.setReconnectAttempts(0);
        if (user != null) {
            factory.setUser(user);
            factory.setPassword(password);
        }
        return factory;
    }

    public ActiveMQConnectionFactory adminFactory() {
        return factory(admin.name(), admin.password());
    }

    /** The broker's data directory (journal, bindings, paging, ...). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Invokes a management operation as the administrator (a core management message to {@code
     * activemq.management}, what the Artemis console and CLI send) and returns its result; {@code resource}
     * is e.g. {@link ResourceNames#BROKER} or {@code ResourceNames.ADDRESS + address}.
     */
    public Object invoke(String resource, String operation, Object... parameters) {
        return management(
                operation + " of " + resource,
                message -> ManagementHelper.putOperationInvocation(message, resource, operation, parameters));
    }

    /** Reads a management attribute as the administrator, e.g. {@code paging} of {@code address.<name>}. */
    public Object attribute(String resource, String attribute) {
        return management(
                "read " + attribute + " of " + resource,
                message -> ManagementHelper.putAttribute(message, resource, attribute));
    }

    private Object management(String what, ManagementHelper.MessageAcceptor request) {
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Object> refusal = new AtomicReference<>();
        try (ServerLocator locator = ActiveMQClient.createServerLocator(url())) {
            locator.setInitialConnectAttempts(1);
            locator.setReconnectAttempts(0);
            ManagementHelper.doManagement(
                    locator,
                    admin.name(),
                    admin.password(),
                    request,
                    reply -> result.set(ManagementHelper.getResult(reply)),
                    reply -> refusal.set(ManagementHelper.getResult(reply)));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot " + what + " on the broker at " + url() + ": " + e.getMessage(), e);
        }
        if (refusal.get() != null) {
            throw new IllegalStateException("The broker at " + url() + " refused to " + what + ": " + refusal.get());
        }
        return result.get();
    }

    /** What an address has in Artemis's paging directory: page files and their bytes on disk. */
    public record PageFiles(int files, long bytes) {}

    /**
     * Page files on disk per address, read from the paging directory (one folder per address, named in its
     * {@code address.txt}); an address that never paged has no entry or no page file.
     */
    public Map<String, PageFiles> pageFiles() {
        Path paging = dataDirectory.resolve("paging");
        Map<String, PageFiles> out = new TreeMap<>();
        if (!Files.isDirectory(paging)) {
            return out;
        }
        try (Stream<Path> stores = Files.list(paging)) {
            for (Path store : stores.filter(Files::isDirectory).toList()) {
                Path name = store.resolve("address.txt");
                if (!Files.isRegularFile(name)) {
                    continue;
                }
                int files = 0;
                long bytes = 0;
                try (Stream<Path> pages = Files.list(store)) {
                    for (Path page : pages.filter(
                                    p -> p.getFileName().toString().endsWith(".page"))
                            .toList()) {
                        files++;
                        bytes += Files.size(page);
                    }
                } catch (java.nio.file.NoSuchFileException e) {
                    // a page file deleted by the broker's cleanup while we counted: it is gone, count on
                }
                out.put(Files.readString(name).trim(), new PageFiles(files, bytes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the broker's paging directory " + paging, e);
        }
        return out;
    }

    /** Messages in a queue now, as the administrator sees them with a browser. */
    public int depth(String queue) {
        return browse(queue, m -> m).size();
    }

    /** Every message of a queue, mapped while the session is open. */
    public <T> List<T> browse(String queue, Function<Message, T> mapper) {
        try (ActiveMQConnectionFactory factory = adminFactory();
                Connection connection = factory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            Queue destination = session.createQueue(queue);
            List<T> out = new ArrayList<>();
            try (QueueBrowser browser = session.createBrowser(destination)) {
                for (Object message : Collections.list(browser.getEnumeration())) {
                    out.add(mapper.apply((Message) message));
                }
            }
            return out;
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot browse " + queue + " on " + url() + ": " + e.getMessage(), e);
        }
    }
}
