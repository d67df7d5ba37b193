package io.esteira.alerting.route;

import io.esteira.alerting.delivery.AlertLog;
import io.esteira.alerting.dispatch.Notification;
import io.esteira.alerting.metrics.AlertingMetrics;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts, times and records each delivery attempt of a notification in {@code audit.alert_log}: the
 * {@code deliver-*} routes call {@link #begin} before and {@link #sent} after the endpoint; the
 * receiver route's error handler calls {@link #failed} on every exception. A failure to write the log
 * is logged, never turned into a failed delivery (which would send the notification again).
 */
public class DeliveryAttempts {

    private static final Logger log = LoggerFactory.getLogger(DeliveryAttempts.class);

    private final AlertLog alertLog;
    private final AlertingMetrics metrics;

    public DeliveryAttempts(AlertLog alertLog, AlertingMetrics metrics) {
        this.alertLog = alertLog;
        this.metrics = metrics;
    }

    public void begin(Exchange exchange) {
        int attempt = exchange.getProperty(Exchanges.ATTEMPT, 0, Integer.class) + 1;
        exchange.setProperty(Exchanges.ATTEMPT, attempt);
        exchange.setProperty(Exchanges.STARTED_NANOS, System.nanoTime());
    }

    public void sent(Exchange exchange) {
        Notification notification = Exchanges.notification(exchange);
        Integer code = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        Duration latency = latency(exchange);
        metrics.sent(notification.receiver(), latency);
        record(
                notification,
                new AlertLog.Attempt(
                        notification.receiver(),
                        attempt(exchange),
                        AlertLog.Outcome.sent,
                        code,
                        latency.toMillis(),
                        null));
    }

    public void failed(Exchange exchange) {
        Notification notification = exchange.getProperty(Exchanges.NOTIFICATION, Notification.class);
        if (notification == null) {
            return;
        }
        Throwable cause = cause(exchange);
        Integer code = cause instanceof HttpOperationFailedException http ? http.getStatusCode() : null;
        metrics.failed(notification.receiver());
        log.warn(
                "Delivery attempt {} of notification {} to receiver {} failed: {}",
                attempt(exchange),
                notification.id(),
                notification.receiver(),
                describe(cause));
        record(
                notification,
                new AlertLog.Attempt(
                        notification.receiver(),
                        attempt(exchange),
                        AlertLog.Outcome.failed,
                        code,
                        latency(exchange).toMillis(),
                        describe(cause)));
    }

    /** Records the dead letter: the attempts are exhausted. */
    public void dead(Exchange exchange) {
        Notification notification = Exchanges.notification(exchange);
        Throwable cause = cause(exchange);
        metrics.dead(notification.receiver());
        record(
                notification,
                new AlertLog.Attempt(
                        notification.receiver(),
                        attempt(exchange),
                        AlertLog.Outcome.dead,
                        null,
                        null,
                        describe(cause)));
    }

    static Throwable cause(Exchange exchange) {
        Throwable cause = exchange.getException();
        if (cause == null) {
            cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        return cause;
    }

    static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown error";
        }
        if (cause instanceof HttpOperationFailedException http) {
            return "HTTP " + http.getStatusCode() + " from " + hostOf(http.getUri());
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Scheme, host and port: webhook paths may carry a secret token. */
    private static String hostOf(String uri) {
        try {
            java.net.URI parsed = java.net.URI.create(uri);
            return parsed.getScheme() + "://" + parsed.getHost() + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort());
        } catch (IllegalArgumentException e) {
            return "the webhook";
        }
    }

    private static int attempt(Exchange exchange) {
        return exchange.getProperty(Exchanges.ATTEMPT, 1, Integer.class);
    }

    private static Duration latency(Exchange exchange) {
        Long started = exchange.getProperty(Exchanges.STARTED_NANOS, Long.class);
        return started == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
    }

    private void record(Notification notification, AlertLog.Attempt attempt) {
        try {
            alertLog.record(notification.alerts(), attempt);
        } catch (RuntimeException e) {
            log.error(
                    "Cannot write attempt {} ({}) of notification {} to audit.alert_log: {}",
                    attempt.attempt(),
                    attempt.outcome(),
                    notification.id(),
                    e.getMessage());
        }
    }
}
