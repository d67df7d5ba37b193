package io.esteira.runtime.route;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one route configuration of every Esteira service's routes ({@code .routeConfigurationId(ID)}):
 * Camel never retries in place, and a failure is classified by {@link Failures} (property {@value
 * #FAILURE_PROPERTY}), logged once in one line (with its stack only when it is not retriable), and
 * left unhandled, so that whoever owns the retry does it: the broker redelivers a rolled-back JMS
 * message with its backoff (the loader, the alerting intake), a scheduled route runs again at its
 * next tick (extraction, checks, derive passes). What to dead-letter is the consumer's decision,
 * taken from the same {@link Failures} (the loader's {@code BatchHandler}), never the broker's and
 * Camel's both.
 */
public class ErrorHandlingRoutes extends RouteConfigurationBuilder {

    public static final String ID = "esteira-errors";

    /** Exchange property: the {@link Failures.Kind} of the failure that stopped the exchange. */
    public static final String FAILURE_PROPERTY = "esteira_failure";

    /**
     * Exchange property a route sets to true when its own code has already logged the failure with more
     * context (a batch id, an attempt): the failure is then logged here at debug level only.
     */
    public static final String REPORTED_PROPERTY = "esteira_failure_reported";

    private static final Logger log = LoggerFactory.getLogger(ErrorHandlingRoutes.class);

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                .handled(false)
                .maximumRedeliveries(0)
                .logExhausted(false)
                .logStackTrace(false)
                .process(ErrorHandlingRoutes::record);
    }

    private static void record(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Failures.Kind kind = Failures.classify(failure);
        exchange.setProperty(FAILURE_PROPERTY, kind.name());
        String route = exchange.getFromRouteId();
        String reason = failure == null ? "unknown" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (exchange.getProperty(REPORTED_PROPERTY, false, Boolean.class)) {
            log.debug("Route {} failed ({}), reported by the route: {}", route, kind, reason);
            return;
        }
        switch (kind) {
            case RETRIABLE -> log.warn(
                    "Route {} failed for a reason that heals by itself; its broker or schedule retries it: {}",
                    route,
                    reason);
            case FATAL -> log.error(
                    "Route {} failed on a message that can never be processed as it is: {}", route, reason, failure);
            default -> log.error("Route {} failed: {}", route, reason, failure);
        }
    }
}
