package io.esteira.embedded.junit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/**
 * A SQL Server 2022 database on Testcontainers. Use it on a class annotated
 * {@code @Testcontainers(disabledWithoutDocker = true)} so that machines without a Docker engine
 * skip the class cleanly.
 */
public final class SqlServerDatabase implements BeforeAllCallback, AfterAllCallback {

    public static final String IMAGE = "mcr.microsoft.com/mssql/server:2022-CU14-ubuntu-22.04";

    private MSSQLServerContainer container;

    @Override
    public void beforeAll(ExtensionContext context) {
        container = new MSSQLServerContainer(IMAGE).acceptLicense();
        container.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (container != null) {
            container.stop();
            container = null;
        }
    }

    private MSSQLServerContainer container() {
        if (container == null) {
            throw new IllegalStateException("SQL Server runs only between beforeAll and afterAll");
        }
        return container;
    }

    public String jdbcUrl() {
        return container().getJdbcUrl();
    }

    public String username() {
        return container().getUsername();
    }

    public String password() {
        return container().getPassword();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), username(), password());
    }

    /**
     * Creates a database on the container with READ_COMMITTED_SNAPSHOT on, as docs/operations.md asks of
     * every Esteira database on SQL Server (the loader refuses a warehouse without it).
     */
    public void createDatabase(String name) throws SQLException {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Test database name " + name + " must be lower-case letters, digits, _");
        }
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            statement.execute("ALTER DATABASE " + name + " SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE");
        }
    }
}
