package io.esteira.local.stack;

import io.esteira.embedded.EmbeddedPostgresServer;
import io.esteira.runtime.config.Endpoint;
import java.util.function.Consumer;

/**
 * The quick start's databases: an embedded PostgreSQL server (a real one, in this process) holding an OLTP
 * and a warehouse database, both deleted when closed. {@code demo} runs on it, as do {@code up --embedded}
 * and {@code bench --embedded}: the same capture bound, triggers and apply SQL as a production PostgreSQL.
 */
public final class EmbeddedDatabases implements AutoCloseable {

    public static final String OLTP = "esteira_oltp";
    public static final String DW = "esteira_dw";

    private final EmbeddedPostgresServer server;

    private EmbeddedDatabases(EmbeddedPostgresServer server) {
        this.server = server;
    }

    /**
     * Whether a command runs on embedded databases: with {@code --embedded}, or when neither
     * {@code --oltp-url} nor {@code --dw-url} is given.
     *
     * @param otherUrls further URL options of the command, which embedded databases make meaningless
     * @throws IllegalArgumentException for a mix, naming what to drop or add
     */
    public static boolean chosen(boolean embedded, String oltpUrl, String dwUrl, String... otherUrls) {
        boolean anyUrl = oltpUrl != null
                || dwUrl != null
                || java.util.Arrays.stream(otherUrls).anyMatch(u -> u != null);
        if (embedded && anyUrl) {
            throw new IllegalArgumentException(
                    "--embedded runs on its own databases; drop the URL options, or --embedded.");
        }
        if (embedded || oltpUrl == null && dwUrl == null && !anyUrl) {
            return true;
        }
        if (oltpUrl == null || dwUrl == null) {
            throw new IllegalArgumentException(
                    "Give both --oltp-url and --dw-url, or neither (then it runs on an embedded PostgreSQL).");
        }
        return false;
    }

    /** Starts the server and creates {@value #OLTP} and {@value #DW} on it. */
    public static EmbeddedDatabases start(Consumer<String> log) {
        return start(log, false);
    }

    /**
     * As {@link #start(Consumer)}; with {@code logicalDecoding}, the server runs with {@code wal_level =
     * logical} (the benchmark's Debezium peer reads the OLTP's changes through a replication slot).
     */
    public static EmbeddedDatabases start(Consumer<String> log, boolean logicalDecoding) {
        log.accept("Starting an embedded PostgreSQL" + (logicalDecoding ? " with wal_level=logical" : "")
                + " (data deleted at exit) …");
        EmbeddedPostgresServer server =
                logicalDecoding ? EmbeddedPostgresServer.startWithLogicalDecoding() : EmbeddedPostgresServer.start();
        try {
            server.createDatabase(OLTP);
            server.createDatabase(DW);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        EmbeddedDatabases databases = new EmbeddedDatabases(server);
        log.accept("PostgreSQL at " + databases.oltp().url() + " and "
                + databases.dw().url() + " (user postgres)");
        return databases;
    }

    public Endpoint oltp() {
        return database(OLTP);
    }

    public Endpoint dw() {
        return database(DW);
    }

    /** Another database on the same server, created now. */
    public Endpoint create(String name) {
        server.createDatabase(name);
        return database(name);
    }

    private Endpoint database(String name) {
        return new Endpoint(server.jdbcUrl(name), "postgres", "");
    }

    @Override
    public void close() {
        server.close();
    }
}
