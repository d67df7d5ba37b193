package io.esteira.extractor.route;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.extractor.capture.EntityExtractor;
import io.esteira.extractor.capture.ExtractorMetrics;
import io.esteira.extractor.config.ExtractorProperties;
import io.esteira.runtime.route.ErrorHandlingRoutes;
import java.time.Duration;
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

    /** The Quartz group of the extraction jobs; the job of an entity is named after it. */
    public static final String QUARTZ_GROUP = "esteira-extract";

    public static String wakeUpUri(String entity) {
        return "direct:extract-" + entity;
    }

    /**
     * The Quartz trigger of an interval. Clustered, it is a cron expression: every replica then declares
     * the very same trigger, whereas a simple trigger carries its start time, and a replica that starts
     * later would replace it while another replica is running the job — which would let the entity run
     * twice at once. So a clustered interval must be whole seconds below a minute or whole minutes.
     */
    String schedule(Duration interval) {
        if (!properties.clustered()) {
            return "trigger.repeatInterval=" + interval.toMillis();
        }
        long seconds = interval.getSeconds();
        if (interval.getNano() == 0 && seconds >= 1 && seconds < 60) {
            return "cron=0/" + seconds + "+*+*+*+*+?";
        }
        if (interval.getNano() == 0 && seconds % 60 == 0 && seconds / 60 >= 1 && seconds / 60 < 60) {
            return "cron=0+0/" + (seconds / 60) + "+*+*+*+?";
        }
        throw new IllegalStateException("esteira.extractor.interval " + interval + " cannot be a clustered schedule;"
                + " use whole seconds below a minute (PT5S) or whole minutes below an hour (PT5M)");
    }

    @Override
    public void configure() {
        for (EntityDefinition entity : catalog.loadOrder()) {
            if (!properties.enabledInConfig(entity.name())) {
                continue;
            }
            metrics.register(entity.name());
            from("quartz:" + QUARTZ_GROUP + "/" + entity.name() + "?stateful=true&"
                            + schedule(properties.intervalOf(entity.name())))
                    .routeId("extract-" + entity.name())
                    .routeConfigurationId(ErrorHandlingRoutes.ID)
                    .process(exchange -> exchange.getMessage().setBody(extractor.run(entity)));
            from(wakeUpUri(entity.name()))
                    .routeId("wake-" + entity.name())
                    .routeConfigurationId(ErrorHandlingRoutes.ID)
                    .process(exchange -> exchange.getMessage().setBody(extractor.run(entity)));
        }
    }
}
