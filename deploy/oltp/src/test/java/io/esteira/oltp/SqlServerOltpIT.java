package io.esteira.oltp;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import io.esteira.embedded.junit.SqlServerDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
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

    private static void admin(String sql) {
        try (Connection connection = server.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL Server refused: " + sql, e);
        }
    }
}
