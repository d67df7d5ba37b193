package io.esteira.quality.route;

import io.esteira.quality.config.QualityProperties;
import io.esteira.quality.run.AlertOutbox;
import io.esteira.runtime.route.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Route {@code alert-outbox}: every {@code esteira.quality.alert-outbox-period} (PT1S) sends what
 * {@code audit.alert_outbox} holds to {@code dw.alerts} ({@link AlertOutbox}). A failed round is
 * retried by the next one; the rows stay until the broker confirms.
 */
@Component
public class AlertOutboxRoute extends RouteBuilder {

    public static final String ROUTE_ID = "alert-outbox";

    private final AlertOutbox outbox;
    private final QualityProperties properties;

    public AlertOutboxRoute(AlertOutbox outbox, QualityProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
    }

    @Override
    public void configure() {
        from("timer:alert-outbox?delay=0&period="
                        + properties.alertOutboxPeriod().toMillis())
                .routeId(ROUTE_ID)
                .routeConfigurationId(ErrorHandlingRoutes.ID)
                .process(exchange -> outbox.drain());
    }
}
