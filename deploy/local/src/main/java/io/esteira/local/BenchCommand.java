package io.esteira.local;

import io.esteira.local.bench.BenchException;
import io.esteira.local.bench.BenchOptions;
import io.esteira.local.bench.BenchOptions.ServicesMode;
import io.esteira.local.bench.BenchReport;
import io.esteira.local.bench.Benchmark;
import io.esteira.local.bench.ServiceJvmOptions;
import io.esteira.local.stack.EmbeddedDatabases;
import io.esteira.runtime.config.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code bench}: the pipeline's throughput against a reference (a direct SQL full build of the same star),
 * its freshness, its memory.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measures, in one run on PostgreSQL: (a) the initial load of --rows order items with their dimensions"
                    + " through the services and the broker, source rows/s; (b) the reference: a one-shot full build"
                    + " of the same star from the same source with its own SQL (COPY of each source table, then"
                    + " INSERT ... SELECT of the dimensions and facts, then the indexes), none of the pipeline's"
                    + " code, into a second warehouse whose business content must come out equal; (c) freshness:"
                    + " OLTP commit -> the fact.fact_vendas row shows the change, under a steady --rate of changes;"
                    + " (d) the peak RSS, heap and non-heap of each service. With --peer debezium, then the same"
                    + " source through Debezium into a mirror of the source tables: load, freshness and peak RSS"
                    + " side by side.",
            "Generates the source when it is empty. Creates missing databases. Prints a table, writes it as JSON"
                    + " under --output-dir and ends with one line:"
                    + " bench: pipeline_rows_per_s=<n> reference_rows_per_s=<n>"
                    + " throughput_ratio=<pipeline/reference> freshness_p99_ms=<n> max_rss_mb=<n>"
                    + " targets_missed=<the targets missed, or none>",
            "docs/performance.md records the figures measured with it."
        })
class BenchCommand implements Callable<Integer> {

    @Option(
            names = "--oltp-url",
            description = "JDBC URL of the OLTP (PostgreSQL); without --oltp-url and --dw-url, or with --embedded,"
                    + " the benchmark runs on an embedded PostgreSQL started for the run.")
    String oltpUrl;

    @Option(names = "--embedded", description = "Run on an embedded PostgreSQL (the default when no URL is given).")
    boolean embedded;

    @Option(
            names = "--oltp-username",
            defaultValue = "${env:ESTEIRA_OLTP_USERNAME:-postgres}",
            description = "OLTP user; default $ESTEIRA_OLTP_USERNAME or ${DEFAULT-VALUE}.")
    String oltpUsername;

    @Option(
            names = "--oltp-password",
            defaultValue = "${env:ESTEIRA_OLTP_PASSWORD:-}",
            description = "OLTP password; default $ESTEIRA_OLTP_PASSWORD.")
    String oltpPassword;

    @Option(
            names = "--dw-url",
            description = "JDBC URL of the pipeline's warehouse (PostgreSQL); must hold no load yet (see --reset-dw).")
    String dwUrl;

    @Option(
            names = "--dw-username",
            defaultValue = "${env:ESTEIRA_DW_USERNAME:-postgres}",
            description = "DW user, also of the reference's DW; default $ESTEIRA_DW_USERNAME or ${DEFAULT-VALUE}.")
    String dwUsername;

    @Option(
            names = "--dw-password",
            defaultValue = "${env:ESTEIRA_DW_PASSWORD:-}",
            description = "DW password; default $ESTEIRA_DW_PASSWORD.")
    String dwPassword;

    @Option(
            names = "--reference-dw-url",
            description = "The reference's warehouse, which the benchmark empties and fills; default: the DW's server,"
                    + " database name + '_reference' (created when missing).")
    String referenceDwUrl;

    @Option(
            names = "--rows",
            defaultValue = "1000000",
            description = "Order items of the generated source (scale = rows / 1000); default ${DEFAULT-VALUE}.")
    long rows;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the source and the workload; default 42.")
    long seed;

    @Option(names = "--regenerate", description = "Drop and regenerate the source even when it holds data.")
    boolean regenerate;

    @Option(names = "--reset-dw", description = "Drop the warehouse schemas of --dw-url when it holds a load.")
    boolean resetDw;

