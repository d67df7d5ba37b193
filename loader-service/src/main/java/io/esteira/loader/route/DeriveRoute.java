package io.esteira.loader.route;

import io.esteira.loader.apply.Deriver;
import io.esteira.loader.config.LoaderProperties;
import io.esteira.runtime.route.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code derive}: every {@code esteira.loader.derive-interval}, drains the derive queue that the {@code
 * load-<entity>} routes fill ({@link Deriver}). Every loader runs it; the derive lock lets one pass run
 * at a time, and the others' ticks find it taken and wait for the next.
 */
@Component
public class DeriveRoute extends RouteBuilder {

    private final Deriver deriver;
    private final LoaderProperties properties;

    public DeriveRoute(Deriver deriver, LoaderProperties properties) {
        this.deriver = deriver;
        this.properties = properties;
    }

    @Override
    public void configure() {
        from("timer:derive?period=" + Math.max(1, properties.deriveInterval().toMillis()))
                .routeId("derive")
                .routeConfigurationId(ErrorHandlingRoutes.ID)
                .process(exchange -> exchange.getIn().setBody(deriver.drain()));
    }
}
