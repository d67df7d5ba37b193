package io.esteira.local.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * This JVM's stop-the-world collections over a span, from its collectors' notifications. The benchmark's JVM
 * holds the freshness workload's writers and its probe, and the embedded broker: one pause of it stops all
 * three at once, so a latency spike that coincides with one is the harness's, not the pipeline's (a 1.6 s
 * young collection of this JVM, 27 s into a freshness phase, was one on 2026-12-06: docs/performance.md).
 * The concurrent phases of a collector (G1's concurrent cycle) stop nothing and are not counted.
 */
final class JvmPauses implements AutoCloseable {

    /** What the span's collections stopped: how many, for how long in all, the longest. */
    record Summary(long count, Duration total, Duration longest) {

        static final Summary NONE = new Summary(0, Duration.ZERO, Duration.ZERO);

        String describe() {
            return String.format(
                    Locale.ROOT, "%,d, %,d ms in all, the longest %,d ms", count, total.toMillis(), longest.toMillis());
        }
    }

    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;
    private long count;
    private long totalMillis;
    private long longestMillis;

    private JvmPauses() {}

    /** Counts the collections from now until {@link #close()}. */
    static JvmPauses start() {
        JvmPauses pauses = new JvmPauses();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(pauses.listener, null, null);
                pauses.emitters.add(emitter);
            }
        }
        return pauses;
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (!stopsTheWorld(info.getGcName())) {
            return;
        }
        record(info.getGcInfo().getDuration());
    }

    /** Whether a collector's runs are pauses; G1 reports its concurrent cycle as a collector of its own. */
    static boolean stopsTheWorld(String collector) {
        return !collector.toLowerCase(Locale.ROOT).contains("concurrent");
    }

    synchronized void record(long millis) {
        count++;
        totalMillis += millis;
        longestMillis = Math.max(longestMillis, millis);
    }

    synchronized Summary summary() {
        return new Summary(count, Duration.ofMillis(totalMillis), Duration.ofMillis(longestMillis));
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // Never added to this one: nothing to remove.
            }
        }
    }
}
