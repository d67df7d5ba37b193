package io.esteira.local.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The time the services spent in each stage of the pipeline, from their own timers on {@code
 * /actuator/prometheus} (open without a login): capture (the extractor's page reads), send (encoding a
 * batch and the broker's confirmation), parse (the loader reading and checking a batch), land (a batch's
 * landing transaction) and derive (the derive passes). Read before extraction is released and when the
 * load ends, the difference is the load's. These are the stages' elapsed times summed over their
 * threads, not CPU: waiting on a database or the broker counts, so they tell where a batch spends its
 * time, and the CPU figures ({@link ProcessCpu}) tell what it costs the machine.
 */
final class StageTimes {

    /** Stage name to the Prometheus name of its timer, in pipeline order. */
    static final Map<String, String> STAGES = stages();

    /**
     * Seconds per stage at one moment, and how many times each stage's timer was recorded (pages read,
     * batches sent, parsed and landed, derive passes); a stage no service answered for is absent.
     */
    record Snapshot(Map<String, Double> seconds, Map<String, Double> counts) {

        Snapshot(Map<String, Double> seconds) {
            this(seconds, Map.of());
        }

        /** The stages' time between {@code before} and this snapshot. */
        Map<String, Duration> since(Snapshot before) {
            Map<String, Duration> spent = new LinkedHashMap<>();
            seconds.forEach((stage, now) -> spent.put(
                    stage, Duration.ofNanos(Math.round((now - before.seconds().getOrDefault(stage, 0.0)) * 1e9))));
            return spent;
        }

        /** The stages' time and timings between {@code before} and this snapshot, for a mean per timing. */
        Map<String, Spent> spentSince(Snapshot before) {
            Map<String, Spent> spent = new LinkedHashMap<>();
            since(before)
                    .forEach((stage, time) -> spent.put(
                            stage,
                            new Spent(
                                    time,
                                    Math.round(counts.getOrDefault(stage, 0.0)
                                            - before.counts().getOrDefault(stage, 0.0)))));
            return spent;
        }
    }

    /**
     * A stage's time over a span, and how many timings it is made of (for the send, parse and land stages
     * one per batch, for derive one per pass, for capture one per page read).
     */
    record Spent(Duration time, long timings) {

        /** The mean time of one timing in milliseconds; NaN when there was none. */
        double meanMillis() {
            return timings == 0 ? Double.NaN : time.toNanos() / 1e6 / timings;
        }
    }

    private StageTimes() {}

    /** Reads every endpoint's metrics; an endpoint that does not answer adds nothing. */
    static Snapshot take(Collection<URI> prometheusEndpoints) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Double> counts = new LinkedHashMap<>();
        for (URI endpoint : prometheusEndpoints) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            PrometheusScrape.text(endpoint).ifPresent(text -> {
                parse(text).forEach((stage, value) -> seconds.merge(stage, value, Double::sum));
                parse(text, COUNT).forEach((stage, value) -> counts.merge(stage, value, Double::sum));
            });
        }
        return new Snapshot(ordered(seconds), ordered(counts));
    }

    private static Map<String, Double> ordered(Map<String, Double> byStage) {
        Map<String, Double> ordered = new LinkedHashMap<>();
        STAGES.keySet().stream().filter(byStage::containsKey).forEach(stage -> ordered.put(stage, byStage.get(stage)));
        return ordered;
    }

    private static final String SUM = "_sum";

    private static final String COUNT = "_count";

    /** The stage sums in a Prometheus text exposition, every series of a timer added up. */
    static Map<String, Double> parse(String exposition) {
        return parse(exposition, SUM);
    }

    /**
     * A statistic of each stage's timer ({@code _sum} or {@code _count}) in a Prometheus text exposition,
     * every series of the timer added up.
     */
    static Map<String, Double> parse(String exposition, String statistic) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (PrometheusScrape.Sample sample : PrometheusScrape.samples(exposition)) {
            STAGES.forEach((stage, timer) -> {
                if (sample.name().equals(timer + statistic)) {
                    values.merge(stage, sample.value(), Double::sum);
                }
            });
        }
        return values;
    }

    private static Map<String, String> stages() {
        Map<String, String> stages = new LinkedHashMap<>();
        stages.put("capture", "esteira_extractor_read_seconds");
        stages.put("send", "esteira_extractor_send_seconds");
        stages.put("parse", "esteira_loader_read_seconds");
        stages.put("land", "esteira_loader_apply_seconds");
        stages.put("derive", "esteira_loader_derive_seconds");
        return Collections.unmodifiableMap(stages);
    }
}