    @Option(
            names = "--batch-size",
            defaultValue = "2500",
            description = "Rows per change batch of the pipeline (1..10000); default ${DEFAULT-VALUE}, as"
                    + " ctl.etl_control.batch_size.")
    int batchSize;

    @Option(
            names = "--loader-concurrency",
            defaultValue = "1",
            description = "Loader consumers per entity queue; default ${DEFAULT-VALUE}.")
    int loaderConcurrency;

    @Option(
            names = "--rate",
            defaultValue = "1000",
            description = "Changes per second of the freshness workload; default ${DEFAULT-VALUE}.")
    double rate;

    @Option(
            names = "--freshness-seconds",
            defaultValue = "60",
            description = "How long the freshness workload runs; 0 skips it; default ${DEFAULT-VALUE}.")
    long freshnessSeconds;

    @Option(
            names = "--freshness-grace",
            defaultValue = "120",
            description = "Seconds to wait after the workload for its last changes to show in the DW; later ones"
                    + " count at the time waited; default ${DEFAULT-VALUE}.")
    long freshnessGrace;

    @Option(
            names = "--writers",
            defaultValue = "8",
            description = "Connections the freshness workload writes through; default ${DEFAULT-VALUE}.")
    int writers;

    @Option(
            names = "--services",
            defaultValue = "auto",
            converter = ServicesModeConverter.class,
            description =
                    "processes: each service in its own JVM from its runnable jar (peak RSS, heap and non-heap per service);"
                            + " in-process: all in this JVM; auto: processes when the jars are found; default ${DEFAULT-VALUE}.")
    ServicesMode services;

    @Option(
            names = "--services-dir",
            description = "Where the services' <module>-*-exec.jar are (or their module folders); default: the build"
                    + " tree around the working directory and this jar.")
    Path servicesDir;

    @Option(
            names = "--service-jvm-options",
            description = "Options of each service JVM, space-separated; {service} stands for the service's name"
                    + " (e.g. add -XX:StartFlightRecording=filename=target/bench/{service}.jfr,settings=profile);"
                    + " default: the options the images ship, from jvm.options at the repository's root.")
    String serviceJvmOptions;

    @Option(
            names = "--class-archive-dir",
            description = "Where each service's jar is extracted and its class data archive kept, per jar checksum"
                    + " (a training run records the archive before a jar's first start, every start maps it:"
                    + " docs/adr/0023); default: target/cds of the build that holds this jar.")
    Path classArchiveDir;

    @Option(
            names = "--no-class-archives",
            description = "Start each service from its runnable jar, without a class data archive.")
    boolean noClassArchives;

    @Option(
            names = "--output-dir",
            description = "Where the JSON report and the services' logs go; default: target/bench of the build that"
                    + " holds this jar (deploy/local/target/bench).")
    Path outputDir;

    @Option(
            names = "--start-timeout",
            defaultValue = "300",
            description = "Seconds the services may take to start; default ${DEFAULT-VALUE}.")
    long startTimeout;

    @Option(
            names = "--load-timeout",
            defaultValue = "7200",
            description = "Seconds the pipeline's load may take; default ${DEFAULT-VALUE}.")
    long loadTimeout;

    @Option(
            names = "--analyze-every",
            defaultValue = BenchOptions.AT_NAPTIME,
            converter = AnalyzeEveryConverter.class,
            description = "On a server without autovacuum, ANALYZE the tables of the pipeline's warehouse that"
                    + " autoanalyze would pick, every this many seconds; " + BenchOptions.AT_NAPTIME + ": at the"
                    + " server's autovacuum_naptime, as often as its autovacuum would visit the database (1 minute"
                    + " unless set); 0 never; default ${DEFAULT-VALUE}.")
    Duration analyzeEvery;

    @Option(
            names = "--progress-every",
            defaultValue = "PT5S",
            description = "How often to print progress (ISO-8601 duration); default ${DEFAULT-VALUE}.")
    Duration progressEvery;

    @Option(
            names = "--peer",
            defaultValue = "none",
            converter = PeerConverter.class,
            description = "debezium: after the pipeline, the same source through Debezium's embedded engine"
                    + " (PostgreSQL connector, pgoutput) into a mirror of the source tables (<dw>_debezium), with"
                    + " batched JDBC upserts; prints initial load, freshness and peak RSS side by side. Needs"
                    + " wal_level=logical on the OLTP's server (the embedded PostgreSQL is started so);"
                    + " default ${DEFAULT-VALUE}.")
    BenchOptions.Peer peer;

