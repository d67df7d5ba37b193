package io.esteira.local.bench;

import io.esteira.embedded.EmbeddedBroker;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The four services as the benchmark runs them: one JVM each, or all in the benchmark's JVM. */
interface ServiceHost extends AutoCloseable {

    /** {@code processes} or {@code in-process}. */
    String mode();

    /** The broker the services use (in the benchmark's JVM either way). */
    EmbeddedBroker broker();

    /** Peak resident memory per service in KiB; empty when the services share one JVM. */
    Map<String, OptionalLong> peakRssKb();

    /**
     * Heap and non-heap per service from its JVM's own gauges, read now; empty when the services share
     * one JVM, an empty value when a service's metrics did not answer.
     */
    Map<String, Optional<JvmMemory>> jvmMemory();

    /** Process id per service; empty when the services share the benchmark's JVM. */
    Map<String, Long> pids();

    /** Each service's {@code /actuator/prometheus}; empty when not known. */
    default List<URI> prometheusEndpoints() {
        return List.of();
    }

    /** Throws when a service has died. */
    void requireAlive();

    @Override
    void close();
}
