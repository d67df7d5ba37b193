package io.esteira.alerting.dispatch;

import io.esteira.alerting.model.Labels;
import io.esteira.alerting.routing.RouteNode;
import io.esteira.alerting.silence.InhibitRule;
import io.esteira.alerting.silence.SilenceStore;
import io.esteira.contracts.AlertEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
 * <p>The state lives in the DW ({@link DispatchStore}): an event is stored before {@link #accept}
 * returns (so the JMS intake acknowledges only what is stored), and a restart resumes every timer from
 * the stored groups. A group is marked notified only when its notification was delivered
 * ({@link #delivered}); after a failure ({@link #failed}) it is notified again at the next
 * {@code group_interval}. A crash while a notification is in flight makes it due again once
 * {@code inFlightTimeout} has passed (the lost one is logged {@code abandoned}): at-least-once, with at most
 * one repeat per crash. Replicas share
 * the state and claim due groups under row locks, so each notification is formed by one replica.
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

    /** How long event ids are remembered, to recognise a redelivery. */
    private static final Duration REMEMBER_EVENT_IDS = Duration.ofDays(7);

    private final RouteNode root;
    private final Map<String, RouteNode> routes = new LinkedHashMap<>();
    private final Predicate<String> sendResolved;
    private final SilenceStore silences;
    private final List<InhibitRule> inhibitRules;
    private final Clock clock;
    private final DispatchStore store;
    private final Duration inFlightTimeout;

    /**
     * @param otherRoutes routes outside the tree that {@link #acceptOn} files events on (the fallback
     *     route of delivery alerts)
     * @param sendResolved whether a receiver (by name) wants resolved notifications
     * @param inFlightTimeout how long a claimed notification may take to be delivered or given up
     *     before it is taken for lost (its replica crashed) and formed again
     */
    public Dispatcher(
            RouteNode root,
            List<RouteNode> otherRoutes,
            Predicate<String> sendResolved,
            SilenceStore silences,
            List<InhibitRule> inhibitRules,
            Clock clock,
            DispatchStore store,
            Duration inFlightTimeout) {
        this.root = root;
        root.flatten().forEach(route -> routes.put(route.id(), route));
        otherRoutes.forEach(route -> routes.putIfAbsent(route.id(), route));
        this.sendResolved = sendResolved;
        this.silences = silences;
        this.inhibitRules = List.copyOf(inhibitRules);
        this.clock = clock;
        this.store = store;
        this.inFlightTimeout = inFlightTimeout;
    }

    /** Routes the event through the tree and stores it in the groups of the matching routes. */
    public Intake accept(AlertEvent event) {
        return place(event, root.match(Labels.of(event)), true);
    }

    /**
     * Files the event on one given route, bypassing the tree (the fallback route of delivery alerts).
     *
     * @param raisesDeliveryAlert whether a dead notification of this group raises a delivery alert
     */
    public Intake acceptOn(AlertEvent event, RouteNode route, boolean raisesDeliveryAlert) {
        return place(event, List.of(route), raisesDeliveryAlert);
    }

    private Intake place(AlertEvent event, List<RouteNode> matched, boolean raisesDeliveryAlert) {
        Map<String, String> labels = Labels.of(event);
        List<String> receivers =
                matched.stream().map(RouteNode::receiver).distinct().toList();
        Outcome outcome = store.inTransaction(() -> {
            Instant now = clock.instant();
            if (event.id() != null && !store.markSeen(event.id(), now)) {
                return Outcome.DUPLICATE;
            }
            Instant occurredAt = event.occurredAt() == null ? now : event.occurredAt();
            Outcome result = Outcome.NOTHING_TO_RESOLVE;
            // Locks in group id order, so that two replicas never wait on each other in a cycle.
            Map<String, RouteNode> byGroup = new TreeMap<>();
            Map<String, Map<String, String>> groupLabelsById = new LinkedHashMap<>();
            for (RouteNode route : matched) {
                Map<String, String> groupLabels = new LinkedHashMap<>();
                for (String label : route.groupBy()) {
                    groupLabels.put(label, labels.getOrDefault(label, ""));
                }
                String id = groupId(route.id() + groupLabels);
                byGroup.put(id, route);
                groupLabelsById.put(id, groupLabels);
            }
            for (Map.Entry<String, RouteNode> entry : byGroup.entrySet()) {
                RouteNode route = entry.getValue();
                Map<String, String> groupLabels = groupLabelsById.get(entry.getKey());
                Optional<Group> stored = store.lock(entry.getKey());
                if (event.status() == AlertEvent.Status.resolved
                        && (stored.isEmpty() || !stored.get().alerts.containsKey(event.fingerprint()))) {
                    continue;
                }
                Group group = stored.orElseGet(() -> store.create(new Group(
                        entry.getKey(),
                        route.id() + groupLabels,
                        route.id(),
                        route.receiver(),
                        groupLabels,
                        raisesDeliveryAlert,
                        now.plus(route.groupWait()))));
                if (group.put(event, occurredAt)) {
                    store.save(group, now);
                    result = Outcome.ACCEPTED;
                } else if (result != Outcome.ACCEPTED) {
                    result = Outcome.STALE;
                }
            }
            return result;
        });
        return new Intake(outcome, receivers, outcome == Outcome.ACCEPTED && isMuted(labels));
    }

    /**
     * The notifications due now. Each is logged as pending in {@code audit.alert_notification} and its
     * group is claimed until {@link #delivered} or {@link #failed} (or {@code inFlightTimeout}); the group
     * is next looked at after {@code group_interval}.
     */
    public List<Notification> flush() {
        return store.inTransaction(() -> {
            Instant now = clock.instant();
            store.forgetSeenBefore(now.minus(REMEMBER_EVENT_IDS));
            List<Group> due = store.claimDue(now);
            if (due.isEmpty()) {
                return List.of();
            }
            Collection<Map<String, String>> firingLabels = store.firingLabels();
            List<Notification> notifications = new ArrayList<>();
            for (Group group : due) {
                RouteNode route = routes.get(group.routeId);
                if (route == null) {
                    route = orphanRoute(group);
                }
                String lost = group.inFlightNotification;
                notification(group, route, now, firingLabels).ifPresent(n -> {
                    store.logPending(n, group.id);
                    if (lost != null) {
                        store.logAbandoned(lost, n.id(), now);
                    }
                    group.inFlightNotification = n.id();
                    group.inFlightUntil = now.plus(inFlightTimeout);
                    notifications.add(n);
                });
                if (lost != null && lost.equals(group.inFlightNotification)) {
                    // Nothing to notify any more: the lost one is abandoned all the same.
                    store.logAbandoned(lost, null, now);
                    group.inFlightNotification = null;
                    group.inFlightUntil = null;
                }
                // Resolved alerts that will not be notified (never notified as firing, or the receiver
                // does not want them) leave now; the notified ones leave once delivered.
                boolean wantsResolved = sendResolved.test(group.receiver);
                group.alerts
                        .values()
                        .removeIf(a -> a.resolved()
                                && (!wantsResolved
                                        || !group.notifiedFiring.contains(
                                                a.event().fingerprint())));
                if (group.alerts.isEmpty()) {
                    store.delete(group);
                } else {
                    group.nextFlush = now.plus(route.groupInterval());
                    store.save(group, now);
                }
            }
            return notifications;
        });
    }

    private Optional<Notification> notification(
            Group group, RouteNode route, Instant now, Collection<Map<String, String>> firingLabels) {
        List<NotifiedAlert> firingAlerts = new ArrayList<>();
        List<NotifiedAlert> resolvedAlerts = new ArrayList<>();
        for (NotifiedAlert alert : group.alerts.values()) {
            if (!alert.resolved()) {
                if (!isMuted(alert.labels(), firingLabels)) {
                    firingAlerts.add(alert);
                }
            } else if (group.notifiedFiring.contains(alert.event().fingerprint())
                    && sendResolved.test(group.receiver)) {
                resolvedAlerts.add(alert);
            }
        }
        Set<String> firingFingerprints = new LinkedHashSet<>();
        firingAlerts.forEach(a -> firingFingerprints.add(a.event().fingerprint()));
        boolean changed = !group.notifiedFiring.containsAll(firingFingerprints) || !resolvedAlerts.isEmpty();
        boolean repeatDue =
                group.lastNotified != null && !now.isBefore(group.lastNotified.plus(route.repeatInterval()));
        if ((firingAlerts.isEmpty() && resolvedAlerts.isEmpty()) || !(changed || repeatDue)) {
            return Optional.empty();
        }
        List<NotifiedAlert> alerts = new ArrayList<>(firingAlerts);
        alerts.addAll(resolvedAlerts);
        return Optional.of(new Notification(
                UUID.randomUUID().toString(),
                group.receiver,
                group.routeId,
                group.key,
                group.groupLabels,
                firingAlerts.isEmpty() ? AlertEvent.Status.resolved : AlertEvent.Status.firing,
                alerts,
                now,
                group.raisesDeliveryAlert));
    }

    /** A group stored by a configuration whose route is gone: it goes on to the receiver it had, with root timings. */
    private RouteNode orphanRoute(Group group) {
        return new RouteNode(
                group.routeId,
                root.matchers(),
                group.receiver,
                List.of(),
                root.groupWait(),
                root.groupInterval(),
                root.repeatInterval(),
                false,
                List.of());
    }

    /**
     * The notification reached its receiver: its group is marked notified (what fired, when), its
     * resolved alerts leave the group, and the log says {@code sent}. A notification that is no longer
     * its group's in-flight one (a replay, or one formed again after {@code inFlightTimeout}) only
     * updates the log.
     */
    public void delivered(Notification notification) {
        store.inTransaction(() -> {
            Instant now = clock.instant();
            store.logOutcome(notification.id(), "sent", null, now);
            store.lock(groupId(notification.groupKey()))
                    .filter(group -> notification.id().equals(group.inFlightNotification))
                    .ifPresent(group -> {
                        group.lastNotified = now;
                        Set<String> firing = new LinkedHashSet<>();
                        notification.firing().forEach(a -> firing.add(a.event().fingerprint()));
                        group.notifiedFiring = firing;
                        for (NotifiedAlert resolved : notification.resolved()) {
                            NotifiedAlert current =
                                    group.alerts.get(resolved.event().fingerprint());
                            if (current != null && current.resolved()) {
                                group.alerts.remove(resolved.event().fingerprint());
                            }
                        }
                        group.inFlightNotification = null;
                        group.inFlightUntil = null;
                        if (group.alerts.isEmpty()) {
                            store.delete(group);
                        } else {
                            store.save(group, now);
                        }
                    });
            return null;
        });
    }

    /**
     * Every attempt failed: the log says {@code dead} with the reason, and the group, not marked
     * notified, forms the notification again at its next {@code group_interval}.
     */
    public void failed(Notification notification, String reason) {
        store.inTransaction(() -> {
            Instant now = clock.instant();
            store.logOutcome(notification.id(), "dead", reason, now);
            store.lock(groupId(notification.groupKey()))
                    .filter(group -> notification.id().equals(group.inFlightNotification))
                    .ifPresent(group -> {
                        group.inFlightNotification = null;
                        group.inFlightUntil = null;
                        store.save(group, now);
                    });
            return null;
        });
    }

    /** A dead notification, marked pending again to be sent as it was; empty when no dead notification has this id. */
    public Optional<Notification> reopenDead(String notificationId) {
        return store.inTransaction(
                () -> store.reopenDead(notificationId).map(logged -> StateJson.notification(logged.body())));
    }

    /** Whether the alert with these labels is silenced or inhibited now. */
    public boolean isMuted(Map<String, String> labels) {
        return isMuted(labels, store.firingLabels());
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
    public int pendingGroups() {
        return store.groupCount();
    }

    static String groupId(String groupKey) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(groupKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }
}
