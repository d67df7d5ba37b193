package io.esteira.local.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Stands in for autovacuum's autoanalyze on a server that runs without it ({@code autovacuum = off},
 * as shared test servers often do): every interval while open, runs {@code ANALYZE} on the tables of the
 * given databases that autoanalyze would pick (see {@link #due}), so the planner sees the row counts and null
 * fractions of tables that grow during the load. Without it a warehouse that was empty at start keeps "empty
 * table" estimates for the whole load. The interval is the server's {@code autovacuum_naptime} unless the bench
 * is told another ({@link #naptime}): autovacuum visits a database once a naptime, so a shorter interval
 * analyzes more often than the daemon it stands in for could, at the DW's cost. Does nothing on a server whose
 * autovacuum is on.
 */
final class StatisticsKeeper implements AutoCloseable {

    private final Thread thread;
    private final Duration interval;
    private volatile boolean open = true;

    private StatisticsKeeper(List<DataSource> databases, Duration every) {
        this.interval = every;
        this.thread = new Thread(() -> loop(databases, every), "bench-analyze");
        this.thread.setDaemon(true);
    }

    /**
     * A keeper that runs when {@code every} is positive, or null (the server's {@link #naptime}, read only then),
     * and the server's autovacuum is off; else none.
     */
    static StatisticsKeeper start(List<DataSource> databases, Duration every) {
        if ((every != null && (every.isZero() || every.isNegative())) || autovacuum(databases.get(0))) {
            return new StatisticsKeeper(databases, Duration.ZERO);
        }
        StatisticsKeeper keeper = new StatisticsKeeper(databases, every != null ? every : naptime(databases.get(0)));
        keeper.thread.start();
        return keeper;
    }

    /** How often it analyzes; zero when it does not run. */
    Duration interval() {
        return interval;
    }

    /** Whether the server runs autovacuum ({@code SHOW autovacuum}). */
    static boolean autovacuum(DataSource database) {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SHOW autovacuum")) {
            return rs.next() && "on".equalsIgnoreCase(rs.getString(1));
        } catch (SQLException e) {
            throw new BenchException(
                    "Cannot read the DW server's autovacuum setting: " + e.getMessage() + ". Check the DW database.",
                    e);
        }
    }

    /**
     * How often the server's autovacuum visits each database ({@code autovacuum_naptime}, 1 minute by default):
     * the most often its autoanalyze can analyze a table, and so the stand-in's interval unless one is given.
     */
    static Duration naptime(DataSource database) {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT setting::bigint FROM pg_settings WHERE name = 'autovacuum_naptime'")) {
            // pg_settings gives the setting in its unit, seconds, whatever unit postgresql.conf used.
            return Duration.ofSeconds(rs.next() ? rs.getLong(1) : 60);
        } catch (SQLException e) {
            throw new BenchException(
                    "Cannot read the DW server's autovacuum_naptime: " + e.getMessage() + ". Check the DW database,"
                            + " or give --analyze-every in seconds.",
                    e);
        }
    }

    boolean active() {
        return thread.isAlive();
    }

    private void loop(List<DataSource> databases, Duration every) {
        // Autovacuum's first visit falls anywhere within its first naptime of a load's start, half of it on average:
        // the first round comes then, the next ones every interval.
        long pause = every.toMillis() / 2;
        while (open) {
            try {
                Thread.sleep(pause);
                pause = every.toMillis();
            } catch (InterruptedException e) {
                return;
            }
            for (DataSource database : databases) {
                if (!open) {
                    return;
                }
                try (Connection connection = database.getConnection();
                        Statement statement = connection.createStatement()) {
                    for (String table : due(statement)) {
                        statement.execute("ANALYZE " + table);
                    }
                } catch (SQLException e) {
                    // A failed round is retried at the next interval; the load itself decides the result.
                }
            }
        }
    }

    /**
     * The tables autoanalyze would pick now: those changed since their last analysis by more than their
     * {@code autovacuum_analyze_threshold} plus {@code autovacuum_analyze_scale_factor} times their rows,
     * each the table's own storage parameter where it sets one (as {@code ALTER TABLE … SET (…)} does, e.g.
     * the DW's derive queue and work tables, db/dw/postgresql/V99), else the server's; never a table whose
     * {@code autovacuum_enabled} is off, nor a temporary table (the daemon cannot reach another session's).
     * Analyzing only those, as the daemon does, keeps the keeper from costing the server more than
     * autovacuum would (a database-wide ANALYZE every round re-reads tables that did not change).
     */
    static List<String> due(Statement statement) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(DUE)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static final String DUE =
            """
            SELECT format('%I.%I', s.schemaname, s.relname)
            FROM pg_stat_user_tables s
            JOIN pg_class c ON c.oid = s.relid
            CROSS JOIN LATERAL (
                SELECT MAX(split_part(o, '=', 2)) FILTER (WHERE o LIKE 'autovacuum_enabled=%') AS enabled,
                       MAX(split_part(o, '=', 2)) FILTER (WHERE o LIKE 'autovacuum_analyze_threshold=%') AS threshold,
                       MAX(split_part(o, '=', 2)) FILTER (WHERE o LIKE 'autovacuum_analyze_scale_factor=%') AS scale
                FROM unnest(COALESCE(c.reloptions, '{}')) o) r
            WHERE c.relpersistence <> 't'
              AND lower(COALESCE(r.enabled, 'on')) NOT IN ('off', 'false', 'no', '0', 'f', 'n')
              AND s.n_mod_since_analyze
                  > COALESCE(r.threshold, current_setting('autovacuum_analyze_threshold'))::float8
                    + COALESCE(r.scale, current_setting('autovacuum_analyze_scale_factor'))::float8
                      * GREATEST(c.reltuples, 0)
            """;

    @Override
    public void close() {
        open = false;
        thread.interrupt();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
