package io.esteira.local.bench;

import io.esteira.runtime.config.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What to measure and how; {@code bench --help} describes each.
 *
 * @param oltp the source database (generated when empty)
 * @param dw the pipeline's warehouse
 * @param referenceDw the reference's warehouse (the benchmark empties it)
 * @param rows order items of the generated source (scale = rows / 1,000)
 * @param seed seed of the generated source and of the freshness workload
 * @param regenerate drop and regenerate the source even when it holds data
 * @param resetDw empty the pipeline's warehouse when it holds a load already
 * @param batchSize rows per change batch of the pipeline
 * @param loaderConcurrency consumers per entity queue in the loader
 * @param rate changes per second of the freshness workload
 * @param freshness how long the freshness workload runs (zero skips it)
 * @param freshnessGrace how long to wait after the freshness workload for its last changes to show
 * @param writers connections the freshness workload writes through
 * @param services how to run the services
 * @param servicesDir where the services' runnable jars are (null: look in the build tree)
 * @param serviceJvmOptions options of each service JVM ({service} stands for its name)
 * @param classArchiveDirectory where the service JVMs' class data archives are kept (null: none, ADR 23)
 * @param outputDirectory where the JSON report (and the services' logs) go
 * @param startTimeout how long the services may take to start
 * @param loadTimeout how long the pipeline's load may take
 * @param analyzeEvery how often to ANALYZE the pipeline's warehouse when the server runs without autovacuum
 *     (zero: never; null: at the server's {@code autovacuum_naptime}, {@link #AT_NAPTIME})
 * @param progressEvery how often to print progress
 * @param peer the peer measured beside the pipeline on the same source, after it ({@code --peer})
 * @param peerJar the peer's runnable jar (null: look in the build tree)
 * @param peerJvmOptions options of the peer's JVM (empty: the JVM's defaults)
 */
public record BenchOptions(
        Endpoint oltp,
        Endpoint dw,
        Endpoint referenceDw,
        long rows,
        long seed,
        boolean regenerate,
        boolean resetDw,
        int batchSize,
        int loaderConcurrency,
        double rate,
        Duration freshness,
        Duration freshnessGrace,
        int writers,
        ServicesMode services,
        Path servicesDir,
        List<String> serviceJvmOptions,
        Path classArchiveDirectory,
        Path outputDirectory,
        Duration startTimeout,
        Duration loadTimeout,
        Duration analyzeEvery,
        Duration progressEvery,
        Peer peer,
        Path peerJar,
        List<String> peerJvmOptions) {

    /**
     * {@code --analyze-every naptime}: the stand-in for autoanalyze runs as often as the server's autovacuum would
     * visit the database ({@code autovacuum_naptime}), not more. At 10 s it analyzed the growing warehouse up to six
     * times as often as autovacuum's default minute allows: 15–23 s of the DW's statement time in a 1,000,000-item
     * load, against 0.7–5.7 s at the naptime (docs/performance.md).
     */
    public static final String AT_NAPTIME = "naptime";

    public BenchOptions {
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        peerJvmOptions = List.copyOf(peerJvmOptions);
        if (rows < 1_000) {
            throw new BenchException("--rows " + rows + " is too few: use 1000 or more (the source is generated in"
                    + " thousands of order items).");
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new BenchException("--batch-size " + batchSize + " is out of range: use 1 to 10000.");
        }
        if (rate <= 0) {
            throw new BenchException("--rate " + rate + " must be above 0 changes per second.");
        }
        if (writers < 1) {
            throw new BenchException("--writers " + writers + " must be 1 or more.");
        }
    }

    /** The generator's scale: thousands of order items, rounded up. */
    public int scale() {
        return (int) Math.min(Integer.MAX_VALUE, (rows + 999) / 1_000);
    }

    /** How the benchmark runs the four services. */
    public enum ServicesMode {
        /** Each in its own JVM from its runnable jar when the jars are found, else in this JVM. */
        AUTO,
        /** Each in its own JVM from its runnable jar (per-service memory measured). */
        PROCESSES,
        /** All in the benchmark's JVM (no per-service memory figure). */
        IN_PROCESS
    }

    /** The peer the benchmark runs on the same source after the pipeline (docs/adr/0020). */
    public enum Peer {
        /** No peer. */
        NONE,
        /** Debezium's embedded engine, PostgreSQL connector (pgoutput), batched JDBC upserts into a mirror. */
        DEBEZIUM
    }
}
