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

    /** Stage name to the Prometheus sum of its timer, in pipeline order. */
    static final Map<String, String> STAGES = stages();

    /** Seconds per stage at one moment; a stage no service answered for is absent. */
    record Snapshot(Map<String, Double> seconds) {

        /** The stages' time between {@code before} and this snapshot. */
        Map<String, Duration> since(Snapshot before) {
            Map<String, Duration> spent = new LinkedHashMap<>();
            seconds.forEach((stage, now) -> spent.put(
                    stage, Duration.ofNanos(Math.round((now - before.seconds().getOrDefault(stage, 0.0)) * 1e9))));
            return spent;
        }
    }

    private StageTimes() {}

    /** Reads every endpoint's metrics; an endpoint that does not answer adds nothing. */
    static Snapshot take(Collection<URI> prometheusEndpoints) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (URI endpoint : prometheusEndpoints) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            PrometheusScrape.text(endpoint)
                    .ifPresent(text -> parse(text).forEach((stage, value) -> seconds.merge(stage, value, Double::sum)));
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        STAGES.keySet().stream().filter(seconds::containsKey).forEach(stage -> ordered.put(stage, seconds.get(stage)));
        return new Snapshot(ordered);
    }

    /** The stage sums in a Prometheus text exposition, every series of a timer added up. */
    static Map<String, Double> parse(String exposition) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (PrometheusScrape.Sample sample : PrometheusScrape.samples(exposition)) {
            STAGES.forEach((stage, sum) -> {
                if (sample.name().equals(sum)) {
                    seconds.merge(stage, sample.value(), Double::sum);
                }
            });
        }
        return seconds;
    }

    private static Map<String, String> stages() {
        Map<String, String> stages = new LinkedHashMap<>();
        stages.put("capture", "esteira_extractor_read_seconds_sum");
        stages.put("send", "esteira_extractor_send_seconds_sum");
        stages.put("parse", "esteira_loader_read_seconds_sum");
        stages.put("land", "esteira_loader_apply_seconds_sum");
        stages.put("derive", "esteira_loader_derive_seconds_sum");
        return Collections.unmodifiableMap(stages);
    }
}
