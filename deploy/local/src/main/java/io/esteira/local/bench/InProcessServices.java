package io.esteira.local.bench;

import io.esteira.embedded.EmbeddedBroker;
import io.esteira.local.stack.LocalStack;
import io.esteira.local.stack.StackOptions;
import io.esteira.runtime.config.Endpoint;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** The four services in the benchmark's JVM ({@link LocalStack}): no per-service memory figure. */
final class InProcessServices implements ServiceHost {

    private final LocalStack stack;

    private InProcessServices(LocalStack stack) {
        this.stack = stack;
    }

    static InProcessServices start(
            Endpoint oltp, Endpoint dw, Map<String, String> properties, Consumer<String> status) {
        return new InProcessServices(LocalStack.start(new StackOptions(oltp, dw, null, 0, 0, properties), status));
    }

    @Override
    public String mode() {
        return "in-process";
    }

    @Override
    public EmbeddedBroker broker() {
        return stack.embeddedBroker();
    }

    @Override
    public Map<String, OptionalLong> peakRssKb() {
        return Map.of();
    }

    @Override
    public Map<String, Optional<JvmMemory>> jvmMemory() {
        return Map.of();
    }

    @Override
    public Map<String, Long> pids() {
        return Map.of();
    }

    @Override
    public void requireAlive() {
        for (String service : stack.serviceNames()) {
            if (!stack.context(service).isActive()) {
                throw new BenchException(service + " stopped during the benchmark; see esteira-local.log.");
            }
        }
    }

    @Override
    public void close() {
        stack.close();
    }
}
