package io.esteira.extractor.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.oltp.OltpSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The wake-up's gate on real PostgreSQL, between the reference schema's capture trigger ({@code
 * core.notify_change()}) and the listener: writers notify while the listener waits, stay silent once it is
 * woken, and a silent writer's commit is always followed by a wake-up.
 */
class WakeUpGateIT {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("wakeupgate");

    private static final EntityDefinition REGIONS =
            new EntityDefinition("regions", "core.regions", "region_id", List.of("region_id"));

    /** When each wake-up fired (System.nanoTime). */
    private final List<Long> wokenAt = Collections.synchronizedList(new ArrayList<>());

    private final List<PostgresChangeListener> listeners = new ArrayList<>();

    @BeforeAll
    static void migrate() {
        OltpSchema.migrate(oltp.dataSource());
    }

    @AfterEach
    void stopListeners() {
        listeners.forEach(PostgresChangeListener::stop);
    }

    private PostgresChangeListener listen(Duration delay) {
        PostgresChangeListener listener = new PostgresChangeListener(
                oltp.jdbcUrl(),
                oltp.username(),
                oltp.password(),
                List.of(REGIONS),
                delay,
                entity -> wokenAt.add(System.nanoTime()),
                Duration.ofSeconds(1));
        listeners.add(listener);
        listener.start();
        return listener;
    }

