package io.esteira.alerting.dispatch;

import io.esteira.contracts.AlertEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One aggregation group as {@code ctl.alert_group} stores it: the latest state of each of its alerts,
 * its timers, and what its last delivered notification said. Mutable; read and written under the
 * group's row lock by {@link DispatchStore}.
 */
final class Group {

    final String id;
    final String key;
    final String routeId;
    final String receiver;
    final Map<String, String> groupLabels;
    final boolean raisesDeliveryAlert;
    final Map<String, NotifiedAlert> alerts = new LinkedHashMap<>();
    Set<String> notifiedFiring = new LinkedHashSet<>();
    Instant nextFlush;
    Instant lastNotified;
    String inFlightNotification;
    Instant inFlightUntil;

    Group(
            String id,
            String key,
            String routeId,
            String receiver,
            Map<String, String> groupLabels,
            boolean raisesDeliveryAlert,
            Instant nextFlush) {
        this.id = id;
        this.key = key;
        this.routeId = routeId;
        this.receiver = receiver;
        this.groupLabels = Map.copyOf(groupLabels);
        this.raisesDeliveryAlert = raisesDeliveryAlert;
        this.nextFlush = nextFlush;
    }

    /** Records the event as the alert's latest state; false when the alert already has a newer one. */
    boolean put(AlertEvent event, Instant occurredAt) {
        NotifiedAlert known = alerts.get(event.fingerprint());
        if (known != null
                && known.event().occurredAt() != null
                && occurredAt.isBefore(known.event().occurredAt())) {
            return false;
        }
        boolean firingNow = event.status() == AlertEvent.Status.firing;
        Instant startsAt = known != null && !known.resolved() ? known.startsAt() : occurredAt;
        alerts.put(event.fingerprint(), new NotifiedAlert(event, startsAt, firingNow ? null : occurredAt));
        return true;
    }
}
