package io.esteira.alerting.dispatch;

import io.esteira.alerting.model.Labels;
import io.esteira.runtime.config.TrainingRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatcher's state in the DW: {@code ctl.alert_group}, {@code ctl.alert_event_seen} and the
 * notification log {@code audit.alert_notification} (tables of the loader's migration V50). Every
 * change runs in a transaction ({@link #inTransaction}); replicas coordinate through row locks only:
 * a group is changed under {@code SELECT ... FOR UPDATE} (SQL Server: {@code UPDLOCK}), and a due group
 * is claimed with {@code SKIP LOCKED} ({@code READPAST}), so that one replica notifies it.
 */
public final class DispatchStore {

    /** A row of {@code audit.alert_notification}. */
    public record LoggedNotification(
            String id,
            String receiver,
            String status,
            String state,
            String reason,
            Instant createdAt,
            Instant finishedAt,
            int replays,
            String body) {}

    private static final String GROUP_COLUMNS = "group_id, group_key, route_id, receiver, group_labels, alerts,"
            + " notified_firing, raises_delivery_alert, next_flush_at, last_notified_at, in_flight_notification,"
            + " in_flight_until";
    private static final String NOTIFICATION_COLUMNS =
            "notification_id, receiver, status, state, reason, created_at, finished_at, replays, body";
    private static final int CLAIM_LIMIT = 100;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final boolean sqlServer;

    public DispatchStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        // A class-data-sharing training run has no database to ask, and runs nothing after start-up.
        this.sqlServer = !TrainingRun.active() && isSqlServer(dataSource);
    }

    private static boolean isSqlServer(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase()
                    .contains("sql server");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot connect to esteira.dw to read the alerting state: " + e.getMessage()
                            + "; check esteira.dw.url and that the DW is up",
                    e);
        }
    }

    /** Throws, naming the fix, when a table of the alerting state is missing (the DW is not migrated to V50). */
    public void verifyTables() {
        for (String table : List.of("ctl.alert_group", "ctl.alert_event_seen", "audit.alert_notification")) {
            try {
                jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE 1 = 0", Integer.class);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Table " + table + " is missing in esteira.dw: run the loader-service"
                        + " DW migrations (V50 creates it) before starting the alerting service");
            }
        }
    }

    public <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    /** Records the event id; false when it was recorded before (a redelivery). Waits for a concurrent insert. */
    boolean markSeen(String eventId, Instant now) {
        int inserted = sqlServer
                ? jdbc.update(
                        "INSERT INTO ctl.alert_event_seen (event_id, seen_at) SELECT ?, ? WHERE NOT EXISTS"
                                + " (SELECT 1 FROM ctl.alert_event_seen WITH (UPDLOCK, HOLDLOCK) WHERE event_id = ?)",
                        eventId,
                        utc(now),
                        eventId)
                : jdbc.update(
                        "INSERT INTO ctl.alert_event_seen (event_id, seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        eventId,
                        utc(now));
        return inserted == 1;
    }

    /** Forgets event ids seen before {@code before}. */
    void forgetSeenBefore(Instant before) {
        jdbc.update("DELETE FROM ctl.alert_event_seen WHERE seen_at < ?", utc(before));
    }

    /** The group, locked until the transaction ends. */
    Optional<Group> lock(String groupId) {
        String sql = sqlServer
                ? "SELECT " + GROUP_COLUMNS + " FROM ctl.alert_group WITH (UPDLOCK, ROWLOCK) WHERE group_id = ?"
                : "SELECT " + GROUP_COLUMNS + " FROM ctl.alert_group WHERE group_id = ? FOR UPDATE";
        return jdbc.query(sql, (rs, n) -> group(rs), groupId).stream().findFirst();
    }

    /** Creates the group unless a replica did first, then locks it. */
    Group create(Group group) {
        String values = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
        Object[] arguments = {
            group.id,
            group.key,
            group.routeId,
            group.receiver,
            StateJson.labels(group.groupLabels),
            StateJson.alerts(group.alerts.values()),
            StateJson.fingerprints(group.notifiedFiring),
            group.raisesDeliveryAlert,
            utc(group.nextFlush),
            null,
            null,
            null,
            utc(group.nextFlush)
        };
        String insert = "INSERT INTO ctl.alert_group (" + GROUP_COLUMNS + ", updated_at) ";
        if (sqlServer) {
            Object[] withKey = Arrays.copyOf(arguments, arguments.length + 1);
            withKey[arguments.length] = group.id;
            jdbc.update(
                    insert + "SELECT " + values + " WHERE NOT EXISTS (SELECT 1 FROM ctl.alert_group WITH (UPDLOCK,"
                            + " HOLDLOCK) WHERE group_id = ?)",
                    withKey);
        } else {
            jdbc.update(insert + "VALUES (" + values + ") ON CONFLICT DO NOTHING", arguments);
        }
        return lock(group.id)
                .orElseThrow(() -> new IllegalStateException("Group " + group.key + " vanished from ctl.alert_group"));
    }

    void save(Group group, Instant now) {
        jdbc.update(
                "UPDATE ctl.alert_group SET alerts = ?, notified_firing = ?, next_flush_at = ?, last_notified_at = ?,"
                        + " in_flight_notification = ?, in_flight_until = ?, updated_at = ? WHERE group_id = ?",
                StateJson.alerts(group.alerts.values()),
                StateJson.fingerprints(group.notifiedFiring),
                utc(group.nextFlush),
                utc(group.lastNotified),
                group.inFlightNotification,
                utc(group.inFlightUntil),
                utc(now),
                group.id);
    }

    void delete(Group group) {
        jdbc.update("DELETE FROM ctl.alert_group WHERE group_id = ?", group.id);
    }

    /**
     * Locks the groups due at {@code now} that no replica is delivering, skipping the rows another
     * transaction holds: what one replica claims, the others do not see until it commits.
     */
    List<Group> claimDue(Instant now) {
        String where = " WHERE next_flush_at <= ? AND (in_flight_until IS NULL OR in_flight_until <= ?)";
        String sql = sqlServer
                ? "SELECT TOP (" + CLAIM_LIMIT + ") " + GROUP_COLUMNS
                        + " FROM ctl.alert_group WITH (UPDLOCK, READPAST, ROWLOCK)" + where + " ORDER BY next_flush_at"
                : "SELECT " + GROUP_COLUMNS + " FROM ctl.alert_group" + where + " ORDER BY next_flush_at LIMIT "
                        + CLAIM_LIMIT + " FOR UPDATE SKIP LOCKED";
        return jdbc.query(sql, (rs, n) -> group(rs), utc(now), utc(now));
    }

    /** The labels of every alert firing in any group (what inhibition rules compare with). */
    List<Map<String, String>> firingLabels() {
        List<Map<String, String>> labels = new ArrayList<>();
        jdbc.query("SELECT alerts FROM ctl.alert_group", rs -> {
            for (NotifiedAlert alert : StateJson.alerts(rs.getString(1))) {
                if (!alert.resolved()) {
                    labels.add(Labels.of(alert.event()));
                }
            }
        });
        return labels;
    }

    int groupCount() {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM ctl.alert_group", Integer.class);
        return count == null ? 0 : count;
    }

    void logPending(Notification notification, String groupId) {
        jdbc.update(
                "INSERT INTO audit.alert_notification (notification_id, group_id, receiver, status, body, state,"
                        + " created_at, replays) VALUES (?, ?, ?, ?, ?, 'pending', ?, 0)",
                notification.id(),
                groupId,
                notification.receiver(),
                notification.status().name(),
                StateJson.notification(notification),
                utc(notification.createdAt()));
    }

    void logOutcome(String notificationId, String state, String reason, Instant now) {
        jdbc.update(
                "UPDATE audit.alert_notification SET state = ?, reason = ?, finished_at = ? WHERE notification_id = ?",
                state,
                reason,
                utc(now),
                notificationId);
    }

    /**
     * Marks a notification that its replica left in flight {@code abandoned}, naming the one formed in its
     * place ({@code null}: none, nothing was left to notify); only while it is still {@code pending} (a
     * slow replica that finished after all has logged the truth).
     */
    void logAbandoned(String notificationId, String replacedBy, Instant now) {
        jdbc.update(
                "UPDATE audit.alert_notification SET state = 'abandoned', reason = ?, finished_at = ?"
                        + " WHERE notification_id = ? AND state = 'pending'",
                "its replica stopped while delivering it (delivery.in-flight-timeout passed); "
                        + (replacedBy == null
                                ? "nothing was left to notify"
                                : "formed again as notification " + replacedBy),
                utc(now),
                notificationId);
    }

    /** Marks a dead notification pending again for a replay; empty when there is no dead notification of that id. */
    Optional<LoggedNotification> reopenDead(String notificationId) {
        String lock = sqlServer
                ? "SELECT " + NOTIFICATION_COLUMNS
                        + " FROM audit.alert_notification WITH (UPDLOCK, ROWLOCK) WHERE notification_id = ?"
                : "SELECT " + NOTIFICATION_COLUMNS
                        + " FROM audit.alert_notification WHERE notification_id = ? FOR UPDATE";
        Optional<LoggedNotification> found = jdbc.query(lock, (rs, n) -> logged(rs), notificationId).stream()
                .findFirst()
                .filter(n -> "dead".equals(n.state()));
        found.ifPresent(n -> jdbc.update(
                "UPDATE audit.alert_notification SET state = 'pending', finished_at = NULL, replays = replays + 1"
                        + " WHERE notification_id = ?",
                notificationId));
        return found;
    }

    /** The newest {@code limit} notifications in this state. */
    public List<LoggedNotification> notifications(String state, int limit) {
        return jdbc.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement("SELECT " + NOTIFICATION_COLUMNS
                            + " FROM audit.alert_notification WHERE state = ? ORDER BY created_at DESC");
                    statement.setString(1, state);
                    statement.setMaxRows(limit);
                    return statement;
                },
                (rs, n) -> logged(rs));
    }

    public Optional<LoggedNotification> notification(String id) {
        return jdbc
                .query(
                        "SELECT " + NOTIFICATION_COLUMNS + " FROM audit.alert_notification WHERE notification_id = ?",
                        (rs, n) -> logged(rs),
                        id)
                .stream()
                .findFirst();
    }

    private static LoggedNotification logged(ResultSet rs) throws SQLException {
        return new LoggedNotification(
                rs.getString("notification_id"),
                rs.getString("receiver"),
                rs.getString("status"),
                rs.getString("state"),
                rs.getString("reason"),
                instant(rs, "created_at"),
                instant(rs, "finished_at"),
                rs.getInt("replays"),
                rs.getString("body"));
    }

    private static Group group(ResultSet rs) throws SQLException {
        Group group = new Group(
                rs.getString("group_id"),
                rs.getString("group_key"),
                rs.getString("route_id"),
                rs.getString("receiver"),
                StateJson.labels(rs.getString("group_labels")),
                rs.getBoolean("raises_delivery_alert"),
                instant(rs, "next_flush_at"));
        for (NotifiedAlert alert : StateJson.alerts(rs.getString("alerts"))) {
            group.alerts.put(alert.event().fingerprint(), alert);
        }
        group.notifiedFiring = StateJson.fingerprints(rs.getString("notified_firing"));
        group.lastNotified = instant(rs, "last_notified_at");
        group.inFlightNotification = rs.getString("in_flight_notification");
        group.inFlightUntil = instant(rs, "in_flight_until");
        return group;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
