package io.esteira.alerting.dispatch;

import io.esteira.alerting.model.Labels;
import io.esteira.alerting.routing.RouteNode;
import io.esteira.alerting.silence.InhibitRule;
import io.esteira.alerting.silence.SilenceStore;
import io.esteira.contracts.AlertEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Alertmanager's dispatcher, for {@link AlertEvent}s: routes each event, keeps the latest state of
 * every alert (by fingerprint) in aggregation groups, and at {@link #flush()} tells which groups are
 * due a notification.
 *
 * <ul>
 *   <li>A new group waits {@code group_wait} before its first notification, so that a burst of events
 *       (100 copies of one alert, or several alerts of one group) becomes one notification.
 *   <li>After that the group is looked at every {@code group_interval}: it notifies when an alert
 *       started firing or resolved since its last notification, and otherwise repeats the firing
 *       alerts once {@code repeat_interval} has passed.
 *   <li>Resolved alerts are notified (when the receiver wants them) only if they had been notified as
 *       firing, then leave the group; an empty group is dropped.
 *   <li>Silenced or inhibited alerts are left out of notifications while muted.
 *   <li>An event id seen before is ignored (redelivery), and so is an event older than the alert's
 *       latest.
 * </ul>
 *
 * Thread-safe: intake threads and the flush timer share one instance.
 */
public final class Dispatcher {

    public enum Outcome {
        /** The event changed (or created) an alert in at least one group. */
        ACCEPTED,
        /** The event id was seen before. */
        DUPLICATE,
        /** The alert already has a newer event. */
        STALE,
        /** A resolved event for an alert no group holds: nothing to resolve. */
        NOTHING_TO_RESOLVE
    }

    /**
     * @param receivers the receivers of the routes the event matched
     * @param muted whether the alert is silenced or inhibited right now
     */
    public record Intake(Outcome outcome, List<String> receivers, boolean muted) {}

    private static final int REMEMBERED_EVENT_IDS = 10_000;

    private final RouteNode root;
    private final Predicate<String> sendResolved;
    private final SilenceStore silences;
    private final List<InhibitRule> inhibitRules;
    private final Clock clock;

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, AlertEvent> firing = new HashMap<>();
    private final Set<String> recentIds = java.util.Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_EVENT_IDS;
        }
    });

    /**
     * @param sendResolved whether a receiver (by name) wants resolved notifications
     */
    public Dispatcher(
            RouteNode root,
            Predicate<String> sendResolved,
            SilenceStore silences,
            List<InhibitRule> inhibitRules,
            Clock clock) {
        this.root = root;
        this.sendResolved = sendResolved;
        this.silences = silences;
        this.inhibitRules = List.copyOf(inhibitRules);
        this.clock = clock;
    }

    /** Routes the event through the tree and files it in the groups of the matching routes. */
    public synchronized Intake accept(AlertEvent event) {
        return place(event, root.match(Labels.of(event)), true);
    }

    /**
     * Files the event on one given route, bypassing the tree (the fallback route of delivery alerts).
     *
     * @param raisesDeliveryAlert whether a dead notification of this group raises a delivery alert
     */
    public synchronized Intake acceptOn(AlertEvent event, RouteNode route, boolean raisesDeliveryAlert) {
        return place(event, List.of(route), raisesDeliveryAlert);
    }

    private Intake place(AlertEvent event, List<RouteNode> routes, boolean raisesDeliveryAlert) {
        Map<String, String> labels = Labels.of(event);
        List<String> receivers =
                routes.stream().map(RouteNode::receiver).distinct().toList();
        if (event.id() != null && !recentIds.add(event.id())) {
            return new Intake(Outcome.DUPLICATE, receivers, false);
        }
        Instant now = clock.instant();
        Instant occurredAt = event.occurredAt() == null ? now : event.occurredAt();
        updateFiringStore(event, occurredAt);
        Outcome outcome = Outcome.NOTHING_TO_RESOLVE;
        for (RouteNode route : routes) {
            Map<String, String> groupLabels = new LinkedHashMap<>();
            for (String label : route.groupBy()) {
                groupLabels.put(label, labels.getOrDefault(label, ""));
            }
            String key = route.id() + groupLabels;
            Group group = groups.get(key);
            if (event.status() == AlertEvent.Status.resolved
                    && (group == null || !group.alerts.containsKey(event.fingerprint()))) {
                continue;
            }
            if (group == null) {
                group = new Group(key, route, groupLabels, now.plus(route.groupWait()), raisesDeliveryAlert);
                groups.put(key, group);
            }
            if (group.put(event, occurredAt)) {
                outcome = Outcome.ACCEPTED;
            } else if (outcome != Outcome.ACCEPTED) {
                outcome = Outcome.STALE;
            }
        }
        return new Intake(outcome, receivers, outcome == Outcome.ACCEPTED && isMuted(labels));
    }

    private void updateFiringStore(AlertEvent event, Instant occurredAt) {
        AlertEvent known = firing.get(event.fingerprint());
        if (known != null && known.occurredAt() != null && occurredAt.isBefore(known.occurredAt())) {
            return;
        }
        if (event.status() == AlertEvent.Status.firing) {
            firing.put(event.fingerprint(), event);
        } else {
            firing.remove(event.fingerprint());
        }
    }

    /** The notifications due now; advances the state of the groups that produced them. */
    public synchronized List<Notification> flush() {
        Instant now = clock.instant();
        Collection<Map<String, String>> firingLabels =
                firing.values().stream().map(Labels::of).toList();
        List<Notification> due = new ArrayList<>();
        for (Iterator<Group> it = groups.values().iterator(); it.hasNext(); ) {
            Group group = it.next();
            if (group.nextFlush.isAfter(now)) {
                continue;
            }
            List<NotifiedAlert> firingAlerts = new ArrayList<>();
            List<NotifiedAlert> resolvedAlerts = new ArrayList<>();
            for (NotifiedAlert alert : group.alerts.values()) {
                if (!alert.resolved()) {
                    if (!isMuted(alert.labels(), firingLabels)) {
                        firingAlerts.add(alert);
                    }
                } else if (group.notifiedFiring.contains(alert.event().fingerprint())
                        && sendResolved.test(group.route.receiver())) {
                    resolvedAlerts.add(alert);
                }
            }
            Set<String> firingFingerprints = new HashSet<>();
            firingAlerts.forEach(a -> firingFingerprints.add(a.event().fingerprint()));
            boolean changed = !group.notifiedFiring.containsAll(firingFingerprints) || !resolvedAlerts.isEmpty();
            boolean repeatDue =
                    group.lastNotified != null && !now.isBefore(group.lastNotified.plus(group.route.repeatInterval()));
            if ((!firingAlerts.isEmpty() || !resolvedAlerts.isEmpty()) && (changed || repeatDue)) {
                List<NotifiedAlert> alerts = new ArrayList<>(firingAlerts);
                alerts.addAll(resolvedAlerts);
                due.add(new Notification(
                        UUID.randomUUID().toString(),
                        group.route.receiver(),
                        group.route.id(),
                        group.key,
                        group.groupLabels,
                        firingAlerts.isEmpty() ? AlertEvent.Status.resolved : AlertEvent.Status.firing,
                        alerts,
                        now,
                        group.raisesDeliveryAlert));
                group.lastNotified = now;
                group.notifiedFiring = firingFingerprints;
            }
            group.alerts.values().removeIf(NotifiedAlert::resolved);
            if (group.alerts.isEmpty()) {
                it.remove();
            } else {
                group.nextFlush = now.plus(group.route.groupInterval());
            }
        }
        return due;
    }

    /** Whether the alert with these labels is silenced or inhibited now. */
    public synchronized boolean isMuted(Map<String, String> labels) {
        return isMuted(labels, firing.values().stream().map(Labels::of).toList());
    }

    private boolean isMuted(Map<String, String> labels, Collection<Map<String, String>> firingLabels) {
        if (silences.isSilenced(labels)) {
            return true;
        }
        for (InhibitRule rule : inhibitRules) {
            if (rule.inhibits(labels, firingLabels)) {
                return true;
            }
        }
        return false;
    }

    /** Groups that hold at least one alert. */
    public synchronized int pendingGroups() {
        return groups.size();
    }

    private static final class Group {
        final String key;
        final RouteNode route;
        final Map<String, String> groupLabels;
        final boolean raisesDeliveryAlert;
        final Map<String, NotifiedAlert> alerts = new LinkedHashMap<>();
        Instant nextFlush;
        Instant lastNotified;
        Set<String> notifiedFiring = new HashSet<>();

        Group(
                String key,
                RouteNode route,
                Map<String, String> groupLabels,
                Instant nextFlush,
                boolean raisesDeliveryAlert) {
            this.key = key;
            this.route = route;
            this.groupLabels = Map.copyOf(groupLabels);
            this.nextFlush = nextFlush;
            this.raisesDeliveryAlert = raisesDeliveryAlert;
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
}
