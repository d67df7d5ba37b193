package io.esteira.alerting.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.alerting.Alerts;
import io.esteira.alerting.MutableClock;
import io.esteira.alerting.model.Matcher;
import io.esteira.alerting.model.Matchers;
import io.esteira.alerting.routing.RouteNode;
import io.esteira.alerting.silence.InhibitRule;
import io.esteira.alerting.silence.SilenceStore;
import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.AlertEvent.Kind;
import io.esteira.contracts.AlertEvent.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    private static final Duration GROUP_WAIT = Duration.ofSeconds(30);
    private static final Duration GROUP_INTERVAL = Duration.ofMinutes(5);
    private static final Duration REPEAT_INTERVAL = Duration.ofHours(4);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final SilenceStore silences = new SilenceStore(clock, Duration.ofDays(1));
    private final Dispatcher dispatcher = dispatcher(List.of("fingerprint"));

    private Dispatcher dispatcher(List<String> groupBy) {
        RouteNode root = new RouteNode(
                "root", Matchers.ANY, "ops", groupBy, GROUP_WAIT, GROUP_INTERVAL, REPEAT_INTERVAL, false, List.of());
        InhibitRule pipelineMutesSla = new InhibitRule(
                new Matchers(List.of(Matcher.parse("kind=pipeline-failure"))),
                new Matchers(List.of(Matcher.parse("kind=sla"))),
                List.of("entity"));
        return new Dispatcher(root, receiver -> true, silences, List.of(pipelineMutesSla), clock);
    }

    private AlertEvent firing(String fingerprint) {
        return Alerts.firing(Kind.QUALITY, Severity.critical, "orders", fingerprint, clock.instant());
    }

    private AlertEvent resolved(String fingerprint) {
        return Alerts.resolved(Kind.QUALITY, Severity.critical, "orders", fingerprint, clock.instant());
    }

    @Test
    void shouldWaitGroupWaitThenNotifyOnceFor100IdenticalEvents() {
        for (int i = 0; i < 100; i++) {
            dispatcher.accept(firing("fp-1"));
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(dispatcher.flush()).isEmpty();

        clock.advance(GROUP_WAIT);
        List<Notification> notifications = dispatcher.flush();

        assertThat(notifications).hasSize(1);
        assertThat(notifications.get(0).alerts()).hasSize(1);
        assertThat(notifications.get(0).status()).isEqualTo(AlertEvent.Status.firing);
        clock.advance(GROUP_INTERVAL);
        assertThat(dispatcher.flush()).isEmpty();
    }

    @Test
    void shouldIgnoreARedeliveredEventId() {
        AlertEvent event = firing("fp-1");
        assertThat(dispatcher.accept(event).outcome()).isEqualTo(Dispatcher.Outcome.ACCEPTED);
        assertThat(dispatcher.accept(event).outcome()).isEqualTo(Dispatcher.Outcome.DUPLICATE);
    }

    @Test
    void shouldIgnoreAnEventOlderThanTheAlertsLatest() {
        dispatcher.accept(firing("fp-1"));
        AlertEvent older = Alerts.resolved(
                Kind.QUALITY,
                Severity.critical,
                "orders",
                "fp-1",
                clock.instant().minusSeconds(60));
        assertThat(dispatcher.accept(older).outcome()).isEqualTo(Dispatcher.Outcome.STALE);
    }

    @Test
    void shouldNotifyResolvedAtTheNextGroupIntervalAndThenDropTheGroup() {
        dispatcher.accept(firing("fp-1"));
        clock.advance(GROUP_WAIT);
        assertThat(dispatcher.flush()).hasSize(1);

        clock.advance(Duration.ofSeconds(10));
        dispatcher.accept(resolved("fp-1"));
        assertThat(dispatcher.flush()).as("not before group_interval").isEmpty();
        clock.advance(GROUP_INTERVAL);
        List<Notification> notifications = dispatcher.flush();

        assertThat(notifications).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(AlertEvent.Status.resolved);
            assertThat(n.resolved()).hasSize(1);
        });
        assertThat(dispatcher.pendingGroups()).isZero();
    }

    @Test
    void shouldNotNotifyAResolvedAlertThatWasNeverNotifiedFiring() {
        dispatcher.accept(firing("fp-1"));
        clock.advance(Duration.ofSeconds(1));
        dispatcher.accept(resolved("fp-1"));
        clock.advance(GROUP_WAIT);
        assertThat(dispatcher.flush()).isEmpty();
        assertThat(dispatcher.accept(resolved("fp-1")).outcome()).isEqualTo(Dispatcher.Outcome.NOTHING_TO_RESOLVE);
    }

    @Test
    void shouldRepeatAFiringAlertAfterRepeatInterval() {
        dispatcher.accept(firing("fp-1"));
        clock.advance(GROUP_WAIT);
        assertThat(dispatcher.flush()).hasSize(1);
        clock.advance(GROUP_INTERVAL);
        assertThat(dispatcher.flush()).isEmpty();
        clock.advance(REPEAT_INTERVAL);
        assertThat(dispatcher.flush()).hasSize(1);
    }

    @Test
    void shouldNotifyANewAlertOfAnExistingGroupAtTheNextGroupInterval() {
        Dispatcher byEntity = dispatcher(List.of("entity"));
        byEntity.accept(firing("fp-1"));
        clock.advance(GROUP_WAIT);
        assertThat(byEntity.flush()).singleElement().satisfies(n -> assertThat(n.alerts())
                .hasSize(1));

        byEntity.accept(firing("fp-2"));
        clock.advance(GROUP_INTERVAL);
        assertThat(byEntity.flush()).singleElement().satisfies(n -> assertThat(n.alerts())
                .hasSize(2));
    }

    @Test
    void shouldSendNothingForASilencedAlert() {
        silences.create(
                new Matchers(List.of(Matcher.parse("entity=orders"))),
                null,
                clock.instant().plus(Duration.ofHours(1)),
                "ops",
                "maintenance");

        Dispatcher.Intake intake = dispatcher.accept(firing("fp-1"));
        clock.advance(GROUP_WAIT);

        assertThat(intake.muted()).isTrue();
        assertThat(dispatcher.flush()).isEmpty();
    }

    @Test
    void shouldNotifyASilencedAlertOnceTheSilenceIsExpired() {
        String id = silences.create(
                        new Matchers(List.of(Matcher.parse("entity=orders"))),
                        null,
                        clock.instant().plus(Duration.ofHours(1)),
                        "ops",
                        "maintenance")
                .id();
        dispatcher.accept(firing("fp-1"));
        clock.advance(GROUP_WAIT);
        assertThat(dispatcher.flush()).isEmpty();

        silences.expire(id);
        clock.advance(GROUP_INTERVAL);
        assertThat(dispatcher.flush()).hasSize(1);
    }

    @Test
    void shouldMuteTheEntitysSlaAlertWhileAPipelineFailureFires() {
        dispatcher.accept(
                Alerts.firing(Kind.PIPELINE_FAILURE, Severity.critical, "orders", "pf-orders", clock.instant()));
        dispatcher.accept(Alerts.firing(Kind.SLA, Severity.warning, "orders", "sla-orders", clock.instant()));
        dispatcher.accept(Alerts.firing(Kind.SLA, Severity.warning, "customers", "sla-customers", clock.instant()));
        clock.advance(GROUP_WAIT);

        List<String> notified = dispatcher.flush().stream()
                .flatMap(n -> n.alerts().stream())
                .map(a -> a.event().fingerprint())
                .toList();

        assertThat(notified).containsExactlyInAnyOrder("pf-orders", "sla-customers");
    }

    @Test
    void shouldStopInhibitingOnceThePipelineFailureResolves() {
        dispatcher.accept(
                Alerts.firing(Kind.PIPELINE_FAILURE, Severity.critical, "orders", "pf-orders", clock.instant()));
        dispatcher.accept(Alerts.firing(Kind.SLA, Severity.warning, "orders", "sla-orders", clock.instant()));
        clock.advance(GROUP_WAIT);
        dispatcher.flush();

        dispatcher.accept(
                Alerts.resolved(Kind.PIPELINE_FAILURE, Severity.critical, "orders", "pf-orders", clock.instant()));
        clock.advance(GROUP_INTERVAL);

        assertThat(dispatcher.flush().stream().flatMap(n -> n.firing().stream()).map(a -> a.event()
                        .fingerprint()))
                .containsExactly("sla-orders");
    }
}
