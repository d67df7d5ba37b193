package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.embedded.junit.PostgresDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bench's stand-in for autoanalyze picks the tables the daemon would, on real PostgreSQL. */
class StatisticsKeeperIT {

    @RegisterExtension
    static final PostgresDatabase database = new PostgresDatabase("statskeeper");

    @Test
    void shouldPickOnlyTablesChangedBeyondAutoanalyzeThresholds() throws Exception {
        // Each step in a session of its own: a backend reports its counts to the statistics when it ends.
        execute(
                "CREATE TABLE grown (id int)",
                "CREATE TABLE quiet (id int)",
                "INSERT INTO quiet SELECT g FROM generate_series(1, 1000) g");
        execute("ANALYZE quiet");
        // 1,000 rows analyzed: 10 more changes stay under 50 + 10 % of 1,000; 500 rows never analyzed do not.
        execute(
                "INSERT INTO quiet SELECT g FROM generate_series(1, 10) g",
                "INSERT INTO grown SELECT g FROM generate_series(1, 500) g");

        assertThat(dueOnceReported("public.grown")).containsExactly("public.grown");

        execute("ANALYZE grown");
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            assertThat(StatisticsKeeper.due(statement)).isEmpty();
        }
    }

    @Test
    void shouldHonourEachTablesOwnAutoanalyzeSettingsAsTheDaemonDoes() throws Exception {
        execute(
                "CREATE TABLE never (id int) WITH (autovacuum_analyze_threshold = 2147483647)",
                "CREATE TABLE eager (id int) WITH (autovacuum_analyze_threshold = 5)",
                "CREATE TABLE off (id int) WITH (autovacuum_enabled = off)",
                // 20 changes: over eager's own threshold of 5, under the server's 50.
                "INSERT INTO eager SELECT g FROM generate_series(1, 20) g",
                "INSERT INTO never SELECT g FROM generate_series(1, 500) g",
                "INSERT INTO off SELECT g FROM generate_series(1, 500) g",
                "CREATE TABLE marker (id int)",
                "INSERT INTO marker SELECT g FROM generate_series(1, 500) g");

        assertThat(dueOnceReported("public.marker")).containsExactlyInAnyOrder("public.eager", "public.marker");
    }

    @Test
    void shouldReadTheServersAutovacuumNaptimeInSeconds() throws Exception {
        String shown;
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                var rs = statement.executeQuery("SHOW autovacuum_naptime")) {
            rs.next();
            shown = rs.getString(1);
        }
        // SHOW gives the largest whole unit ("1min", "30s", "2h"); the stand-in needs the interval itself.
        Duration expected = shown.endsWith("min")
                ? Duration.ofMinutes(Long.parseLong(shown.replace("min", "")))
                : shown.endsWith("h")
                        ? Duration.ofHours(Long.parseLong(shown.replace("h", "")))
                        : Duration.ofSeconds(Long.parseLong(shown.replace("s", "")));

        assertThat(StatisticsKeeper.naptime(database.dataSource())).isEqualTo(expected);
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            statement.execute("SELECT pg_stat_force_next_flush()");
        }
    }

    /** What is due once the ended sessions' counts show {@code expected} (reported asynchronously). */
    private static List<String> dueOnceReported(String expected) throws Exception {
        List<String> due = List.of();
        for (int attempt = 0; attempt < 100 && !due.contains(expected); attempt++) {
            Thread.sleep(100);
            try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                due = StatisticsKeeper.due(statement);
            }
        }
        return due;
    }
}
