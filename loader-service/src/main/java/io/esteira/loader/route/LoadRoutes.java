package io.esteira.loader.route;

import io.esteira.contracts.Queues;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.loader.apply.BatchHandler;
import io.esteira.loader.apply.Deriver;
import io.esteira.loader.config.LoaderProperties;
import io.esteira.loader.dlq.DeadLetters;
import io.esteira.runtime.route.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One route per entity, {@code load-<entity>}, consuming {@code dw.changes.<entity>} in a JMS
 * transaction: the message is acknowledged only when the route ends normally, i.e. after the DW
 * transaction committed (or after the batch was moved to its DLQ). An exception rolls the message
 * back to the broker, which redelivers it after its redelivery delay.
 */
@Component
public class LoadRoutes extends RouteBuilder {

    private final EntityCatalog catalog;
    private final BatchHandler handler;
    private final LoaderProperties properties;
    private final Deriver deriver;

    public LoadRoutes(EntityCatalog catalog, BatchHandler handler, LoaderProperties properties, Deriver deriver) {
        this.catalog = catalog;
        this.handler = handler;
        this.properties = properties;
        this.deriver = deriver;
    }

    @Override
    public void configure() {
        // Redelivery belongs to the broker (delay doubling per attempt); the shared route configuration
        // never retries in place and leaves the failure unhandled, so the JMS transaction rolls back.
        var entities = properties.entities().isEmpty() ? catalog.loadOrder() : catalog.loadOrder(properties.entities());
        for (EntityDefinition entity : entities) {
            from("jms:queue:" + Queues.changes(entity.name()) + "?transacted=true&concurrentConsumers="
                            + properties.concurrency() + "&cacheLevelName=CACHE_CONSUMER"
                            // BatchHandler logs each failed attempt in one line; no stack per redelivery.
                            + "&errorHandlerLoggingLevel=DEBUG&errorHandlerLogStackTrace=false")
                    .routeId("load-" + entity.name())
                    .routeConfigurationId(ErrorHandlingRoutes.ID)
                    .process(exchange -> {
                        byte[] body = exchange.getIn().getBody(byte[].class);
                        Integer attempt = exchange.getIn().getHeader("JMSXDeliveryCount", Integer.class);
                        // BatchHandler logs a failed attempt itself, with the batch id and the attempt.
                        exchange.setProperty(ErrorHandlingRoutes.REPORTED_PROPERTY, true);
                        boolean replayed = exchange.getIn().getHeader(DeadLetters.REPLAYED_FROM) != null;
                        BatchHandler.Outcome outcome =
                                handler.handle(entity.name(), body, attempt == null ? 1 : attempt, replayed);
                        exchange.getIn().setHeader("esteira_outcome", outcome.name());
                        if (outcome == BatchHandler.Outcome.APPLIED) {
                            // Committed: its keys are queued and visible to a derive pass now.
                            deriver.wake();
                        }
                    });
        }
    }
}
