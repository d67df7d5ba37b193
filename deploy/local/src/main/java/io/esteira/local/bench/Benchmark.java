package io.esteira.local.bench;

import io.esteira.loader.schema.DwSchema;
import io.esteira.local.bench.BenchOptions.ServicesMode;
import io.esteira.local.stack.Reconciliation;
import io.esteira.oltp.BaseDataGenerator;
import io.esteira.oltp.GenerationReport;
import io.esteira.oltp.OltpSchema;
import io.esteira.oltp.ProgressListener;
import io.esteira.runtime.config.Endpoint;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One benchmark run, in this order:
 *
 * <ol>
 *   <li>the source: generated at {@code rows / 1000} scale when empty (or {@code --regenerate});
 *   <li>the reference: a one-shot full build of the same star from the same source with its own SQL
 *       ({@link ReferenceBuild}), into the reference's warehouse;
 *   <li>the pipeline: the four services (one JVM each, or in this JVM) and a broker; the same
 *       source into the pipeline's warehouse, timed from the release of extraction to the last
 *       apply commit; then both warehouses compared, and the pipeline's reconciled with the OLTP;
 *   <li>freshness: a steady change workload against the running pipeline;
 *   <li>the services' peak memory, read before they stop;
 *   <li>with {@code --peer debezium}, once the services stopped: the same source through Debezium into a
 *       mirror of the source tables, its load, freshness and peak memory ({@link DebeziumPeerRun}).
 * </ol>
 *
 * The reference runs first so that the services, once started, are not idling beside it.
 */
public final class Benchmark {

    private static final Duration STALL_TIMEOUT = Duration.ofMinutes(5);

    private final BenchOptions options;
    private final PrintStream out;
    private final List<String> loadAverages = new ArrayList<>();
    private boolean autovacuum;

    /**
     * How often the stand-in for autoanalyze runs ({@code --analyze-every}, or the server's autovacuum_naptime); zero
     * when it does not (the server's autovacuum is on, or {@code --analyze-every 0}).
     */
    private Duration analyzeEvery = Duration.ZERO;

