package io.esteira.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL database with a unique name, created on a server (by default 127.0.0.1:5432,
 * user {@code postgres}) and dropped on {@link #close()}.
 *
 * <p>The server is taken from {@code ESTEIRA_TEST_PG_HOST}, {@code ESTEIRA_TEST_PG_PORT},
 * {@code ESTEIRA_TEST_PG_USER} and {@code ESTEIRA_TEST_PG_PASSWORD} when set.
 */
public final class TemporaryPostgres implements AutoCloseable {

    public record Server(String host, int port, String user, String password) {
        public static Server fromEnvironment() {
            return new Server(
                    env("ESTEIRA_TEST_PG_HOST", "127.0.0.1"),
                    Integer.parseInt(env("ESTEIRA_TEST_PG_PORT", "5432")),
                    env("ESTEIRA_TEST_PG_USER", "postgres"),
                    env("ESTEIRA_TEST_PG_PASSWORD", ""));
        }

        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        Connection connect(String database, int timeoutSeconds) throws SQLException {
            Properties props = new Properties();
            props.setProperty("user", user);
            props.setProperty("password", password);
            props.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
            props.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
            return DriverManager.getConnection(jdbcUrl(database), props);
        }

        /** Why the server cannot be used, or null when it answers. */
        public String unreachableReason() {
            try (Connection ignored = connect("postgres", 3)) {
                return null;
            } catch (SQLException e) {
                return "PostgreSQL at " + host + ":" + port + " (user " + user + ") is unreachable: " + e.getMessage();
            }
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    private final Server server;
    private final String database;

    private TemporaryPostgres(Server server, String database) {
        this.server = server;
        this.database = database;
    }

    /** Creates {@code esteira_<purpose>_<random>} on the server. */
    public static TemporaryPostgres create(Server server, String purpose) {
        String name = "esteira_"
                + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_")
                + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = server.connect("postgres", 5);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + server.jdbcUrl(""), e);
        }
        return new TemporaryPostgres(server, name);
    }

    public String databaseName() {
        return database;
    }

    public String jdbcUrl() {
        return server.jdbcUrl(database);
    }

    public String username() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    public Connection connect() throws SQLException {
        return server.connect(database, 5);
    }

    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl());
        ds.setUser(server.user());
        ds.setPassword(server.password());
        return ds;
    }

    /** Drops the database, closing whatever sessions are still connected to it. */
    @Override
    public void close() {
        try (Connection admin = server.connect("postgres", 5);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test database " + database, e);
        }
    }
}
