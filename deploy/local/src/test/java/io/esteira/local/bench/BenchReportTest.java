package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static final WarehouseContent.Comparison SAME = new WarehouseContent.Comparison(
            Map.of("fact.fact_vendas", new WarehouseContent.Table(3, "00ff")),
            Map.of("fact.fact_vendas", new WarehouseContent.Table(3, "00ff")),
            List.of());

    @Test
    void shouldSumUpRatioFreshnessAndLargestServiceInTheLastLine() {
        Histogram latency = new Histogram(3);
        for (long ms = 1; ms <= 100; ms++) {
            latency.recordValue(ms * 1000);
        }
        BenchReport report = report(
                new FreshnessProbe.Result(1000, Duration.ofSeconds(60), 100, 50, 50, 999.5, 100, 0, latency),
                Map.of(
                        "loader-service",
                        OptionalLong.of(300 * 1024),
                        "extractor-service",
                        OptionalLong.of(200 * 1024)));

        assertThat(report.summaryLine())
                .isEqualTo("bench: pipeline_rows_per_s=50 reference_rows_per_s=100 throughput_ratio=0.50"
                        + " freshness_p99_ms=99 max_rss_mb=300 targets_missed=rows_per_s,max_rss");
    }

    @Test
    void shouldNameInTheLastLineEachTargetMissedOrNotMeasured() {
        Histogram fast = new Histogram(3);
        fast.recordValue(120_000);
        Histogram slow = new Histogram(3);
        slow.recordValue(151_000);
        FreshnessProbe.Result onTime =
                new FreshnessProbe.Result(1000, Duration.ofSeconds(60), 1, 1, 0, 999.5, 1, 0, fast);
        FreshnessProbe.Result late =
                new FreshnessProbe.Result(1000, Duration.ofSeconds(60), 1, 1, 0, 999.5, 1, 0, slow);
        Map<String, OptionalLong> small = Map.of("loader-service", OptionalLong.of(256 * 1024));

        assertThat(report(onTime, small, 100_000, 40_000).summaryLine()).endsWith(" targets_missed=none");
        assertThat(report(late, small, 100_000, 40_000).summaryLine()).endsWith(" targets_missed=freshness_p99");
        assertThat(report(onTime, small, 140_000, 40_000).summaryLine()).endsWith(" targets_missed=throughput_ratio");
        assertThat(report(onTime, small, 100_000, 39_999).summaryLine()).endsWith(" targets_missed=rows_per_s");
        assertThat(report(null, Map.of(), 100_000, 40_000).summaryLine())
                .endsWith(" targets_missed=none targets_unmeasured=freshness_p99,max_rss");
        Map<String, Boolean> lateOnly = new LinkedHashMap<>();
        lateOnly.put("rows_per_s", true);
        lateOnly.put("throughput_ratio", true);
        lateOnly.put("freshness_p99", false);
        lateOnly.put("max_rss", true);
        assertThat(report(late, small, 100_000, 40_000).toMap()).containsEntry("targetsMet", lateOnly);
    }

    @Test
    void shouldSayNotAvailableForWhatWasNotMeasured() {
        BenchReport report = report(null, Map.of());

        assertThat(report.summaryLine())
                .isEqualTo("bench: pipeline_rows_per_s=50 reference_rows_per_s=100 throughput_ratio=0.50"
                        + " freshness_p99_ms=n/a max_rss_mb=n/a targets_missed=rows_per_s"
                        + " targets_unmeasured=freshness_p99,max_rss");
        assertThat(report.toMap()).containsEntry("freshnessP99Ms", null).containsEntry("maxRssMb", null);
    }

    @Test
    void shouldReportTheCpuOfEachProcessPerSourceRowOfTheInitialLoad() {
        Map<String, Duration> cpu = new java.util.LinkedHashMap<>();
        cpu.put("loader-service", Duration.ofSeconds(2));
        cpu.put("DW PostgreSQL", Duration.ofMillis(500));

        BenchReport report = report(null, Map.of(), cpu);

        assertThat(report.loadCpuMicrosPerRow())
                .containsExactly(Map.entry("loader-service", 2000L), Map.entry("DW PostgreSQL", 500L));
        assertThat(report.render())
                .contains("microseconds per source row")
                .containsPattern("loader-service +2,000 +\\(2\\.0 CPU s\\)")
                .containsPattern("all of them +2,500");
        assertThat(report.toMap()).containsKey("loadCpuMicrosPerRow");
    }

    @Test
    void shouldReportWhatTheFreshnessWorkloadCostPerChangeAndPerBatchInEachStage() {
        Histogram latency = new Histogram(3);
        latency.recordValue(120_000);
        Map<String, Duration> cpu = new LinkedHashMap<>();
        cpu.put("loader-service", Duration.ofSeconds(3));
        cpu.put("DW PostgreSQL", Duration.ofSeconds(6));
        Map<String, StageTimes.Spent> stages = new LinkedHashMap<>();
        stages.put("land", new StageTimes.Spent(Duration.ofMillis(3_000), 300));
        stages.put("derive", new StageTimes.Spent(Duration.ofMillis(4_500), 300));
        FreshnessProbe.Result freshness = new FreshnessProbe.Result(
                        1000, Duration.ofSeconds(30), 30_000, 15_000, 15_000, 1000, 30_000, 0, latency)
                .withCost(cpu, stages, new JvmPauses.Summary(3, Duration.ofMillis(95), Duration.ofMillis(60)));

        BenchReport report = report(freshness, Map.of());

        assertThat(freshness.cpuMicrosPerChange())
                .containsExactly(Map.entry("loader-service", 100L), Map.entry("DW PostgreSQL", 200L));
        assertThat(report.render())
                .contains("CPU during the freshness workload")
                .containsPattern("loader-service +100 +\\(3\\.0 CPU s\\)")
                .containsPattern("all of them +300\n")
                .containsPattern("land +10\\.0 +\\(300 timings, 3\\.0 s\\)")
                .containsPattern("derive +15\\.0 +\\(300 timings, 4\\.5 s\\)")
                .contains("the bench JVM's own collections during the freshness workload (each stopped its writers,"
                        + " its probe and the broker in it): 3, 95 ms in all, the longest 60 ms");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) report.toMap().get("freshness");
        assertThat(json).containsEntry("cpuMicrosPerChange", freshness.cpuMicrosPerChange());
        assertThat(json.get("stages").toString()).contains("derive={meanMs=15.0, timings=300, seconds=4.5}");
        assertThat(json.get("benchJvmPauses")).hasToString("{count=3, totalMs=95, longestMs=60}");
    }

    @Test
    void shouldReportTheTimeOfEachStagePerSourceRowOfTheInitialLoad() {
        Map<String, Duration> stages = new java.util.LinkedHashMap<>();
        stages.put("capture", Duration.ofMillis(300));
        stages.put("derive", Duration.ofSeconds(3));

        BenchReport report = report(null, Map.of(), Map.of(), Map.of(), stages);

        assertThat(report.stageMicrosPerRow()).containsExactly(Map.entry("capture", 300L), Map.entry("derive", 3000L));
        assertThat(report.render())
                .contains("time in each stage during the initial load")
                .containsPattern("derive +3,000 +\\(3\\.0 s\\)");
        assertThat(report.toMap()).containsKey("stageMicrosPerRow");
    }

    @Test
    void shouldReportHeapNonHeapAndRssOfEachServiceAgainstTheTarget() {
        long mib = 1024 * 1024;
        Map<String, OptionalLong> rss = new LinkedHashMap<>();
        rss.put("loader-service", OptionalLong.of(250 * 1024));
        rss.put("quality-service", OptionalLong.of(270 * 1024));
        Map<String, Optional<JvmMemory>> jvm = new LinkedHashMap<>();
        jvm.put(
                "loader-service",
                Optional.of(new JvmMemory(40 * mib, 64 * mib, 90 * mib, 95 * mib, 70 * mib, 12 * mib, 2 * mib)));
        jvm.put("quality-service", Optional.empty());

        BenchReport report = report(null, rss, jvm, Map.of(), Map.of());

        assertThat(report.render())
                .containsPattern("loader-service +250 \\(met\\) +40 / 64 +90 / 95 +70 +12 +2\n")
                .containsPattern("quality-service +270 \\(over\\) +n/a +n/a +n/a +n/a +n/a\n");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> memory =
                (Map<String, Map<String, Object>>) report.toMap().get("memoryMb");
        assertThat(memory.get("loader-service"))
                .containsEntry("peakRss", 250L)
                .containsEntry("heapUsed", 40L)
                .containsEntry("heapCommitted", 64L)
                .containsEntry("nonHeapCommitted", 95L)
                .containsEntry("metaspaceUsed", 70L)
                .containsEntry("codeCacheUsed", 12L)
                .containsEntry("directUsed", 2L);
        assertThat(memory.get("quality-service")).containsOnlyKeys("peakRss");
    }

    /** A report whose initial loads ran at {@code referenceRowsPerS} and {@code pipelineRowsPerS}, 10 s each. */
    private static BenchReport report(
            FreshnessProbe.Result freshness,
            Map<String, OptionalLong> rss,
            long referenceRowsPerS,
            long pipelineRowsPerS) {
        return new BenchReport(
                Instant.parse("2026-01-01T00:00:00Z"),
                Map.of("cores", 2, "loadAverages", "1.0 start"),
                "processes",
                Duration.ofSeconds(30),
                new LoadResult(
                        Map.of("order_items", pipelineRowsPerS * 10),
                        1,
                        Duration.ofSeconds(10),
                        Duration.ZERO,
                        Duration.ZERO),
                new LoadResult(
                        Map.of("order_items", referenceRowsPerS * 10),
                        1,
                        Duration.ofSeconds(10),
                        Duration.ZERO,
                        Duration.ZERO),
                Map.of("copy order_items", 4.0),
                SAME,
                "RECONCILED",
                true,
                freshness,
                rss,
                Map.of(),
                OptionalLong.empty(),
                Map.of(),
                Map.of());
    }

    private static BenchReport report(FreshnessProbe.Result freshness, Map<String, OptionalLong> rss) {
        return report(freshness, rss, Map.of(), Map.of(), Map.of());
    }

    private static BenchReport report(
            FreshnessProbe.Result freshness, Map<String, OptionalLong> rss, Map<String, Duration> cpu) {
        return report(freshness, rss, Map.of(), cpu, Map.of());
    }

    private static BenchReport report(
            FreshnessProbe.Result freshness,
            Map<String, OptionalLong> rss,
            Map<String, Optional<JvmMemory>> jvm,
            Map<String, Duration> cpu,
            Map<String, Duration> stages) {
        LoadResult pipeline =
                new LoadResult(Map.of("order_items", 1000L), 1, Duration.ofSeconds(20), Duration.ZERO, Duration.ZERO);
        LoadResult reference =
                new LoadResult(Map.of("order_items", 1000L), 1, Duration.ofSeconds(10), Duration.ZERO, Duration.ZERO);
        return new BenchReport(
                Instant.parse("2026-01-01T00:00:00Z"),
                Map.of("cores", 2, "loadAverages", "1.0 start"),
                "processes",
                Duration.ofSeconds(30),
                pipeline,
                reference,
                Map.of("copy order_items", 4.0, "build fact_vendas", 6.0),
                SAME,
                "RECONCILED",
                true,
                freshness,
                rss,
                jvm,
                OptionalLong.empty(),
                cpu,
                stages);
    }
}