    public Benchmark(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** The reference's default warehouse: the DW's server, database name suffixed {@code _reference}. */
    public static String referenceUrl(String dwUrl) {
        return Databases.referenceUrl(dwUrl);
    }

    /** {@code target/bench} of the build that holds the running jar (deploy/local/target/bench). */
    public static Path defaultOutputDirectory() {
        return Locations.defaultOutputDirectory();
    }

    /** {@code target/cds} beside {@link #defaultOutputDirectory()}: the services' class data archives. */
    public static Path defaultClassArchiveDirectory() {
        return Locations.defaultOutputDirectory().resolveSibling("cds");
    }

    public BenchReport run() throws InterruptedException {
        Instant startedAt = Instant.now();
        sampleLoad("start");
        prepareDatabases();
        if (options.peer() == BenchOptions.Peer.DEBEZIUM) {
            DebeziumPeerRun.requireLogicalDecoding(options.oltp());
        }
        DataSource oltp = Databases.dataSource(options.oltp());
        DataSource dw = Databases.dataSource(options.dw());
        DataSource referenceDw = Databases.dataSource(options.referenceDw());
        prepareSource(oltp);
        prepareWarehouses(dw, referenceDw);
        autovacuum = StatisticsKeeper.autovacuum(dw);
        BenchReport report;
        try (StatisticsKeeper statistics = StatisticsKeeper.start(List.of(dw), options.analyzeEvery())) {
            analyzeEvery = statistics.interval();
            if (statistics.active()) {
                status("The server runs without autovacuum: ANALYZE of the pipeline's warehouse every "
                        + analyzeEvery.toSeconds() + " s stands in for its autoanalyze (--analyze-every"
                        + (options.analyzeEvery() == null ? ": its autovacuum_naptime)" : ")"));
            }
            report = measure(startedAt, oltp, dw, referenceDw);
        }
        if (options.peer() == BenchOptions.Peer.DEBEZIUM) {
            // After the services stopped: the peer does not share the machine with them.
            report = report.withPeer(new DebeziumPeerRun(options, this::status).run());
            sampleLoad("after the peer");
        }
        return report;
    }

    private BenchReport measure(Instant startedAt, DataSource oltp, DataSource dw, DataSource referenceDw)
            throws InterruptedException {
        ReferenceBuild.Result reference = reference(oltp, referenceDw);
        sampleLoad("after reference");

        PipelineLoad pipeline = new PipelineLoad(oltp, dw);
        pipeline.extraction(false);
        Databases.checkpoint(dw);
        status("Pipeline: starting the services with extraction held …");
        Instant starting = Instant.now();
        try (ServiceHost services = startServices()) {
            Duration startup = Duration.between(starting, Instant.now());
            status(String.format(
                    Locale.ROOT,
                    "Pipeline: services up in %.1f s; extraction released, load timed from now",
                    startup.toMillis() / 1000.0));
            Map<String, DataSource> databases = new LinkedHashMap<>();
            databases.put("OLTP PostgreSQL", oltp);
            databases.put("DW PostgreSQL", dw);
            ProcessCpu.Snapshot cpuBefore = ProcessCpu.take(services.pids(), databases);
            StageTimes.Snapshot stagesBefore = StageTimes.take(services.prometheusEndpoints());
            Instant released = pipeline.release();
            LoadResult piped = pipeline.await(
                    released,
                    reference.expectedChanges(),
                    services.broker(),
                    options.loadTimeout(),
                    STALL_TIMEOUT,
                    options.progressEvery(),
                    services::requireAlive,
                    this::status);
            status(String.format(
                    Locale.ROOT,
                    "Pipeline: %,d rows in %.1f s (%,.0f rows/s) in %,d batches",
                    piped.rows(),
                    piped.seconds(),
                    piped.rowsPerSecond(),
                    piped.batches()));
            Map<String, Duration> loadCpu =
                    ProcessCpu.take(services.pids(), databases).since(cpuBefore);
            Map<String, Duration> stageTimes =
                    StageTimes.take(services.prometheusEndpoints()).since(stagesBefore);
            sampleLoad("after pipeline");

            status("Comparing the pipeline's warehouse with the reference's …");
            WarehouseContent.Comparison comparison = WarehouseContent.compare(dw, referenceDw);
            status("Warehouses: " + comparison.describe());
            Reconciliation.Result reconciliation = Reconciliation.compare(oltp, dw);
            status("Pipeline DW vs OLTP: " + reconciliation.describe());

            FreshnessProbe.Result freshness = null;
            if (!options.freshness().isZero()) {
                status(String.format(
                        Locale.ROOT,
                        "Freshness: %,.0f changes/s for %d s through %d connections …",
                        options.rate(),
                        options.freshness().toSeconds(),
                        options.writers()));
                // The comparisons just before leave this JVM, which also holds the broker, the workload's writers
                // and the probe, with hundreds of MB to collect: collected now, not in one long pause of all three
                // during the workload (1.6 s, 27 s into it, on 2026-12-06). What this JVM still pauses is reported.
                System.gc();
                ProcessCpu.Snapshot freshnessCpu = ProcessCpu.take(services.pids(), databases);
                StageTimes.Snapshot freshnessStages = StageTimes.take(services.prometheusEndpoints());
                try (JvmPauses pauses = JvmPauses.start()) {
                    FreshnessProbe probe =
                            new FreshnessProbe(options.oltp(), options.dw(), options.writers(), options.seed());
                    FreshnessProbe.Result measured = probe.run(
                            options.rate(),
                            options.freshness(),
                            options.freshnessGrace(),
                            options.progressEvery(),
                            services::requireAlive,
                            this::status);
                    Map<String, Duration> cost = new LinkedHashMap<>(
                            ProcessCpu.take(services.pids(), databases).since(freshnessCpu));
                    probe.writerBackendsCpu().ifPresent(cpu -> cost.put(ProcessCpu.OLTP_WRITERS, cpu));
                    freshness = measured.withCost(
                            cost,
                            StageTimes.take(services.prometheusEndpoints()).spentSince(freshnessStages),
                            pauses.summary());
                }
                sampleLoad("after freshness");
            }
            Map<String, Optional<JvmMemory>> jvm = services.jvmMemory();
            Map<String, OptionalLong> rss = services.peakRssKb();
            OptionalLong benchRss = ProcessMemory.ownPeakKb();
            status("Stopping the services …");
            return new BenchReport(
                    startedAt,
                    environment(),
                    services.mode(),
                    startup,
                    piped,
                    reference.load(),
                    reference.steps(),
                    comparison,
                    reconciliation.describe(),
                    reconciliation.reconciled(),
                    freshness,
                    rss,
                    jvm,
                    benchRss,
                    loadCpu,
                    stageTimes);
        }
    }

    private void prepareDatabases() {
        Databases.databaseName("--oltp-url", options.oltp().url());
        Databases.databaseName("--dw-url", options.dw().url());
        Databases.databaseName("--reference-dw-url", options.referenceDw().url());
        if (options.referenceDw().url().equals(options.dw().url())
                || options.referenceDw().url().equals(options.oltp().url())) {
            throw new BenchException("--reference-dw-url must name a database of its own, not the OLTP's or the"
                    + " pipeline's DW: the benchmark empties it.");
        }
        create("--oltp-url", options.oltp());
        create("--dw-url", options.dw());
        create("--reference-dw-url", options.referenceDw());
    }

    private void create(String option, Endpoint endpoint) {
        if (Databases.createIfMissing(option, endpoint)) {
            status("Created database " + Databases.databaseName(option, endpoint.url()) + " (" + option + ")");
        }
    }

    private void prepareSource(DataSource oltp) {
        if (options.regenerate()) {
            status("Dropping the OLTP schema core (--regenerate) …");
            Databases.dropOltp(oltp);
        }
        OltpSchema.migrate(oltp);
        Long items = new JdbcTemplate(oltp).queryForObject("SELECT COUNT(*) FROM core.order_items", Long.class);
        if (items != null && items > 0) {
            status(String.format(
                    Locale.ROOT,
                    "Source: %s already holds %,d order items%s",
                    options.oltp().safeUrl(),
                    items,
                    items == options.rows()
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    " (not the %,d of --rows: measuring those; --regenerate rebuilds it)",
                                    options.rows())));
            return;
        }
        status(String.format(
                Locale.ROOT,
                "Source: generating %,d order items (scale %d, seed %d) …",
                options.scale() * 1_000L,
                options.scale(),
                options.seed()));
        GenerationReport report = new BaseDataGenerator(options.seed(), options.scale())
                .generate(Databases.dataSource(generatorEndpoint()), new LineProgress(options.progressEvery()));
        status(String.format(
                Locale.ROOT,
                "Source: %,d rows generated in %.1f s",
                report.totalRows(),
                report.elapsed().toMillis() / 1000.0));
    }

