package io.esteira.alerting.route;

import io.esteira.alerting.dispatch.Dispatcher;
import io.esteira.alerting.dispatch.Notification;
import io.esteira.alerting.dispatch.NotifiedAlert;
import io.esteira.alerting.routing.RouteNode;
import io.esteira.contracts.AlertEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a notification after its attempts. Delivered: the dispatcher marks its group notified.
 * Dead (the last attempt failed): it is recorded as {@code dead} in {@code audit.alert_log} and, with the
 * reason, in the notification log {@code audit.alert_notification} (listable and replayable through
 * {@code /api/notifications}); its group is not marked notified, so the dispatcher forms it again at the
 * next {@code group_interval}; and a {@code delivery} alert about it goes to the fallback receiver
 * (through the dispatcher, so repeated failures of one group are one alert). The alert resolves when
 * that receiver next accepts a notification of the same group. Delivery alerts never raise delivery
 * alerts about themselves.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    public static final String SOURCE = "alerting-service";

    private final DeliveryAttempts attempts;
    private final Dispatcher dispatcher;
    private final Optional<RouteNode> fallbackRoute;
    private final Clock clock;

    public DeadLetters(
            DeliveryAttempts attempts, Dispatcher dispatcher, Optional<RouteNode> fallbackRoute, Clock clock) {
        this.attempts = attempts;
        this.dispatcher = dispatcher;
        this.fallbackRoute = fallbackRoute;
        this.clock = clock;
    }

    public void dead(Exchange exchange) {
        Notification notification = Exchanges.notification(exchange);
        attempts.dead(exchange);
        String error = DeliveryAttempts.describe(DeliveryAttempts.cause(exchange));
        log.error(
                "Notification {} to receiver {} is dead-lettered after {} attempts: {}",
                notification.id(),
                notification.receiver(),
                exchange.getProperty(Exchanges.ATTEMPT),
                error);
        try {
            dispatcher.failed(notification, error);
        } catch (RuntimeException e) {
            // The group stays claimed until delivery.in-flight-timeout, then the notification is formed again.
            log.error(
                    "Cannot record dead notification {} in audit.alert_notification: {}",
                    notification.id(),
                    e.getMessage());
        }
        if (!notification.raisesDeliveryAlert() || fallbackRoute.isEmpty()) {
            return;
        }
        AlertEvent alert =
                deliveryAlert(notification, exchange.getProperty(Exchanges.ATTEMPT, 1, Integer.class), error);
        dispatcher.acceptOn(alert, fallbackRoute.get(), false);
    }

    /**
     * After a successful delivery: marks the group notified, and resolves the delivery alert of that
     * receiver and group if one fires (the dispatcher ignores the resolution when none does).
     */
    public void delivered(Exchange exchange) {
        Notification notification = Exchanges.notification(exchange);
        try {
            dispatcher.delivered(notification);
        } catch (RuntimeException e) {
            // Never a failed delivery (that would send it again now): the group stays claimed until
            // delivery.in-flight-timeout and is then notified once more (at-least-once).
            log.error("Cannot mark notification {} delivered in the DW: {}", notification.id(), e.getMessage());
            return;
        }
        if (!notification.raisesDeliveryAlert() || fallbackRoute.isEmpty()) {
            return;
        }
        AlertEvent firing = deliveryAlert(notification, 0, "");
        dispatcher.acceptOn(
                new AlertEvent(
                        AlertEvent.SCHEMA,
                        UUID.randomUUID().toString(),
                        SOURCE,
                        AlertEvent.Kind.DELIVERY,
                        firing.severity(),
                        firing.entity(),
                        "Receiver " + notification.receiver() + " accepts notifications again",
                        Map.of("receiver", notification.receiver(), "groupKey", notification.groupKey()),
                        firing.fingerprint(),
                        AlertEvent.Status.resolved,
                        clock.instant(),
                        Map.of()),
                fallbackRoute.get(),
                false);
    }

    AlertEvent deliveryAlert(Notification notification, int attempts, String error) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("receiver", notification.receiver());
        details.put("notificationId", notification.id());
        details.put("groupKey", notification.groupKey());
        details.put("attempts", Integer.toString(attempts));
        details.put("error", error);
        details.put(
                "alerts",
                notification.alerts().stream().map(a -> a.event().fingerprint()).collect(Collectors.joining(", ")));
        Set<String> entities = notification.alerts().stream()
                .map(NotifiedAlert::event)
                .map(AlertEvent::entity)
                .filter(e -> e != null && !e.isEmpty())
                .collect(Collectors.toSet());
        return new AlertEvent(
                AlertEvent.SCHEMA,
                UUID.randomUUID().toString(),
                SOURCE,
                AlertEvent.Kind.DELIVERY,
                AlertEvent.Severity.critical,
                entities.size() == 1 ? entities.iterator().next() : null,
                "Notification to receiver " + notification.receiver() + " failed after " + attempts + " attempts: "
                        + error,
                details,
                fingerprint(notification),
                AlertEvent.Status.firing,
                clock.instant(),
                Map.of());
    }

    static String fingerprint(Notification notification) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((notification.receiver() + "\n" + notification.groupKey())
                            .getBytes(StandardCharsets.UTF_8));
            return "delivery/" + notification.receiver() + "/" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }
}
