package io.esteira.extractor.listen;

import io.esteira.contracts.catalog.EntityDefinition;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on the reference schema's {@code esteira_<table>} channels and wakes the entity's
 * extraction at once, so a commit reaches the broker in milliseconds instead of at the next Quartz
 * fire. A notification is only a wake-up: what is extracted is still decided by the watermark and
 * the committed bound, so a lost notification costs latency (the Quartz schedule catches up), never
 * data. Notifications are coalesced to at most one wake-up per entity per {@code
 * esteira.extractor.wake-up-delay}, and the tables notify only while their extractor waits for them: the
 * listener holds each entity's gate lock while it waits and lets it go once woken, so the writes in
 * between do not notify, and do not queue behind each other's commits ({@link WakeUpGate}).
 *
 * <p>The listening connection is watched: after {@link #HEARTBEAT} without a notification it sends {@code
 * SELECT 1}, which must answer within the same time (the connection's socket timeout). A connection that a
 * dropped firewall or NAT entry left half-open would otherwise stay silent for ever, and the extractor
 * would fall back to its Quartz interval without a word. A lost connection is reopened (the wait doubling
 * from 1 s to 30 s), and every entity is woken once it listens again: changes notified while it was away
 * are extracted then, not at the next Quartz fire.
 */
public class PostgresChangeListener implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresChangeListener.class);
    private static final Duration POLL = Duration.ofMillis(500);

    /** Silence after which the listener proves its connection alive, and the time the proof may take. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    /**
     * The longest the listener waits to take an entity's gate lock back from the writers that hold it: a
     * writing transaction usually ends within it; one that does not costs a wake-up now and another try after
     * the wake-up delay.
     */
    static final Duration GATE_LOCK_WAIT = Duration.ofMillis(25);

    private final String url;
    private final String username;
    private final String password;
    private final Map<String, String> entityByChannel;
    private final Map<String, String> channelByEntity;
    private final Duration wakeUpDelay;
    private final Consumer<String> wakeUp;
    private final Duration heartbeat;
    private volatile boolean running;
    private Thread thread;

    public PostgresChangeListener(
            String url,
            String username,
            String password,
            List<EntityDefinition> entities,
            Duration wakeUpDelay,
            Consumer<String> wakeUp) {
        this(url, username, password, entities, wakeUpDelay, wakeUp, HEARTBEAT);
    }

    PostgresChangeListener(
            String url,
            String username,
            String password,
            List<EntityDefinition> entities,
            Duration wakeUpDelay,
            Consumer<String> wakeUp,
            Duration heartbeat) {
        this.heartbeat = heartbeat;
        this.url = url;
        this.username = username;
        this.password = password;
        this.entityByChannel =
                entities.stream().collect(Collectors.toMap(PostgresChangeListener::channel, EntityDefinition::name));
        this.channelByEntity =
                entities.stream().collect(Collectors.toMap(EntityDefinition::name, PostgresChangeListener::channel));
        // Checked here, at start-up: the gate that uses it is built on the listener's thread.
        this.wakeUpDelay = WakeUpGate.requireDelay(wakeUpDelay);
        this.wakeUp = wakeUp;
    }

    /**
     * The listening connection's settings: every wait on the server (login, a heartbeat's answer) ends
     * after {@link #heartbeat} at most, and TCP keep-alive is on.
     */
    private Properties connectionProperties() {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        String seconds = Long.toString(Math.max(1, heartbeat.toSeconds()));
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        properties.setProperty("socketTimeout", seconds);
        properties.setProperty("tcpKeepAlive", "true");
        return properties;
    }

    /** {@code esteira_<source table without schema>}, as the reference schema's triggers notify. */
    public static String channel(EntityDefinition entity) {
        return "esteira_" + entity.source().tableName();
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listenUntilStopped, "pg-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            // Its connection closes as it ends, and the gate's locks with it: wait, so that a stopped listener
            // leaves no table notifying for nobody (it notices within a poll, or a heartbeat at most).
            try {
                thread.join(POLL.plus(heartbeat).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    /**
     * Stops the listener when its bean is destroyed without a lifecycle stop (a context whose start failed):
     * its thread would otherwise go on reconnecting, and holding the gate, for a context that is gone.
     */
    @Override
    public void close() {
        stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenUntilStopped() {
        Duration retry = Duration.ofSeconds(1);
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, connectionProperties())) {
                try (Statement statement = connection.createStatement()) {
                    for (String channel : entityByChannel.keySet()) {
                        // Channel names are built from catalog identifiers, which the catalog validates;
                        // quoted, as pg_notify's channel text is compared exactly (a source table Clientes).
                        statement.execute("LISTEN \"" + channel + "\"");
                    }
                }
                // A new connection holds no gate lock: the gate starts with every entity woken, so it takes
                // each lock and wakes each entity once (what changed while nobody listened is read now).
                WakeUpGate gate = new WakeUpGate(
                        entityByChannel.values(),
                        wakeUpDelay,
                        heartbeat,
                        new AdvisoryGateLock(connection, channelByEntity, GATE_LOCK_WAIT),
                        wakeUp,
                        System::nanoTime);
                log.info("Listening for OLTP changes on {} channels", entityByChannel.size());
                retry = Duration.ofSeconds(1);
                PGConnection pg = connection.unwrap(PGConnection.class);
                long lastHeard = System.nanoTime();
                while (running) {
                    gate.runDue();
                    // getNotifications(0) would wait for ever: wait at least a millisecond.
                    long wait = Math.max(1, gate.untilNextDue(POLL).toMillis());
                    PGNotification[] notifications = pg.getNotifications((int) wait);
                    if (notifications == null || notifications.length == 0) {
                        if (System.nanoTime() - lastHeard > heartbeat.toNanos()) {
                            try (Statement statement = connection.createStatement()) {
                                statement.execute("SELECT 1");
                            }
                            lastHeard = System.nanoTime();
                        }
                        continue;
                    }
                    lastHeard = System.nanoTime();
                    Set<String> entities = new LinkedHashSet<>();
                    for (PGNotification notification : notifications) {
                        String entity = entityByChannel.get(notification.getName());
                        if (entity != null) {
                            entities.add(entity);
                        }
                    }
                    for (String entity : entities) {
                        gate.notified(entity);
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                log.warn(
                        "Change notifications from the OLTP stopped ({}); the Quartz schedule keeps extracting."
                                + " Reconnecting in {}",
                        e.getMessage(),
                        retry);
                try {
                    Thread.sleep(retry.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                retry = retry.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                        ? Duration.ofSeconds(30)
                        : retry.multipliedBy(2);
            }
        }
    }
}
