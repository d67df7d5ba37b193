package io.esteira.loader.route;

import io.esteira.loader.apply.Deriver;
import io.esteira.loader.config.LoaderProperties;
import io.esteira.runtime.route.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code derive}: drains the derive queue that the {@code load-<entity>} routes fill ({@link Deriver}) as
 * soon as a batch of this loader lands (its route wakes the deriver), and otherwise every {@code
 * esteira.loader.derive-interval}. Every loader runs it; the derive lock lets one pass run
 * at a time, and the others' ticks find it taken and wait for the next. When the loader stops, the deriver
 * stops first ({@link Deriver#stop()}), so that the route's drain in flight ends after its pass instead of
 * holding Camel's shutdown for a whole backlog.
 */
@Component
public class DeriveRoute extends RouteBuilder {

    private final Deriver deriver;
    private final LoaderProperties properties;
    private final ApplicationContext context;

    public DeriveRoute(Deriver deriver, LoaderProperties properties, ApplicationContext context) {
        this.deriver = deriver;
        this.properties = properties;
        this.context = context;
    }

    @Override
    public void configure() {
        // A loop rather than a tick: each run waits for a landed batch's wake (or the interval, for keys
        // other loaders queued), then drains; the timer restarts it 1 ms after it returns.
        from("timer:derive?period=1")
                .routeId("derive")
                .routeConfigurationId(ErrorHandlingRoutes.ID)
                .process(exchange -> exchange.getIn().setBody(deriver.drainWhenDue(properties.deriveInterval())));
    }

    /**
     * Before Camel stops its routes (which waits for the drain in flight) and before the pools close. Only when
     * this loader's own context closes: a child's event (the management server's, on its own port) reaches
     * this listener too.
     */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void stopDeriving(ContextClosedEvent closed) {
        if (closed.getApplicationContext() == context) {
            deriver.stop();
        }
    }
}
