package io.esteira.alerting.dispatch;

import io.esteira.contracts.AlertEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one receiver is told about one group at one flush: the group's firing alerts and the ones
 * resolved since the last notification.
 *
 * @param id unique per notification; the same across its delivery attempts
 * @param routeId the routing-tree node that formed the group
 * @param groupKey the route and the values of its {@code group_by} labels
 * @param status firing when any alert fires, else resolved
 * @param raisesDeliveryAlert false for notifications that are themselves delivery alerts, so that a
 *     failing fallback receiver cannot raise alerts about itself forever
 */
public record Notification(
        String id,
        String receiver,
        String routeId,
        String groupKey,
        Map<String, String> groupLabels,
        AlertEvent.Status status,
        List<NotifiedAlert> alerts,
        Instant createdAt,
        boolean raisesDeliveryAlert) {

    public Notification {
        groupLabels = Map.copyOf(groupLabels);
        alerts = List.copyOf(alerts);
    }

    public List<NotifiedAlert> firing() {
        return alerts.stream().filter(a -> !a.resolved()).toList();
    }

    public List<NotifiedAlert> resolved() {
        return alerts.stream().filter(NotifiedAlert::resolved).toList();
    }
}
