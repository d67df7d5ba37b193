package io.esteira.oltp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import io.esteira.embedded.junit.SqlServerDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Testcontainers;

/** SQL Server 2022 on Testcontainers; skipped where there is no Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerOltpIT extends OltpScenario {

    @RegisterExtension
    static final SqlServerDatabase server = new SqlServerDatabase();

    @Override
    TestDatabase freshDatabase() {
        String name =
                "esteira_oltp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name);
        SQLServerDataSource dataSource = new SQLServerDataSource();
        dataSource.setURL(server.jdbcUrl());
        dataSource.setDatabaseName(name);
        dataSource.setUser(server.username());
        dataSource.setPassword(server.password());
        return new TestDatabase() {
            @Override
            public DataSource dataSource() {
                return dataSource;
            }

            @Override
            public void close() {
                admin("ALTER DATABASE " + name + " SET SINGLE_USER WITH ROLLBACK IMMEDIATE");
                admin("DROP DATABASE " + name);
            }
        };
    }

    @Override
    String rowVersionAsNumber() {
        return "CAST(row_version AS bigint)";
    }

    @Override
    String truncateRefusal(String table) {
        // Error 4712: core.capture_guard's foreign key references the table.
        return "because it is being referenced by a FOREIGN KEY constraint";
    }

    @Test
    void shouldRefuseSwitchOutOfAndIntoACapturedTableNamingTheFix() throws SQLException {
        try (TestDatabase database = migrated();
                Connection connection = database.dataSource().getConnection()) {
            execute(
                    connection,
                    "INSERT INTO core.regions (name, state, country) VALUES ('Sul - Paraná', 'PR', 'Brasil')");
            execute(connection, "SELECT * INTO dbo.regions_copy FROM core.regions WHERE 1 = 0");

            assertThatThrownBy(() -> execute(connection, "ALTER TABLE core.regions SWITCH TO dbo.regions_copy"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("core.regions");
            assertThatThrownBy(() -> execute(connection, "ALTER TABLE [dbo].[regions_copy] SWITCH TO [core].[regions]"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("SWITCH into or out of core.regions is refused")
                    .hasMessageContaining("use INSERT ... SELECT and DELETE");
            assertThat(count(connection, "core.regions")).isEqualTo(1);
            assertThat(count(connection, "dbo.regions_copy")).isZero();
        }
    }

    @Test
    void shouldLetOtherTablesSwitchAndKeepTheGuardEmpty() throws SQLException {
        try (TestDatabase database = migrated();
                Connection connection = database.dataSource().getConnection()) {
            execute(connection, "CREATE TABLE dbo.switch_source (id int NOT NULL PRIMARY KEY)");
            execute(connection, "CREATE TABLE dbo.switch_target (id int NOT NULL PRIMARY KEY)");
            execute(connection, "INSERT INTO dbo.switch_source (id) VALUES (1)");

            execute(connection, "ALTER TABLE dbo.switch_source SWITCH TO dbo.switch_target");

            assertThat(count(connection, "dbo.switch_target")).isEqualTo(1);
            assertThatThrownBy(() -> execute(connection, "INSERT INTO core.capture_guard (stays_empty) VALUES (0)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("ck_capture_guard_stays_empty");
        }
    }

    private static void admin(String sql) {
        try (Connection connection = server.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL Server refused: " + sql, e);
        }
    }
}