    @Test
    void shouldNotifyWhileTheListenerWaitsStaySilentOnceItIsWokenAndWakeItAfterTheSilentCommit() throws Exception {
        try (Connection watcher = oltp.connect();
                Connection silent = oltp.connect()) {
            listenOn(watcher);
            listen(Duration.ofSeconds(2));
            await().atMost(Duration.ofSeconds(30)).until(() -> gateHolders() == 1 && !wokenAt.isEmpty());

            // Waiting: a write notifies. The listener lets the lock go, takes it back before its wake-up
            // (due at most 2 s after the last one), and the next write notifies too.
            insertRegion("first");
            await().atMost(Duration.ofSeconds(30)).until(() -> notifications(watcher) == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> gateHolders() == 1);
            // This one is notified within the 2 s of the wake-up before: the lock stays free until then.
            insertRegion("second");
            assertThat(notificationsWithin(watcher, Duration.ofSeconds(10))).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> gateHolders() == 0);

            // Woken: this writer takes the shared lock, keeps it to its commit, and does not notify.
            insertRegionAndKeepItOpen(silent, "silent");
            assertThat(sharedHolders()).isEqualTo(1);
            // Held past the delay: the listener cannot take the lock back, and wakes anyway for what committed.
            commitAndSeeTheListenerWakeAfterIt(silent, watcher);

            // Waiting again: the next write notifies.
            insertRegion("after");
            assertThat(notificationsWithin(watcher, Duration.ofSeconds(10))).isEqualTo(1);
        }
    }

    @Test
    void shouldLetOneWriterNotifyForThoseThatFindTheListenerWaitingAndWakeItAfterTheirCommits() throws Exception {
        try (Connection watcher = oltp.connect();
                Connection notifier = oltp.connect();
                Connection pending = oltp.connect()) {
            listenOn(watcher);
            listen(Duration.ofSeconds(2));
            await().atMost(Duration.ofSeconds(30)).until(() -> gateHolders() == 1 && !wokenAt.isEmpty());

            // Both find the listener waiting: the first notifies (at its commit), the second stays silent.
            insertRegionAndKeepItOpen(notifier, "notifier");
            insertRegionAndKeepItOpen(pending, "pending");
            assertThat(gateLocks("ShareLock", "count(*)", 1)).isEqualTo(2);
            assertThat(gateLocks("ExclusiveLock", "count(*)", 2)).isEqualTo(1);

            notifier.commit();
            assertThat(notificationsWithin(watcher, Duration.ofSeconds(10))).isEqualTo(1);
            // Woken, the listener lets the gate go; it cannot take it back while the silent writer is open.
            await().atMost(Duration.ofSeconds(30)).until(() -> gateHolders() == 0);
            commitAndSeeTheListenerWakeAfterIt(pending, watcher);
        }
    }

    @Test
    void shouldLeaveTheGateToOneListenerAndLetAnotherTakeItOverWhenThatOneStops() throws Exception {
        PostgresChangeListener first = listen(Duration.ZERO);
        await().atMost(Duration.ofSeconds(30)).until(() -> gateHolders() == 1);
        int firstHolder = gateHolder();
        listen(Duration.ZERO);
        await().atMost(Duration.ofSeconds(30)).until(() -> wokenAt.size() >= 2);
        assertThat(gateHolders()).isEqualTo(1);

        // Both wake on a write: the one that holds the lock, and the one standing by.
        int before = wokenAt.size();
        insertRegion("both");
        await().atMost(Duration.ofSeconds(30)).until(() -> wokenAt.size() >= before + 2);

        assertThat(gateHolder()).isEqualTo(firstHolder);
        first.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> gateHolders() == 1 && gateHolder() != firstHolder);
        int afterTakeOver = wokenAt.size();
        insertRegion("taken over");
        await().atMost(Duration.ofSeconds(30)).until(() -> wokenAt.size() > afterTakeOver);
    }

    /**
     * With {@code writer}'s transaction still open, the listener wakes anyway (for what has committed) without its
     * gate; once the writer commits, silently, the listener takes the gate back and wakes after that commit.
     */
    private void commitAndSeeTheListenerWakeAfterIt(Connection writer, Connection watcher) throws Exception {
        int wakeUpsBeforeCommit = wokenAt.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> wokenAt.size() > wakeUpsBeforeCommit);
        assertThat(gateHolders()).isZero();

        long committedAt = System.nanoTime();
        writer.commit();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> wokenAt.stream().anyMatch(at -> at - committedAt > 0) && gateHolders() == 1);
        assertThat(notificationsWithin(watcher, Duration.ofMillis(200)))
                .as("the silent writer's commit notified")
                .isZero();
    }

    private static void insertRegionAndKeepItOpen(Connection writer, String name) throws SQLException {
        writer.setAutoCommit(false);
        try (Statement statement = writer.createStatement()) {
            statement.executeUpdate(insertRegionSql(name));
        }
    }

    private static String insertRegionSql(String name) {
        return "INSERT INTO core.regions (name, state, country) VALUES ('" + name + "', 'SP', 'BR')";
    }

    private static void insertRegion(String name) throws SQLException {
        try (Connection connection = oltp.connect();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(insertRegionSql(name));
        }
    }

    private static void listenOn(Connection watcher) throws SQLException {
        try (Statement statement = watcher.createStatement()) {
            statement.execute("LISTEN esteira_regions");
        }
    }

    private static int notifications(Connection watcher) throws SQLException {
        PGNotification[] received = watcher.unwrap(PGConnection.class).getNotifications(10);
        return received == null ? 0 : received.length;
    }

    private static int notificationsWithin(Connection watcher, Duration wait) throws SQLException {
        long until = System.nanoTime() + wait.toNanos();
        int count = 0;
        while (count == 0 && until - System.nanoTime() > 0) {
            count += notifications(watcher);
        }
        return count;
    }

    /** Sessions holding the regions' gate lock exclusively (a listener waiting for the table). */
    private static int gateHolders() throws SQLException {
        return gateLocks("ExclusiveLock", "count(*)");
    }

    /** The backend that holds it exclusively (0 for none). */
    private static int gateHolder() throws SQLException {
        return gateLocks("ExclusiveLock", "COALESCE(max(pid), 0)");
    }

    /** Transactions holding it shared (writers that did not notify). */
    private static int sharedHolders() throws SQLException {
        return gateLocks("ShareLock", "count(*)");
    }

    private static int gateLocks(String mode, String select) throws SQLException {
        return gateLocks(mode, select, 0);
    }

    /** On the gate ({@code lock} 0), pending (1) or the notifier (2). */
    private static int gateLocks(String mode, String select, int lock) throws SQLException {
        try (Connection connection = oltp.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(lockQuery(mode, select, lock))) {
            result.next();
            return result.getInt(1);
        }
    }

    private static String lockQuery(String mode, String select, int lock) {
        return "SELECT " + select + " FROM pg_locks WHERE locktype = 'advisory' AND granted AND mode = '" + mode
                + "' AND classid = " + (AdvisoryGateLock.WAKE_UP_LOCK_CLASS + lock)
                + " AND objid = hashtext('esteira_regions')::oid AND objsubid = 2"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
    }
}