    /** The OLTP with multi-row inserts for JDBC batches (as {@code oltp generate} connects). */
    private Endpoint generatorEndpoint() {
        String url = options.oltp().url();
        String separator = url.contains("?") ? "&" : "?";
        return new Endpoint(
                url.contains("reWriteBatchedInserts") ? url : url + separator + "reWriteBatchedInserts=true",
                options.oltp().username(),
                options.oltp().password());
    }

    private void prepareWarehouses(DataSource dw, DataSource referenceDw) {
        if (Databases.holdsLoad(dw)) {
            if (!options.resetDw()) {
                throw new BenchException("The warehouse at " + options.dw().safeUrl()
                        + " holds a load already; the benchmark times an initial load: point --dw-url at an empty"
                        + " database, or pass --reset-dw to drop its warehouse schemas first.");
            }
            status("Dropping the warehouse schemas of " + options.dw().safeUrl() + " (--reset-dw) …");
            Databases.dropWarehouse(dw);
        }
        Databases.dropWarehouse(referenceDw);
        DwSchema.migrate(dw);
        DwSchema.migrate(referenceDw);
        status("Warehouses ready: pipeline " + options.dw().safeUrl() + ", reference "
                + options.referenceDw().safeUrl());
    }

    private ReferenceBuild.Result reference(DataSource oltp, DataSource referenceDw) {
        Databases.checkpoint(referenceDw);
        status(
                "Reference: a direct SQL full build of the star (COPY of each source table, INSERT … SELECT, indexes) …");
        ReferenceBuild.Result result = new ReferenceBuild(oltp, referenceDw).run(this::status);
        LoadResult load = result.load();
        status(String.format(
                Locale.ROOT,
                "Reference: %,d source rows in %.1f s (%,.0f rows/s): copy %.1f s, build and indexes %.1f s",
                load.rows(),
                load.seconds(),
                load.rowsPerSecond(),
                load.captureTime().toMillis() / 1000.0,
                load.applyTime().toMillis() / 1000.0));
        return result;
    }

