package io.esteira.extractor.listen;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * The gate's locks on PostgreSQL, session-level advisory locks keyed {@code (WAKE_UP_LOCK_CLASS + n,
 * hashtext(channel))} on the listener's own connection: the gate ({@code n = 0}), which the listener holds
 * exclusively while it waits for the table, and pending ({@code n = 1}), which it takes once, and lets go at
 * once, before it takes the gate back. The capture trigger ({@code core.notify_change()}, or {@code
 * <schema>.esteira_notify_change()} of {@code source prepare}) asks for the gate in shared mode without
 * waiting and stays silent when it gets it; refused, it takes pending shared, and only the one writer that
 * also gets the notifier lock ({@code n = 2}) notifies. A writer keeps what it got to its transaction's end,
 * so taking the gate and pending waits for every silent writer: an extraction woken after that reads them.
 * Each take waits at most {@code lockWait} ({@code lock_timeout}).
 *
 * <p>A connection that closes drops its session locks with it: a listener that is gone never leaves its
 * tables notifying for nobody, nor silent.
 */
final class AdvisoryGateLock implements WakeUpGate.GateLock {

    /**
     * The first key of the gate's advisory locks ({@code 0x45535445}, "ESTE"); the capture triggers of
     * {@code db/oltp/postgresql} and {@code db/source/postgresql} spell the same number.
     */
    static final int WAKE_UP_LOCK_CLASS = 1163088965;

    /** The first key number of the gate and of pending is WAKE_UP_LOCK_CLASS plus these (the notifier's: 2). */
    private static final int GATE = 0;

    private static final int PENDING = 1;

    /** SQLSTATE of a lock wait that reached {@code lock_timeout}. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Connection connection;
    private final Map<String, String> channelByEntity;

    AdvisoryGateLock(Connection connection, Map<String, String> channelByEntity, Duration lockWait)
            throws SQLException {
        this.connection = connection;
        this.channelByEntity = channelByEntity;
        try (var statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '" + Math.max(1, lockWait.toMillis()) + "ms'");
        }
    }

    @Override
    public Arming arm(String entity) throws SQLException {
        String channel = channelByEntity.get(entity);
        // First the writers that found the gate held and stayed silent: they hold pending; wait for them, and let
        // it go. Meanwhile the gate is free, so a new writer takes it shared and stays silent.
        if (!waitFor("SELECT pg_advisory_lock(?, hashtext(?)), pg_advisory_unlock(?, hashtext(?))", PENDING, channel)) {
            return Arming.WRITERS_OPEN;
        }
        // Then the gate, which waits for the writers that hold it shared. Meanwhile a new writer is refused it and
        // becomes pending: one of those notifies, and the wake-up that follows waits for the others.
        if (!waitFor("SELECT pg_advisory_lock(?, hashtext(?))", GATE, channel)) {
            return gateHolder(channel);
        }
        return Arming.ARMED;
    }

    /** Runs a lock statement ({@link #statement}); false if it waited {@code lock_timeout} in vain. */
    private boolean waitFor(String sql, int lock, String channel) throws SQLException {
        try (PreparedStatement statement = statement(sql, lock, channel)) {
            statement.execute();
            return true;
        } catch (SQLException e) {
            if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw e;
            }
            return false;
        }
    }

    private Arming gateHolder(String channel) throws SQLException {
        try (PreparedStatement holder = statement(
                        "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND mode = 'ExclusiveLock'"
                                + " AND granted AND pid <> pg_backend_pid()"
                                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                                + " AND classid = ?::oid AND objid = hashtext(?)::oid AND objsubid = 2)",
                        GATE,
                        channel);
                ResultSet result = holder.executeQuery()) {
            result.next();
            return result.getBoolean(1) ? Arming.HELD_ELSEWHERE : Arming.WRITERS_OPEN;
        }
    }

    @Override
    public void release(String entity) throws SQLException {
        try (PreparedStatement unlock =
                statement("SELECT pg_advisory_unlock(?, hashtext(?))", GATE, channelByEntity.get(entity))) {
            unlock.execute();
        }
    }

    /**
     * Prepares {@code sql}, whose parameters are pairs that each name the lock {@code (WAKE_UP_LOCK_CLASS + lock,
     * hashtext(channel))}: an integer, then the channel.
     */
    private PreparedStatement statement(String sql, int lock, String channel) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            long parameters = sql.chars().filter(c -> c == '?').count();
            for (int pair = 0; 2 * pair < parameters; pair++) {
                statement.setInt(2 * pair + 1, WAKE_UP_LOCK_CLASS + lock);
                statement.setString(2 * pair + 2, channel);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
