package io.esteira.local.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one benchmark run measured: printed as a table, summed up in the last line, written as JSON.
 *
 * @param environment machine, load averages, options: the circumstances of the figures
 * @param pipeline the initial load through the services and the broker
 * @param reference the same source built into a second warehouse by a direct SQL full build ({@link
 *     ReferenceBuild}): rows copied, time (capture = copy, apply = build and indexes)
 * @param referenceSteps the reference's seconds per step, in order
 * @param warehouses the pipeline's DW against the reference's
 * @param reconciliation the pipeline's DW against the OLTP, in one line
 * @param reconciled whether it reconciles exactly
 * @param freshness null when skipped
 * @param rssKb peak resident memory per service (empty values: not measured)
 * @param jvmMemory heap and non-heap per service at the end of the load, from each JVM's own gauges
 *     ({@link JvmMemory}; empty values: its metrics did not answer)
 * @param benchJvmRssKb peak resident memory of the benchmark's own JVM (broker, reference copy, probes)
 * @param loadCpu CPU time each process group used during the initial load ({@link ProcessCpu}): the
 *     services' JVMs, the benchmark's JVM and the PostgreSQL backends of the OLTP and the DW
 * @param stageTimes time the services spent in each stage during the initial load ({@link StageTimes}):
 *     capture, send, parse, land, derive (empty when the services' metrics could not be read)
 * @param peer the peer measured on the same source after the pipeline ({@code --peer}); null: none
 */
public record BenchReport(
        Instant startedAt,
        Map<String, Object> environment,
        String servicesMode,
        Duration servicesStartup,
        LoadResult pipeline,
        LoadResult reference,
        Map<String, Double> referenceSteps,
        WarehouseContent.Comparison warehouses,
        String reconciliation,
        boolean reconciled,
        FreshnessProbe.Result freshness,
        Map<String, OptionalLong> rssKb,
        Map<String, Optional<JvmMemory>> jvmMemory,
        OptionalLong benchJvmRssKb,
        Map<String, Duration> loadCpu,
        Map<String, Duration> stageTimes,
        PeerResult peer) {

    /** Issue 13's targets: source rows/s of the initial load, and its ratio to the reference's. */
    static final double TARGET_RATIO = 0.3;

    static final double TARGET_ROWS_PER_S = 40_000;
    static final double TARGET_P99_MS = 150;
    static final long TARGET_RSS_MB = 256;

    public BenchReport {
        referenceSteps = Collections.unmodifiableMap(new LinkedHashMap<>(referenceSteps));
        loadCpu = Collections.unmodifiableMap(new LinkedHashMap<>(loadCpu));
        stageTimes = Collections.unmodifiableMap(new LinkedHashMap<>(stageTimes));
        jvmMemory = Collections.unmodifiableMap(new LinkedHashMap<>(jvmMemory));
    }

    /** A report without a peer. */
    public BenchReport(
            Instant startedAt,
            Map<String, Object> environment,
            String servicesMode,
            Duration servicesStartup,
            LoadResult pipeline,
            LoadResult reference,
            Map<String, Double> referenceSteps,
            WarehouseContent.Comparison warehouses,
            String reconciliation,
            boolean reconciled,
            FreshnessProbe.Result freshness,
            Map<String, OptionalLong> rssKb,
            Map<String, Optional<JvmMemory>> jvmMemory,
            OptionalLong benchJvmRssKb,
            Map<String, Duration> loadCpu,
            Map<String, Duration> stageTimes) {
        this(
                startedAt,
                environment,
                servicesMode,
                servicesStartup,
                pipeline,
                reference,
                referenceSteps,
                warehouses,
                reconciliation,
                reconciled,
                freshness,
                rssKb,
                jvmMemory,
                benchJvmRssKb,
                loadCpu,
                stageTimes,
                null);
    }

    /** This report with the peer's figures. */
    public BenchReport withPeer(PeerResult result) {
        return new BenchReport(
                startedAt,
                environment,
                servicesMode,
                servicesStartup,
                pipeline,
                reference,
                referenceSteps,
                warehouses,
                reconciliation,
                reconciled,
                freshness,
                rssKb,
                jvmMemory,
                benchJvmRssKb,
                loadCpu,
                stageTimes,
                result);
    }

    /** The services' peak RSS summed in MiB (what the pipeline holds besides the broker), or empty. */
    public OptionalLong servicesRssMb() {
        if (rssKb.isEmpty() || rssKb.values().stream().anyMatch(OptionalLong::isEmpty)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(
                rssKb.values().stream().mapToLong(v -> mb(v.getAsLong())).sum());
    }

    /** Microseconds per source row of the initial load spent in each stage, in pipeline order. */
    public Map<String, Long> stageMicrosPerRow() {
        Map<String, Long> perRow = new LinkedHashMap<>();
        if (pipeline.rows() > 0) {
            stageTimes.forEach(
                    (stage, spent) -> perRow.put(stage, Math.round(spent.toNanos() / 1000.0 / pipeline.rows())));
        }
        return perRow;
    }

    /** CPU microseconds per source row of the initial load, per process group, in the order measured. */
    public Map<String, Long> loadCpuMicrosPerRow() {
        Map<String, Long> perRow = new LinkedHashMap<>();
        if (pipeline.rows() > 0) {
            loadCpu.forEach((name, cpu) -> perRow.put(name, Math.round(cpu.toNanos() / 1000.0 / pipeline.rows())));
        }
        return perRow;
    }

    /** Pipeline source rows/s over the reference's: the share of the direct SQL build's speed the pipeline reaches. */
    public double throughputRatio() {
        return reference.rowsPerSecond() <= 0 ? 0 : pipeline.rowsPerSecond() / reference.rowsPerSecond();
    }

    /** The largest per-service peak RSS in MiB, or empty when not measured. */
    public OptionalLong maxRssMb() {
        return rssKb.values().stream()
                .filter(OptionalLong::isPresent)
                .mapToLong(v -> mb(v.getAsLong()))
                .max();
    }

    /** The freshness p99 in whole milliseconds, or empty when not measured. */
    public OptionalLong freshnessP99Ms() {
        if (freshness == null || freshness.latencyMicros().getTotalCount() == 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.round(freshness.percentileMillis(99)));
    }

    /**
     * {@code bench: pipeline_rows_per_s=<n> reference_rows_per_s=<n> throughput_ratio=<pipeline/reference>
     * freshness_p99_ms=<n> max_rss_mb=<n> targets_missed=<names|none>}, then {@code targets_unmeasured=<names>}
     * when a target could not be judged (no freshness phase, no memory reading).
     */
    public String summaryLine() {
        Map<String, Optional<Boolean>> targets = targetsMet();
        String line = String.format(
                Locale.ROOT,
                "bench: pipeline_rows_per_s=%d reference_rows_per_s=%d throughput_ratio=%.2f freshness_p99_ms=%s"
                        + " max_rss_mb=%s targets_missed=%s",
                Math.round(pipeline.rowsPerSecond()),
                Math.round(reference.rowsPerSecond()),
                throughputRatio(),
                text(freshnessP99Ms()),
                text(maxRssMb()),
                names(targets, Optional.of(false)).orElse("none"));
        line += names(targets, Optional.empty())
                .map(n -> " targets_unmeasured=" + n)
                .orElse("");
        if (peer == null) {
            return line;
        }
        return line
                + String.format(
                        Locale.ROOT,
                        " peer_rows_per_s=%d peer_freshness_p99_ms=%s peer_rss_mb=%s",
                        Math.round(peer.rowsPerSecond()),
                        text(p99(peer.freshness())),
                        text(kbToMb(peer.peakRssKb())));
    }

    /**
     * Each target of the summary line (issue 13's three, issue 17's memory), in the line's order: met, missed,
     * or empty when this run did not measure it.
     */
    public Map<String, Optional<Boolean>> targetsMet() {
        Map<String, Optional<Boolean>> met = new LinkedHashMap<>();
        met.put("rows_per_s", Optional.of(pipeline.rowsPerSecond() >= TARGET_ROWS_PER_S));
        met.put("throughput_ratio", Optional.of(throughputRatio() >= TARGET_RATIO));
        OptionalLong p99 = freshnessP99Ms();
        met.put("freshness_p99", p99.isPresent() ? Optional.of(p99.getAsLong() <= TARGET_P99_MS) : Optional.empty());
        OptionalLong rss = maxRssMb();
        met.put("max_rss", rss.isPresent() ? Optional.of(rss.getAsLong() <= TARGET_RSS_MB) : Optional.empty());
        return met;
    }

    private static Optional<String> names(Map<String, Optional<Boolean>> targets, Optional<Boolean> outcome) {
        List<String> names = targets.entrySet().stream()
                .filter(e -> e.getValue().equals(outcome))
                .map(Map.Entry::getKey)
                .toList();
        return names.isEmpty() ? Optional.empty() : Optional.of(String.join(",", names));
    }

    private static OptionalLong p99(FreshnessProbe.Result result) {
        return result == null || result.latencyMicros().getTotalCount() == 0
                ? OptionalLong.empty()
                : OptionalLong.of(Math.round(result.percentileMillis(99)));
    }

    private static OptionalLong kbToMb(OptionalLong kb) {
        return kb.isPresent() ? OptionalLong.of(mb(kb.getAsLong())) : OptionalLong.empty();
    }

    /** The side-by-side table of {@code --peer}: the pipeline and the peer on the same source. */
    String renderSideBySide() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%nside by side, same source and machine, one after the other (--peer %s):%n",
                "debezium"));
        out.append(String.format(
                Locale.ROOT,
                "  %-72s %10s %12s %12s %12s %10s%n",
                "",
                "rows",
                "load rows/s",
                "fresh. p50",
                "fresh. p99",
                "peak RSS"));
        out.append(String.format(
                Locale.ROOT,
                "  %-72s %,10d %,12.0f %12s %12s %10s%n",
                "Esteira: 4 services + broker -> star schema (fact_vendas)",
                pipeline.rows(),
                pipeline.rowsPerSecond(),
                millis(freshness, 50),
                millis(freshness, 99),
                servicesRssMb().isPresent() ? servicesRssMb().getAsLong() + " MB" : "n/a"));
        out.append(String.format(
                Locale.ROOT,
                "  %-72s %,10d %,12.0f %12s %12s %10s%n",
                peer.name() + " -> mirror",
                peer.rows(),
                peer.rowsPerSecond(),
                millis(peer.freshness(), 50),
                millis(peer.freshness(), 99),
                peer.peakRssKb().isPresent() ? mb(peer.peakRssKb().getAsLong()) + " MB" : "n/a"));
        out.append("  Esteira's peak RSS: its services' summed (the broker runs in the bench JVM); the peer's: its"
                + " one process (JVM options: "
                + (peer.jvmOptions().isBlank() ? "the JVM's defaults" : peer.jvmOptions()) + ")\n");
        out.append("  peer mirror vs OLTP: ").append(peer.mirrorComparison()).append('\n');
        if (peer.freshness() != null) {
            FreshnessProbe.Result f = peer.freshness();
            out.append(String.format(
                    Locale.ROOT,
                    "  peer freshness: %,d committed at %,.1f/s; %,d visible in the mirror, %,d not within the grace"
                            + " time; p95 %.0f ms, max %.0f ms%n",
                    f.committed(),
                    f.achievedRate(),
                    f.visible(),
                    f.notVisible(),
                    f.percentileMillis(95),
                    f.maxMillis()));
        }
        return out.toString();
    }

    private static String millis(FreshnessProbe.Result result, double percentile) {
        return result == null || result.latencyMicros().getTotalCount() == 0
                ? "n/a"
                : String.format(Locale.ROOT, "%,.0f ms", result.percentileMillis(percentile));
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("\n════════ Esteira benchmark ════════\n");
        out.append(String.format(
                Locale.ROOT,
                "source: %,d order items, %,d rows in %d entities | machine: %s cores, load average %s%n",
                reference.orderItems(),
                reference.rows(),
                reference.rowsByEntity().size(),
                environment.get("cores"),
                environment.get("loadAverages")));
        out.append(String.format(
                Locale.ROOT,
                "%-24s %12s %9s %10s %15s %8s %12s%n",
                "initial load",
                "rows",
                "seconds",
                "rows/s",
                "order items/s",
                "batches",
                "DW apply s"));
        out.append(loadLine("pipeline (" + servicesMode + ")", pipeline));
        out.append(loadLine("reference (direct SQL)", reference));
        out.append(String.format(
                Locale.ROOT,
                "pipeline: %,.0f source rows/s (target >= %,.0f; %s)%n",
                pipeline.rowsPerSecond(),
                TARGET_ROWS_PER_S,
                pipeline.rowsPerSecond() >= TARGET_ROWS_PER_S
                        ? "met"
                        : String.format(
                                Locale.ROOT,
                                "missed by %.0f%%",
                                100 * (1 - pipeline.rowsPerSecond() / TARGET_ROWS_PER_S))));
        out.append(String.format(
                Locale.ROOT,
                "throughput ratio pipeline/reference (rows/s): %.2f (target >= %.1f; %s)%n",
                throughputRatio(),
                TARGET_RATIO,
                throughputRatio() >= TARGET_RATIO
                        ? "met"
                        : String.format(
                                Locale.ROOT, "missed by %.0f%%", 100 * (1 - throughputRatio() / TARGET_RATIO))));
        out.append(String.format(
                Locale.ROOT,
                "services started in %.1f s (not counted); reference copied %.1f s + built and indexed %.1f s%n",
                servicesStartup.toMillis() / 1000.0,
                reference.captureTime().toMillis() / 1000.0,
                reference.applyTime().toMillis() / 1000.0));
        out.append("  reference steps (s): ");
        out.append(String.join(
                ", ",
                referenceSteps.entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                        .toList()));
        out.append('\n');
        out.append("warehouses (pipeline vs reference, business content): ")
                .append(warehouses.describe())
                .append('\n');
        out.append("pipeline DW vs OLTP: ").append(reconciliation).append('\n');
        if (freshness == null) {
            out.append("freshness: skipped (--freshness-seconds 0)\n");
        } else {
            out.append(String.format(
                    Locale.ROOT,
                    "freshness: %,.0f changes/s asked for %d s: %,d committed (%,d inserts, %,d updates) at %,.1f/s;"
                            + " %,d visible in the DW, %,d not within the grace time%s%n",
                    freshness.targetRate(),
                    freshness.duration().toSeconds(),
                    freshness.committed(),
                    freshness.inserts(),
                    freshness.updates(),
                    freshness.achievedRate(),
                    freshness.visible(),
                    freshness.notVisible(),
                    freshness.notVisible() > 0
                            ? " (counted at the time waited: the percentiles are lower bounds)"
                            : ""));
            out.append(String.format(
                    Locale.ROOT,
                    "  OLTP commit -> fact_vendas row shows it: p50 %.0f ms  p95 %.0f ms  p99 %.0f ms  max %.0f ms (target p99 <= %.0f"
                            + " ms; %s)%n",
                    freshness.percentileMillis(50),
                    freshness.percentileMillis(95),
                    freshness.percentileMillis(99),
                    freshness.maxMillis(),
                    TARGET_P99_MS,
                    freshnessP99Ms().isEmpty()
                            ? "not measured"
                            : freshnessP99Ms().getAsLong() <= TARGET_P99_MS
                                    ? "met"
                                    : String.format(
                                            Locale.ROOT,
                                            "missed by %.0f ms",
                                            freshness.percentileMillis(99) - TARGET_P99_MS)));
        }
        if (freshness != null) {
            renderFreshnessCost(out);
        }
        Map<String, Long> perRow = loadCpuMicrosPerRow();
        if (!perRow.isEmpty()) {
            out.append(String.format(
                    Locale.ROOT,
                    "CPU during the initial load (%.1f s on %s cores), microseconds per source row:%n",
                    pipeline.seconds(),
                    environment.getOrDefault("cores", "?")));
            perRow.forEach((name, micros) -> out.append(String.format(
                    Locale.ROOT,
                    "  %-36s %,6d  (%.1f CPU s)%n",
                    name,
                    micros,
                    loadCpu.get(name).toMillis() / 1000.0)));
            out.append(String.format(
                    Locale.ROOT,
                    "  %-36s %,6d%n",
                    "all of them",
                    perRow.values().stream().mapToLong(Long::longValue).sum()));
        }
        Map<String, Long> perStage = stageMicrosPerRow();
        if (!perStage.isEmpty()) {
            out.append("time in each stage during the initial load (the services' timers, summed over their"
                    + " threads; waits included), microseconds per source row:\n");
            perStage.forEach((stage, micros) -> out.append(String.format(
                    Locale.ROOT,
                    "  %-36s %,6d  (%.1f s)%n",
                    stage,
                    micros,
                    stageTimes.get(stage).toMillis() / 1000.0)));
        }
        out.append(String.format(
                Locale.ROOT,
                "memory per service, MB: peak RSS (VmHWM, target <= %d); heap and non-heap (metaspace, compressed"
                        + " class space, code cache) used / committed, and direct buffers, from the JVM's gauges at"
                        + " the end%n",
                TARGET_RSS_MB));
        if (rssKb.isEmpty()) {
            out.append("  per service: n/a (the services ran in one JVM; run with --services processes)\n");
        } else {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-22s %8s %-8s %15s %15s %9s %10s %6s%n",
                    "service",
                    "peak RSS",
                    "",
                    "heap",
                    "non-heap",
                    "metaspace",
                    "code cache",
                    "direct"));
        }
        rssKb.forEach((service, kb) -> {
            Optional<JvmMemory> jvm = jvmMemory.getOrDefault(service, Optional.empty());
            out.append(String.format(
                    Locale.ROOT,
                    "  %-22s %8s %-8s %15s %15s %9s %10s %6s%n",
                    service,
                    kb.isPresent() ? Long.toString(mb(kb.getAsLong())) : "n/a",
                    kb.isPresent() ? (mb(kb.getAsLong()) <= TARGET_RSS_MB ? "(met)" : "(over)") : "",
                    jvm.map(m -> JvmMemory.mb(m.heapUsed()) + " / " + JvmMemory.mb(m.heapCommitted()))
                            .orElse("n/a"),
                    jvm.map(m -> JvmMemory.mb(m.nonHeapUsed()) + " / " + JvmMemory.mb(m.nonHeapCommitted()))
                            .orElse("n/a"),
                    jvm.map(m -> Long.toString(JvmMemory.mb(m.metaspaceUsed()))).orElse("n/a"),
                    jvm.map(m -> Long.toString(JvmMemory.mb(m.codeCacheUsed()))).orElse("n/a"),
                    jvm.map(m -> Long.toString(JvmMemory.mb(m.directUsed()))).orElse("n/a")));
        });
        out.append(String.format(
                Locale.ROOT,
                "  %-22s %s%n",
                "bench JVM"
                        + (rssKb.isEmpty() ? " (services, broker, reference, probes)" : " (broker, reference, probes)"),
                text(
                        benchJvmRssKb.isPresent()
                                ? OptionalLong.of(mb(benchJvmRssKb.getAsLong()))
                                : OptionalLong.empty())));
        if (peer != null) {
            out.append(renderSideBySide());
        }
        return out.toString();
    }

    private static String loadLine(String label, LoadResult load) {
        return String.format(
                Locale.ROOT,
                "%-24s %,12d %9.1f %,10.0f %,15.0f %,8d %12.1f%n",
                label,
                load.rows(),
                load.seconds(),
                load.rowsPerSecond(),
                load.orderItemsPerSecond(),
                load.batches(),
                load.applyTime().toMillis() / 1000.0);
    }

    /** Writes the report as {@code bench-<time>.json} in {@code directory}; returns the file. */
    public Path writeJson(Path directory) {
        String name = "bench-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .withZone(ZoneOffset.UTC)
                        .format(startedAt) + ".json";
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(name);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), toMap());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the benchmark report to " + directory, e);
        }
    }

    Map<String, Object> toMap() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startedAt", startedAt.toString());
        json.put("summary", summaryLine());
        json.put("pipelineRowsPerS", Math.round(pipeline.rowsPerSecond()));
        json.put("referenceRowsPerS", Math.round(reference.rowsPerSecond()));
        json.put("throughputRatio", round(throughputRatio(), 3));
        json.put("throughputRatioMeans", "pipeline source rows/s / reference source rows/s");
        json.put(
                "freshnessP99Ms",
                freshnessP99Ms().isPresent() ? freshnessP99Ms().getAsLong() : null);
        json.put("maxRssMb", maxRssMb().isPresent() ? maxRssMb().getAsLong() : null);
        json.put("environment", environment);
        Map<String, Object> pipelineJson = load(pipeline);
        pipelineJson.put("services", servicesMode);
        pipelineJson.put("servicesStartupSeconds", round(servicesStartup.toMillis() / 1000.0, 1));
        json.put("pipeline", pipelineJson);
        Map<String, Object> referenceJson = load(reference);
        referenceJson.remove("batches");
        referenceJson.remove("applySeconds");
        referenceJson.put(
                "what", "direct SQL full build: COPY of each source table, INSERT ... SELECT dims and facts, indexes");
        referenceJson.put("copySeconds", round(reference.captureTime().toMillis() / 1000.0, 2));
        referenceJson.put("buildAndIndexSeconds", round(reference.applyTime().toMillis() / 1000.0, 2));
        referenceJson.put("steps", new LinkedHashMap<>(referenceSteps));
        json.put("reference", referenceJson);
        Map<String, Object> warehouseJson = new LinkedHashMap<>();
        warehouseJson.put("identical", warehouses.identical());
        warehouseJson.put("different", warehouses.different());
        Map<String, Object> tables = new LinkedHashMap<>();
        warehouses
                .pipeline()
                .forEach((table, content) -> tables.put(
                        table,
                        Map.of(
                                "pipeline", Map.of("rows", content.rows(), "hash", content.hash()),
                                "reference",
                                        Map.of(
                                                "rows",
                                                warehouses
                                                        .reference()
                                                        .get(table)
                                                        .rows(),
                                                "hash",
                                                warehouses
                                                        .reference()
                                                        .get(table)
                                                        .hash()))));
        warehouseJson.put("tables", tables);
        json.put("warehouses", warehouseJson);
        json.put("reconciliation", Map.of("reconciled", reconciled, "description", reconciliation));
        json.put("freshness", freshnessJson(freshness));
        Map<String, Object> rss = new LinkedHashMap<>();
        rssKb.forEach((service, kb) -> rss.put(service, kb.isPresent() ? mb(kb.getAsLong()) : null));
        rss.put("bench-jvm", benchJvmRssKb.isPresent() ? mb(benchJvmRssKb.getAsLong()) : null);
        json.put("peakRssMb", rss);
        Map<String, Object> memory = new LinkedHashMap<>();
        rssKb.forEach((service, kb) -> {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("peakRss", kb.isPresent() ? mb(kb.getAsLong()) : null);
            jvmMemory.getOrDefault(service, Optional.empty()).ifPresent(m -> figures.putAll(m.toMb()));
            memory.put(service, figures);
        });
        json.put("memoryMb", memory);
        json.put(
                "memoryMbMeans",
                "peakRss: VmHWM of the service's process; the rest: its JVM's jvm_memory_used/committed_bytes by area"
                        + " (heap; nonHeap = metaspace + compressed class space + code cache), the Metaspace and code"
                        + " cache pools' used bytes and direct buffers, read at the end of the load");
        json.put("loadCpuMicrosPerRow", loadCpuMicrosPerRow());
        json.put("stageMicrosPerRow", stageMicrosPerRow());
        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("pipelineRowsPerSAtLeast", TARGET_ROWS_PER_S);
        targets.put("throughputRatioAtLeast", TARGET_RATIO);
        targets.put("freshnessP99MsAtMost", TARGET_P99_MS);
        targets.put("rssMbPerServiceAtMost", TARGET_RSS_MB);
        json.put("targets", targets);
        Map<String, Boolean> met = new LinkedHashMap<>();
        targetsMet().forEach((name, outcome) -> met.put(name, outcome.orElse(null)));
        json.put("targetsMet", met);
        if (peer != null) {
            Map<String, Object> peerJson = new LinkedHashMap<>();
            peerJson.put("name", peer.name());
            peerJson.put("jvmOptions", peer.jvmOptions());
            peerJson.put("startupSeconds", round(peer.startup().toMillis() / 1000.0, 1));
            peerJson.put("rows", peer.rows());
            peerJson.put("seconds", round(peer.load().toNanos() / 1e9, 2));
            peerJson.put("rowsPerSecond", Math.round(peer.rowsPerSecond()));
            peerJson.put("rowsByTable", new LinkedHashMap<>(peer.rowsByTable()));
            peerJson.put("mirrorEqual", peer.mirrorEqual());
            peerJson.put("mirrorComparison", peer.mirrorComparison());
            peerJson.put("freshness", freshnessJson(peer.freshness()));
            peerJson.put(
                    "peakRssMb",
                    kbToMb(peer.peakRssKb()).isPresent()
                            ? kbToMb(peer.peakRssKb()).getAsLong()
                            : null);
            peerJson.put(
                    "pipelineServicesRssMb",
                    servicesRssMb().isPresent() ? servicesRssMb().getAsLong() : null);
            json.put("peer", peerJson);
        }
        return json;
    }

    /**
     * What the freshness workload cost: CPU per committed change of each process group, and the mean time of
     * one batch (one pass for derive, one page read for capture) in each stage — the latency budget of a
     * change, stage by stage.
     */
    private void renderFreshnessCost(StringBuilder out) {
        Map<String, Long> perChange = freshness.cpuMicrosPerChange();
        if (!perChange.isEmpty()) {
            out.append("  CPU during the freshness workload (until the last change showed), microseconds per committed"
                    + " change:\n");
            perChange.forEach((name, micros) -> out.append(String.format(
                    Locale.ROOT,
                    "    %-34s %,6d  (%.1f CPU s)%n",
                    name,
                    micros,
                    freshness.cpu().get(name).toMillis() / 1000.0)));
            out.append(String.format(
                    Locale.ROOT,
                    "    %-34s %,6d%n",
                    "all of them",
                    perChange.values().stream().mapToLong(Long::longValue).sum()));
        }
        if (freshness.harnessPauses().count() > 0) {
            out.append("  the bench JVM's own collections during the freshness workload (each stopped its writers, its"
                    + " probe and the broker in it): "
                    + freshness.harnessPauses().describe() + "\n");
        }
        if (!freshness.stages().isEmpty()) {
            out.append("  each stage during the freshness workload (the services' timers; waits included), mean"
                    + " milliseconds per timing (capture: a page read; send, parse, land: a batch; derive: a pass):\n");
            freshness
                    .stages()
                    .forEach((stage, spent) -> out.append(String.format(
                            Locale.ROOT,
                            "    %-34s %6.1f  (%,d timings, %.1f s)%n",
                            stage,
                            spent.meanMillis(),
                            spent.timings(),
                            spent.time().toMillis() / 1000.0)));
        }
    }

    private static Map<String, Object> freshnessJson(FreshnessProbe.Result result) {
        if (result == null) {
            return null;
        }
        Map<String, Object> fresh = new LinkedHashMap<>();
        fresh.put("targetRate", result.targetRate());
        fresh.put("seconds", result.duration().toSeconds());
        fresh.put("committed", result.committed());
        fresh.put("inserts", result.inserts());
        fresh.put("updates", result.updates());
        fresh.put("achievedRate", round(result.achievedRate(), 1));
        fresh.put("visible", result.visible());
        fresh.put("notVisible", result.notVisible());
        for (double p : List.of(50.0, 95.0, 99.0)) {
            fresh.put("p" + (int) p + "Ms", round(result.percentileMillis(p), 1));
        }
        fresh.put("maxMs", round(result.maxMillis(), 1));
        fresh.put("cpuMicrosPerChange", result.cpuMicrosPerChange());
        Map<String, Object> pauses = new LinkedHashMap<>();
        pauses.put("count", result.harnessPauses().count());
        pauses.put("totalMs", result.harnessPauses().total().toMillis());
        pauses.put("longestMs", result.harnessPauses().longest().toMillis());
        fresh.put("benchJvmPauses", pauses);
        Map<String, Object> stages = new LinkedHashMap<>();
        result.stages().forEach((stage, spent) -> {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("meanMs", round(spent.meanMillis(), 2));
            figures.put("timings", spent.timings());
            figures.put("seconds", round(spent.time().toMillis() / 1000.0, 2));
            stages.put(stage, figures);
        });
        fresh.put("stages", stages);
        return fresh;
    }

    private static Map<String, Object> load(LoadResult load) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rows", load.rows());
        json.put("orderItems", load.orderItems());
        json.put("seconds", round(load.seconds(), 2));
        json.put("rowsPerSecond", Math.round(load.rowsPerSecond()));
        json.put("orderItemsPerSecond", Math.round(load.orderItemsPerSecond()));
        json.put("batches", load.batches());
        json.put("applySeconds", round(load.applyTime().toMillis() / 1000.0, 2));
        json.put("rowsByEntity", new LinkedHashMap<>(load.rowsByEntity()));
        return json;
    }

    private static Double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static long mb(long kb) {
        return Math.round(kb / 1024.0);
    }

    private static String text(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "n/a";
    }
}
