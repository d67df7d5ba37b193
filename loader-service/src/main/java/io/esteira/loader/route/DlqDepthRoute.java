package io.esteira.loader.route;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.loader.config.LoaderProperties;
import io.esteira.loader.dlq.DlqService;
import io.esteira.runtime.route.ErrorHandlingRoutes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code dlq-depth}: refreshes the gauge {@code esteira.loader.dlq.depth{entity}} on a timer, so a
 * Prometheus scrape never waits on the broker (the broker's own message count of each DLQ, not a browse).
 */
@Component
public class DlqDepthRoute extends RouteBuilder {

    private final EntityCatalog catalog;
    private final DlqService dlq;
    private final LoaderProperties properties;
    private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();

    public DlqDepthRoute(EntityCatalog catalog, DlqService dlq, LoaderProperties properties, MeterRegistry registry) {
        this.catalog = catalog;
        this.dlq = dlq;
        this.properties = properties;
        for (String entity : catalog.names()) {
            AtomicLong depth = depths.computeIfAbsent(entity, e -> new AtomicLong());
            Gauge.builder("esteira.loader.dlq.depth", depth, AtomicLong::get)
                    .description("Batches waiting in DLQ.dw.changes.<entity>")
                    .tag("entity", entity)
                    .strongReference(true)
                    .register(registry);
        }
    }

    @Override
    public void configure() {
        from("timer:dlq-depth?period=" + properties.dlqDepthInterval().toMillis())
                .routeId("dlq-depth")
                .routeConfigurationId(ErrorHandlingRoutes.ID)
                .process(exchange ->
                        catalog.names().forEach(entity -> depths.get(entity).set(dlq.depth(entity))));
    }
}