    @Option(
            names = "--peer-jar",
            description = "The peer's runnable jar (deploy/peer-debezium/target/peer-debezium-*-exec.jar);"
                    + " default: found in the build tree.")
    Path peerJar;

    @Option(
            names = "--peer-jvm-options",
            description = "Options of the peer's JVM, space-separated; default: none (the JVM's defaults, as a"
                    + " Debezium user starts it).")
    String peerJvmOptions;

    @Override
    public Integer call() throws Exception {
        boolean onEmbedded;
        try {
            onEmbedded = EmbeddedDatabases.chosen(embedded, oltpUrl, dwUrl, referenceDwUrl);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            return 2;
        }
        if (!onEmbedded) {
            return run(new Endpoint(oltpUrl, oltpUsername, oltpPassword), new Endpoint(dwUrl, dwUsername, dwPassword));
        }
        try (EmbeddedDatabases databases = EmbeddedDatabases.start(
                line -> System.out.println("bench: " + line), peer == BenchOptions.Peer.DEBEZIUM)) {
            return run(databases.oltp(), databases.dw());
        }
    }

    private int run(Endpoint oltp, Endpoint dw) throws Exception {
        BenchOptions options;
        try {
            options = new BenchOptions(
                    oltp,
                    dw,
                    new Endpoint(
                            referenceDwUrl != null ? referenceDwUrl : Benchmark.referenceUrl(dw.url()),
                            dw.username(),
                            dw.password()),
                    rows,
                    seed,
                    regenerate,
                    resetDw,
                    batchSize,
                    loaderConcurrency,
                    rate,
                    Duration.ofSeconds(freshnessSeconds),
                    Duration.ofSeconds(freshnessGrace),
                    writers,
                    services,
                    servicesDir,
                    serviceJvmOptions == null ? ServiceJvmOptions.shipped() : jvmOptions(serviceJvmOptions),
                    noClassArchives
                            ? null
                            : classArchiveDir != null ? classArchiveDir : Benchmark.defaultClassArchiveDirectory(),
                    outputDir != null ? outputDir : Benchmark.defaultOutputDirectory(),
                    Duration.ofSeconds(startTimeout),
                    Duration.ofSeconds(loadTimeout),
                    analyzeEvery,
                    progressEvery,
                    peer,
                    peerJar,
                    jvmOptions(peerJvmOptions));
            BenchReport report = new Benchmark(options, System.out).run();
            System.out.print(report.render());
            Path json = report.writeJson(options.outputDirectory());
            System.out.println("Report written to " + json);
            System.out.println(report.summaryLine());
            System.out.flush();
            return 0;
        } catch (BenchException e) {
            System.out.flush();
            System.err.println("bench: " + e.getMessage());
            return 1;
        }
    }

    private static List<String> jvmOptions(String text) {
        return text == null || text.isBlank()
                ? List.of()
                : Arrays.stream(text.strip().split("\\s+")).toList();
    }

    /** A number of seconds (0: never), or naptime (null: the server's autovacuum_naptime, read when the bench starts). */
    static final class AnalyzeEveryConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String text = value.strip();
            if (BenchOptions.AT_NAPTIME.equalsIgnoreCase(text)) {
                return null;
            }
            try {
                long seconds = Long.parseLong(text);
                if (seconds >= 0) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException e) {
                // named below
            }
            throw new TypeConversionException("'" + value + "' is not an interval: use a number of seconds (0: never)"
                    + " or " + BenchOptions.AT_NAPTIME);
        }
    }

    /** none or debezium. */
    static final class PeerConverter implements ITypeConverter<BenchOptions.Peer> {
        @Override
        public BenchOptions.Peer convert(String value) {
            try {
                return BenchOptions.Peer.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a peer: use none or debezium");
            }
        }
    }

    /** auto, processes or in-process. */
    static final class ServicesModeConverter implements ITypeConverter<ServicesMode> {
        @Override
        public ServicesMode convert(String value) {
            try {
                return ServicesMode.valueOf(
                        value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(
                        "'" + value + "' is not a way to run the services: use auto, processes or in-process");
            }
        }
    }
}