    private ServiceHost startServices() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("esteira.extractor.interval", "PT1S");
        properties.put("esteira.extractor.batch-size", Integer.toString(options.batchSize()));
        properties.put("esteira.loader.concurrency", Integer.toString(options.loaderConcurrency()));
        ServicesMode mode = options.services();
        Optional<ExecJars> jars =
                mode == ServicesMode.IN_PROCESS ? Optional.empty() : ExecJars.find(options.servicesDir());
        if (jars.isEmpty() && mode == ServicesMode.PROCESSES) {
            throw new BenchException("The services' runnable jars (<module>-*-exec.jar) are not in "
                    + ExecJars.roots(options.servicesDir()) + ": build them (./mvnw package), point --services-dir"
                    + " at them, or use --services in-process.");
        }
        if (jars.isEmpty()) {
            if (mode == ServicesMode.AUTO) {
                status("The services' runnable jars (<module>-*-exec.jar) were not found under "
                        + ExecJars.roots(null)
                        + ": running the services in this JVM; peak RSS per service will be n/a.");
            }
            return InProcessServices.start(options.oltp(), options.dw(), properties, this::status);
        }
        return ServiceProcesses.start(
                jars.get(),
                options.oltp(),
                options.dw(),
                properties,
                options.serviceJvmOptions(),
                options.classArchiveDirectory() == null
                        ? ServiceClassArchives.off()
                        : ServiceClassArchives.in(options.classArchiveDirectory(), ServiceProcesses.javaExecutable()),
                options.outputDirectory().resolve("logs"),
                options.startTimeout(),
                this::status);
    }

    private Map<String, Object> environment() {
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("cores", Runtime.getRuntime().availableProcessors());
        environment.put("loadAverages", String.join(", ", loadAverages));
        environment.put("java", System.getProperty("java.version"));
        environment.put("oltp", options.oltp().safeUrl());
        environment.put("dw", options.dw().safeUrl());
        environment.put("referenceDw", options.referenceDw().safeUrl());
        environment.put("rowsAsked", options.rows());
        environment.put("batchSize", options.batchSize());
        environment.put("loaderConcurrency", options.loaderConcurrency());
        environment.put("serviceJvmOptions", String.join(" ", options.serviceJvmOptions()));
        environment.put("freshnessWriters", options.writers());
        environment.put("autovacuum", autovacuum);
        environment.put("analyzeEverySeconds", analyzeEvery.isZero() ? null : analyzeEvery.toSeconds());
        return environment;
    }

    /** The 1-minute load average (Linux), noted at each phase: the machine may be shared. */
    private void sampleLoad(String when) {
        try {
            String average = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            loadAverages.add(average + " " + when);
            status("Load average (1 min) " + when + ": " + average);
        } catch (IOException | RuntimeException e) {
            loadAverages.add("n/a " + when);
        }
    }

    private void status(String line) {
        out.println("» " + line);
        out.flush();
    }

    /** The generator's progress as a line now and then, not a bar. */
    private final class LineProgress implements ProgressListener {
        private final Ticker ticker;
        private long total;
        private long done;

        LineProgress(Duration every) {
            this.ticker = new Ticker(every);
        }

        @Override
        public void start(String task, long totalRows) {
            this.total = totalRows;
        }

        @Override
        public void advance(long rows) {
            done += rows;
            if (ticker.due()) {
                status(String.format(Locale.ROOT, "Source: %,d of about %,d rows written", done, total));
            }
        }

        @Override
        public void finish() {}
    }
}
