package io.esteira.alerting.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The service's domain metrics (Prometheus names in brackets): events in by channel and outcome
 * ({@code esteira_alerting_events_in_total}), notification attempts sent, failed and dead lettered per
 * receiver ({@code esteira_alerting_notifications_sent_total}, {@code …_failed_total},
 * {@code …_dead_total}), delivery latency per receiver, pending groups and active silences (gauges).
 */
public class AlertingMetrics {

    private final MeterRegistry registry;

    public AlertingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void gauges(Supplier<Number> pendingGroups, Supplier<Number> activeSilences) {
        registry.gauge(
                "esteira.alerting.groups.pending", pendingGroups, s -> s.get().doubleValue());
        registry.gauge(
                "esteira.alerting.silences.active", activeSilences, s -> s.get().doubleValue());
    }

    /** @param channel jms, rest, prometheus or internal; @param outcome accepted, duplicate, stale, nothing-to-resolve, invalid */
    public void eventIn(String channel, String outcome) {
        Counter.builder("esteira.alerting.events.in")
                .description("AlertEvents received")
                .tag("channel", channel)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    public void sent(String receiver, Duration latency) {
        counter("esteira.alerting.notifications.sent", "Notifications delivered", receiver)
                .increment();
        Timer.builder("esteira.alerting.delivery.latency")
                .description("Time of one delivery attempt")
                .tag("receiver", receiver)
                .register(registry)
                .record(latency);
    }

    public void failed(String receiver) {
        counter("esteira.alerting.notifications.failed", "Delivery attempts that failed", receiver)
                .increment();
    }

    public void dead(String receiver) {
        counter("esteira.alerting.notifications.dead", "Notifications dead-lettered after the last attempt", receiver)
                .increment();
    }

    public double sentCount(String receiver) {
        Counter counter = registry.find("esteira.alerting.notifications.sent")
                .tag("receiver", receiver)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private Counter counter(String name, String description, String receiver) {
        return Counter.builder(name)
                .description(description)
                .tag("receiver", receiver)
                .register(registry);
    }
}
