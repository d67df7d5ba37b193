package io.esteira.alerting.route;

import io.esteira.alerting.dispatch.Notification;
import org.apache.camel.Exchange;

/** Names of the exchange properties the delivery routes share. */
final class Exchanges {

    static final String NOTIFICATION = "esteiraNotification";
    static final String RECEIVER = "esteiraReceiver";
    static final String ATTEMPT = "esteiraAttempt";
    static final String STARTED_NANOS = "esteiraAttemptStartedNanos";

    private Exchanges() {}

    static Notification notification(Exchange exchange) {
        Notification notification = exchange.getProperty(NOTIFICATION, Notification.class);
        if (notification == null) {
            throw new IllegalStateException("Exchange " + exchange.getExchangeId() + " carries no notification");
        }
        return notification;
    }
}
