package io.esteira.local.bench;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A service JVM's memory by area, as its own Micrometer gauges report it on the open
 * {@code /actuator/prometheus} endpoint ({@code jvm_memory_used_bytes} and {@code
 * jvm_memory_committed_bytes} per {@code area} and pool {@code id}, {@code jvm_buffer_memory_used_bytes}
 * of the {@code direct} pool). What the JVM accounts for; the RSS also holds what it does not (thread
 * stacks, the JIT's arenas, GC structures, malloc arenas, mapped jars).
 *
 * @param heapUsed bytes in use in all heap pools
 * @param heapCommitted bytes of heap the JVM has committed (the heap's share of the RSS, at most)
 * @param nonHeapUsed bytes in use in all non-heap pools (metaspace, compressed class space, code cache)
 * @param nonHeapCommitted bytes committed to them
 * @param metaspaceUsed class metadata in use (pool {@code Metaspace})
 * @param codeCacheUsed compiled code in use (pool {@code CodeCache} or the three {@code CodeHeap '…'})
 * @param directUsed direct byte buffers in use (Netty, the Artemis client, the JDBC drivers' I/O)
 */
record JvmMemory(
        long heapUsed,
        long heapCommitted,
        long nonHeapUsed,
        long nonHeapCommitted,
        long metaspaceUsed,
        long codeCacheUsed,
        long directUsed) {

    private static final Set<String> GAUGES =
            Set.of("jvm_memory_used_bytes", "jvm_memory_committed_bytes", "jvm_buffer_memory_used_bytes");

    /** Reads the gauges from a service's {@code /actuator/prometheus}; empty when it does not answer. */
    static Optional<JvmMemory> read(URI prometheus) {
        return PrometheusScrape.text(prometheus).flatMap(JvmMemory::parse);
    }

    /** From Prometheus text exposition; empty when it holds no {@code jvm_memory_*} gauge. */
    static Optional<JvmMemory> parse(String exposition) {
        Map<String, Long> sums = new LinkedHashMap<>();
        boolean found = false;
        for (PrometheusScrape.Sample sample : PrometheusScrape.samples(exposition)) {
            if (!GAUGES.contains(sample.name())) {
                continue;
            }
            Map<String, String> labels = sample.labels();
            long value = (long) sample.value();
            String metric = sample.name();
            String id = labels.getOrDefault("id", "");
            if (metric.equals("jvm_buffer_memory_used_bytes")) {
                if (id.equals("direct")) {
                    sums.merge("direct", value, Long::sum);
                }
                continue;
            }
            found = true;
            String kind = metric.equals("jvm_memory_used_bytes") ? "used" : "committed";
            sums.merge(labels.getOrDefault("area", "?") + "." + kind, value, Long::sum);
            if (kind.equals("used") && id.equals("Metaspace")) {
                sums.merge("metaspace", value, Long::sum);
            }
            if (kind.equals("used") && (id.equals("CodeCache") || id.startsWith("CodeHeap"))) {
                sums.merge("codeCache", value, Long::sum);
            }
        }
        if (!found) {
            return Optional.empty();
        }
        return Optional.of(new JvmMemory(
                sums.getOrDefault("heap.used", 0L),
                sums.getOrDefault("heap.committed", 0L),
                sums.getOrDefault("nonheap.used", 0L),
                sums.getOrDefault("nonheap.committed", 0L),
                sums.getOrDefault("metaspace", 0L),
                sums.getOrDefault("codeCache", 0L),
                sums.getOrDefault("direct", 0L)));
    }

    /** In MiB, rounded, in the order of the report's columns. */
    Map<String, Long> toMb() {
        Map<String, Long> mb = new LinkedHashMap<>();
        mb.put("heapUsed", mb(heapUsed));
        mb.put("heapCommitted", mb(heapCommitted));
        mb.put("nonHeapUsed", mb(nonHeapUsed));
        mb.put("nonHeapCommitted", mb(nonHeapCommitted));
        mb.put("metaspaceUsed", mb(metaspaceUsed));
        mb.put("codeCacheUsed", mb(codeCacheUsed));
        mb.put("directUsed", mb(directUsed));
        return mb;
    }

    static long mb(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0));
    }
}
