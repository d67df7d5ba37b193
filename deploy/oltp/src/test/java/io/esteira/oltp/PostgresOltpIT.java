package io.esteira.oltp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.embedded.TemporaryPostgres;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.embedded.junit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

class PostgresOltpIT extends OltpScenario {

    /** Chooses the server (the machine's, or an embedded one); each test makes its own databases on it. */
    @RegisterExtension
    static final PostgresDatabase server = new PostgresDatabase("oltp");

    @Override
    TestDatabase freshDatabase() {
        TemporaryPostgres database = TemporaryPostgres.create(TestPostgres.server(), "oltp");
        return new TestDatabase() {
            @Override
            public DataSource dataSource() {
                return database.dataSource();
            }

            @Override
            public void close() {
                database.close();
            }
        };
    }

    @Override
    String rowVersionAsNumber() {
        return "row_version::text::numeric";
    }

    /**
     * With CASCADE: PostgreSQL itself refuses a plain TRUNCATE of a table that others reference (before
     * any trigger fires) and suggests CASCADE, which the BEFORE TRUNCATE triggers must then refuse.
     */
    @Override
    String truncate(String table) {
        return "TRUNCATE TABLE core." + table + " CASCADE";
    }

    @Override
    String truncateRefusal(String table) {
        return "TRUNCATE of core." + table + " is refused";
    }

    @Test
    void shouldNameTheFixWhenRefusingTruncate() throws SQLException {
        try (TestDatabase database = migrated();
                Connection connection = database.dataSource().getConnection()) {
            assertThatThrownBy(() -> execute(connection, "TRUNCATE core.regions CASCADE"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("TRUNCATE of core.regions is refused: it writes no tombstones")
                    .hasMessageContaining("use DELETE FROM core.regions, whose trigger records them")
                    .hasMessageContaining("docs/runbook.md");
            assertThatThrownBy(() -> execute(connection, "TRUNCATE core.returns"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("TRUNCATE of core.returns is refused");
            assertThatThrownBy(() -> execute(connection, "TRUNCATE core.deleted_rows"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("delete only the tombstones below every entity's watermark");
        }
    }

    @Test
    void shouldStampTheWritingTransactionAsXid8() throws SQLException {
        try (TestDatabase database = migrated();
                Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            execute(
                    connection,
                    "INSERT INTO core.regions (name, state, country) VALUES ('Norte - Pará', 'PA', 'Brasil')");
            Object[] row = rows(
                            connection,
                            "SELECT pg_typeof(row_version)::text, row_version = pg_current_xact_id() FROM core.regions")
                    .get(0);
            connection.commit();

            assertThat(row).containsExactly("xid8", true);
        }
    }

    @Test
    void shouldWakeTheTableChannelOnChangeWhileTheExtractorWaitsForIt() throws SQLException {
        try (TestDatabase database = migrated();
                Connection listener = database.dataSource().getConnection();
                Connection writer = database.dataSource().getConnection()) {
            try (Statement listen = listener.createStatement()) {
                listen.execute("LISTEN esteira_regions");
                // Waiting for the table, the extractor's listener holds its gate lock (V3__gated_wake_up.sql).
                listen.execute("SELECT pg_advisory_lock(1163088965, hashtext('esteira_regions'))");
            }

            execute(
                    writer,
                    "INSERT INTO core.regions (name, state, country) VALUES ('Sul - Paraná', 'PR', 'Brasil'),"
                            + " ('Sul - Santa Catarina', 'SC', 'Brasil')");

            PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(10_000);
            assertThat(notifications).isNotNull();
            assertThat(Arrays.stream(notifications).map(PGNotification::getName))
                    .containsExactly("esteira_regions");
        }
    }

    @Test
    void shouldNotWakeTheTableChannelWhenNoExtractorWaitsForIt() throws SQLException {
        try (TestDatabase database = migrated();
                Connection listener = database.dataSource().getConnection();
                Connection writer = database.dataSource().getConnection()) {
            try (Statement listen = listener.createStatement()) {
                listen.execute("LISTEN esteira_regions");
            }

            execute(writer, "INSERT INTO core.regions (name, state, country) VALUES ('Norte - Pará', 'PA', 'Brasil')");

            assertThat(listener.unwrap(PGConnection.class).getNotifications(500))
                    .isNullOrEmpty();
        }
    }
}
