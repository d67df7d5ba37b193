package io.esteira.extractor.route;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.extractor.capture.EntityExtractor;
import io.esteira.extractor.capture.ExtractorMetrics;
import io.esteira.extractor.config.ExtractorProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One route per catalog entity, {@code extract-<entity>}, fired by a Quartz trigger at the entity's
 * interval (stateful: a slow run is never overlapped by the next fire) and by {@code
 * direct:extract-<entity>} for wake-ups (PostgreSQL notifications).
 */
@Component
public class ExtractionRoutes extends RouteBuilder {

    private final EntityCatalog catalog;
    private final EntityExtractor extractor;
    private final ExtractorProperties properties;
    private final ExtractorMetrics metrics;

    public ExtractionRoutes(
            EntityCatalog catalog,
            EntityExtractor extractor,
            ExtractorProperties properties,
            ExtractorMetrics metrics) {
        this.catalog = catalog;
        this.extractor = extractor;
        this.properties = properties;
        this.metrics = metrics;
    }

    public static String wakeUpUri(String entity) {
        return "direct:extract-" + entity;
    }

    @Override
    public void configure() {
        for (EntityDefinition entity : catalog.loadOrder()) {
            if (!properties.enabledInConfig(entity.name())) {
                continue;
            }
            metrics.register(entity.name());
            from("quartz:esteira-extract/" + entity.name() + "?stateful=true&trigger.repeatInterval="
                            + properties.intervalOf(entity.name()).toMillis())
                    .routeId("extract-" + entity.name())
                    .process(exchange -> exchange.getMessage().setBody(extractor.run(entity)));
            from(wakeUpUri(entity.name())).routeId("wake-" + entity.name()).process(exchange -> exchange.getMessage()
                    .setBody(extractor.run(entity)));
        }
    }
}
