package io.esteira.local.bench;

import io.esteira.oltp.CoreTable;
import io.esteira.runtime.config.Endpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bench --peer debezium}: the same source through Debezium's embedded engine into a mirror of the
 * source tables, measured as the pipeline is (docs/adr/0020). The peer is its own program (module
 * deploy/peer-debezium, none of Esteira's code), started here as a separate JVM from its runnable jar;
 * the benchmark only gives it the source's URL, the mirror's URL and the tables, and judges it from the
 * outside: the mirror's row counts for the load, {@link FreshnessProbe} on the mirror for freshness, the
 * process's {@code VmHWM} for memory.
 *
 * <p>Order: the mirror database ({@code <dw>_debezium} on the DW's server) emptied; the peer started; the
 * clock starts when its engine starts (JVM start-up not counted, as the services' is not) and stops at the
 * first poll that finds every source row in the mirror; the mirror compared with the source; freshness;
 * the peak RSS; the peer stopped, its replication slot and publication dropped.
 */
final class DebeziumPeerRun {

    static final String NAME = "Debezium 3.6.1 embedded (pgoutput) + batched JDBC upserts";
    static final String MIRROR_SUFFIX = "_debezium";
    /** The replication slot and publication the peer creates on the OLTP (dropped when it stops). */
    static final String SLOT = "esteira_bench_peer";

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration STALL_TIMEOUT = Duration.ofMinutes(5);

    private final BenchOptions options;
    private final Consumer<String> status;

    DebeziumPeerRun(BenchOptions options, Consumer<String> status) {
        this.options = options;
        this.status = status;
    }

    /** The peer's mirror: the pipeline DW's server, database name suffixed {@value #MIRROR_SUFFIX}. */
    static Endpoint mirror(Endpoint dw) {
        return new Endpoint(
                Databases.withDatabase(dw.url(), Databases.databaseName("--dw-url", dw.url()) + MIRROR_SUFFIX),
                dw.username(),
                dw.password());
    }

    /** Refuses an OLTP whose server cannot feed a logical-decoding client, before anything is measured. */
    static void requireLogicalDecoding(Endpoint oltp) {
        String level = new JdbcTemplate(Databases.dataSource(oltp)).queryForObject("SHOW wal_level", String.class);
        if (!"logical".equals(level)) {
            throw new BenchException("--peer debezium reads the OLTP's changes by logical decoding, but the server of "
                    + oltp.safeUrl() + " runs with wal_level=" + level + ": run bench without --oltp-url/--dw-url"
                    + " (an embedded PostgreSQL started with wal_level=logical), or point --oltp-url at a server"
                    + " configured with wal_level=logical.");
        }
    }

    PeerResult run() throws InterruptedException {
        Path jar = PeerJar.find(options.peerJar());
        Endpoint mirror = mirror(options.dw());
        if (Databases.createIfMissing("--dw-url", mirror)) {
            status.accept(
                    "Created database " + Databases.databaseName("mirror", mirror.url()) + " (the peer's mirror)");
        }
        DataSource oltp = Databases.dataSource(options.oltp());
        DataSource mirrorDb = Databases.dataSource(mirror);
        new JdbcTemplate(mirrorDb).execute("DROP SCHEMA IF EXISTS core CASCADE");
        dropSlot(oltp);
        Map<String, Long> expected = sourceRows(oltp);
        long total = expected.values().stream().mapToLong(Long::longValue).sum();
        Path logs = options.outputDirectory().resolve("logs");
        Path log = logs.resolve("peer-debezium.log");
        Path offsets = logs.resolve("peer-debezium.offsets");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.peerJvmOptions());
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--source-url",
                options.oltp().url(),
                "--source-user",
                options.oltp().username(),
                "--source-password",
                options.oltp().password() == null ? "" : options.oltp().password(),
                "--target-url",
                mirror.url(),
                "--target-user",
                mirror.username(),
                "--target-password",
                mirror.password() == null ? "" : mirror.password(),
                "--tables",
                String.join(",", expected.keySet()),
                "--slot",
                SLOT,
                "--offset-file",
                offsets.toString(),
                "--batch-size",
                Integer.toString(options.batchSize()),
                "--poll-ms",
                "100"));
        Process process;
        try {
            Files.createDirectories(logs);
            Files.deleteIfExists(offsets);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new BenchException("Cannot start the Debezium peer (" + jar + "): " + e.getMessage(), e);
        }
        status.accept(String.format(
                Locale.ROOT,
                "Peer: %s, pid %d, snapshot of %,d source rows in %d tables into %s (log %s)",
                NAME,
                process.pid(),
                total,
                expected.size(),
                mirror.safeUrl(),
                log));
        try {
            long started = System.nanoTime();
            awaitLine(process, log, "peer: engine started");
            Duration startup = Duration.ofNanos(System.nanoTime() - started);
            long engineStarted = System.nanoTime();
            awaitMirror(process, log, mirrorDb, expected, engineStarted);
            Duration load = Duration.ofNanos(System.nanoTime() - engineStarted);
            status.accept(String.format(
                    Locale.ROOT,
                    "Peer: %,d rows in %.1f s (%,.0f rows/s); engine started %.1f s after the process",
                    total,
                    load.toNanos() / 1e9,
                    total / Math.max(0.001, load.toNanos() / 1e9),
                    startup.toNanos() / 1e9));
            MirrorContent.Comparison comparison = MirrorContent.compare(oltp, mirrorDb, expected.keySet());
            status.accept("Peer mirror vs OLTP: " + comparison.describe());
            FreshnessProbe.Result freshness = null;
            if (!options.freshness().isZero()) {
                status.accept(String.format(
                        Locale.ROOT,
                        "Peer freshness: %,.0f changes/s for %d s through %d connections …",
                        options.rate(),
                        options.freshness().toSeconds(),
                        options.writers()));
                freshness = new FreshnessProbe(
                                options.oltp(),
                                mirror,
                                options.writers(),
                                options.seed() + 1,
                                "visible-mirror-order-items")
                        .run(
                                options.rate(),
                                options.freshness(),
                                options.freshnessGrace(),
                                options.progressEvery(),
                                () -> requireAlive(process, log),
                                line -> status.accept("Peer " + line));
            }
            OptionalLong rss = ProcessMemory.peakKb(process.pid());
            return new PeerResult(
                    NAME,
                    String.join(" ", options.peerJvmOptions()),
                    startup,
                    expected,
                    load,
                    comparison.equal(),
                    comparison.describe(),
                    freshness,
                    rss);
        } finally {
            stop(process);
            dropSlot(oltp);
        }
    }

    /** Rows per captured table now: what the mirror must reach. Nobody writes to the source meanwhile. */
    private static Map<String, Long> sourceRows(DataSource oltp) {
        JdbcTemplate jdbc = new JdbcTemplate(oltp);
        Map<String, Long> rows = new LinkedHashMap<>();
        for (CoreTable table : CoreTable.values()) {
            rows.put(
                    table.qualifiedName(),
                    jdbc.queryForObject("SELECT COUNT(*) FROM " + table.qualifiedName(), Long.class));
        }
        return rows;
    }

    private void awaitLine(Process process, Path log, String line) throws InterruptedException {
        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        while (!read(log).contains(line)) {
            requireAlive(process, log);
            if (System.nanoTime() > deadline) {
                throw new BenchException("The Debezium peer did not start its engine within "
                        + options.startTimeout().toSeconds() + " s (--start-timeout); its log: " + log);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private void awaitMirror(
            Process process, Path log, DataSource mirror, Map<String, Long> expected, long engineStarted)
            throws InterruptedException {
        long total = expected.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> done = new LinkedHashMap<>();
        Ticker ticker = new Ticker(options.progressEvery());
        long lastSeen = -1;
        long lastProgress = System.nanoTime();
        while (true) {
            requireAlive(process, log);
            long seen = 0;
            try (Connection connection = mirror.getConnection();
                    Statement statement = connection.createStatement()) {
                for (Map.Entry<String, Long> table : expected.entrySet()) {
                    Long complete = done.get(table.getKey());
                    long rows = complete != null ? complete : count(statement, table.getKey());
                    if (complete == null && rows >= table.getValue()) {
                        done.put(table.getKey(), rows);
                    }
                    seen += Math.min(rows, table.getValue());
                }
            } catch (SQLException e) {
                throw new BenchException("Counting the peer's mirror failed: " + e.getMessage(), e);
            }
            if (done.size() == expected.size()) {
                return;
            }
            long now = System.nanoTime();
            if (seen != lastSeen) {
                lastSeen = seen;
                lastProgress = now;
            } else if (now - lastProgress > STALL_TIMEOUT.toNanos()) {
                throw new BenchException(String.format(
                        Locale.ROOT,
                        "The Debezium peer's mirror has not grown for %d s at %,d of %,d rows; its log: %s",
                        STALL_TIMEOUT.toSeconds(),
                        seen,
                        total,
                        log));
            }
            if (now - engineStarted > options.loadTimeout().toNanos()) {
                throw new BenchException("The Debezium peer's snapshot took longer than --load-timeout ("
                        + options.loadTimeout().toSeconds() + " s); its log: " + log);
            }
            if (ticker.due()) {
                status.accept(String.format(
                        Locale.ROOT,
                        "Peer: %,d of %,d rows in the mirror after %.0f s",
                        seen,
                        total,
                        (now - engineStarted) / 1e9));
            }
            TimeUnit.NANOSECONDS.sleep(POLL.toNanos());
        }
    }

    /** A table's rows, 0 while the peer has not created it yet. */
    private static long count(Statement statement, String table) throws SQLException {
        try (ResultSet exists = statement.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return 0;
            }
        }
        try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void requireAlive(Process process, Path log) {
        if (!process.isAlive()) {
            List<String> lines = read(log).lines().toList();
            throw new BenchException("The Debezium peer stopped (exit " + process.exitValue() + "); the end of its log"
                    + " (" + log + "):\n"
                    + lines.subList(Math.max(0, lines.size() - 20), lines.size()).stream()
                            .collect(Collectors.joining("\n")));
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the peer's log " + log, e);
        }
    }

    /** SIGTERM (the engine stops and drops its slot), then a kill after 30 s. */
    private void stop(Process process) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        status.accept("Stopping the peer …");
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The peer's replication slot and publication, if left behind: a slot would hold the OLTP's WAL. */
    private static void dropSlot(DataSource oltp) {
        JdbcTemplate jdbc = new JdbcTemplate(oltp);
        jdbc.query(
                "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                        + " WHERE slot_name = ? AND NOT active",
                rs -> {},
                SLOT);
        jdbc.execute("DROP PUBLICATION IF EXISTS " + SLOT);
    }
}
