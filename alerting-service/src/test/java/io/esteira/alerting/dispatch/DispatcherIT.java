package io.esteira.alerting.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.alerting.Alerts;
import io.esteira.alerting.DwTestSchema;
import io.esteira.alerting.MutableClock;
import io.esteira.alerting.model.Matcher;
import io.esteira.alerting.model.Matchers;
import io.esteira.alerting.routing.RouteNode;
import io.esteira.alerting.silence.InhibitRule;
import io.esteira.alerting.silence.SilenceStore;
import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.AlertEvent.Kind;
import io.esteira.contracts.AlertEvent.Severity;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.runtime.alert.AlertPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dispatcher on its state in a real PostgreSQL DW: Alertmanager's timers, and what a restart (a new
 * dispatcher on the same tables), a failed delivery and a second replica change.
 */
class DispatcherIT {

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("alerting_dispatcher");

    private static DispatchStore store;

    @BeforeAll
    static void migrate() {
        DwTestSchema.create(dw);
        store = new DispatchStore(dw.dataSource());
    }

    @BeforeEach
    @AfterEach
    void empty() {
        new JdbcTemplate(dw.dataSource())
                .execute("TRUNCATE ctl.alert_group, ctl.alert_event_seen, ctl.alert_silence, audit.alert_notification");
    }

    private static final Duration GROUP_WAIT = Duration.ofSeconds(30);
    private static final Duration GROUP_INTERVAL = Duration.ofMinutes(5);
    private static final Duration REPEAT_INTERVAL = Duration.ofHours(4);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final SilenceStore silences = new SilenceStore(dw.dataSource(), clock, Duration.ofDays(1));
    private final Dispatcher dispatcher = dispatcher(List.of("fingerprint"));

    private Dispatcher dispatcher(List<String> groupBy) {
        RouteNode root = new RouteNode(
                "root", Matchers.ANY, "ops", groupBy, GROUP_WAIT, GROUP_INTERVAL, REPEAT_INTERVAL, false, List.of());
        InhibitRule pipelineMutesSla = new InhibitRule(
                new Matchers(List.of(Matcher.parse("kind=pipeline-failure"))),
                new Matchers(List.of(Matcher.parse("kind=sla"))),
                List.of("entity"));
        return new Dispatcher(
                root,
                List.of(),
                receiver -> true,
                silences,
                List.of(pipelineMutesSla),
                clock,
                store,
                Duration.ofMinutes(10));
    }

    /** Flushes and reports every notification delivered, as the delivery routes do. */
    private List<Notification> flushAndDeliver(Dispatcher dispatcher) {
        List<Notification> notifications = dispatcher.flush();
        notifications.forEach(dispatcher::delivered);
        return notifications;
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
        assertThat(flushAndDeliver(dispatcher)).isEmpty();

        clock.advance(GROUP_WAIT);
        List<Notification> notifications = dispatcher.flush();

        assertThat(notifications).hasSize(1);
        assertThat(notifications.get(0).alerts()).hasSize(1);
        assertThat(notifications.get(0).status()).isEqualTo(AlertEvent.Status.firing);
        clock.advance(GROUP_INTERVAL);
        assertThat(flushAndDeliver(dispatcher)).isEmpty();
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
        assertThat(flushAndDeliver(dispatcher)).hasSize(1);

        clock.advance(Duration.ofSeconds(10));
        dispatcher.accept(resolved("fp-1"));
        assertThat(flushAndDeliver(dispatcher)).as("not before group_interval").isEmpty();
        clock.advance(GROUP_INTERVAL);
        List<Notification> notifications = dispatcher.flush();

        assertThat(notifications).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(AlertEvent.Status.resolved);
            assertThat(n.resolved()).hasSize(1);
        });
        assertThat(dispatcher.pendingGroups())
                .as("kept until the resolution is delivered")
                .isOne();
        dispatcher.delivered(notifications.get(0));
        assertThat(dispatcher.pendingGroups()).isZero();
    }

    @Test
    void shouldNotNotifyAResolvedAlertThatWasNeverNotifiedFiring() {
        dispatcher.accept(firing("fp-1"));
        clock.advance(Duration.ofSeconds(1));
        dispatcher.accept(resolved("fp-1"));
        clock.advance(GROUP_WAIT);
        assertThat(flushAndDeliver(dispatcher)).isEmpty();
        assertThat(dispatcher.accept(resolved("fp-1")).outcome()).isEqualTo(Dispatcher.Outcome.NOTHING_TO_RESOLVE);
    }

    @Test
    void shouldRepeatAFiringAlertAfterRepeatInterval() {
        dispatcher.accept(firing("fp-1"));
        clock.advance(GROUP_WAIT);
        assertThat(flushAndDeliver(dispatcher)).hasSize(1);
        clock.advance(GROUP_INTERVAL);
        assertThat(flushAndDeliver(dispatcher)).isEmpty();
        clock.advance(REPEAT_INTERVAL);
        assertThat(flushAndDeliver(dispatcher)).hasSize(1);
    }

    @Test
    void shouldNotifyANewAlertOfAnExistingGroupAtTheNextGroupInterval() {
        Dispatcher byEntity = dispatcher(List.of("entity"));
        byEntity.accept(firing("fp-1"));
        clock.advance(GROUP_WAIT);
        assertThat(flushAndDeliver(byEntity)).singleElement().satisfies(n -> assertThat(n.alerts())
                .hasSize(1));

        byEntity.accept(firing("fp-2"));
        clock.advance(GROUP_INTERVAL);
        assertThat(flushAndDeliver(byEntity)).singleElement().satisfies(n -> assertThat(n.alerts())
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
        assertThat(flushAndDeliver(dispatcher)).isEmpty();
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
        assertThat(flushAndDeliver(dispatcher)).isEmpty();

        silences.expire(id);
        clock.advance(GROUP_INTERVAL);
        assertThat(flushAndDeliver(dispatcher)).hasSize(1);
    }

    @Test
    void shouldMuteTheEntitysSlaAlertWhileAPipelineFailureFires() {
        dispatcher.accept(
                Alerts.firing(Kind.PIPELINE_FAILURE, Severity.critical, "orders", "pf-orders", clock.instant()));
        dispatcher.accept(Alerts.firing(Kind.SLA, Severity.warning, "orders", "sla-orders", clock.instant()));
        dispatcher.accept(Alerts.firing(Kind.SLA, Severity.warning, "customers", "sla-customers", clock.instant()));
        clock.advance(GROUP_WAIT);

        List<String> notified = flushAndDeliver(dispatcher).stream()
                .flatMap(n -> n.alerts().stream())
                .map(a -> a.event().fingerprint())
                .toList();

        assertThat(notified).containsExactlyInAnyOrder("pf-orders", "sla-customers");
    }

    /**
     * The quality service's freshness alerts, one per late entity as its {@link AlertPublisher} builds them
     * (fingerprint {@code quality-service:sla:<entity>:freshness}): a pipeline failure of orders mutes the
     * freshness alert of orders only, and a pipeline failure without an entity mutes none of them.
     */
    @Test
    void shouldMuteTheFreshnessAlertOfTheFailingEntityOnly() {
        AlertPublisher quality = new AlertPublisher(null, "quality-service", clock);
        dispatcher.accept(
                Alerts.firing(Kind.PIPELINE_FAILURE, Severity.critical, "orders", "pf-orders", clock.instant()));
        dispatcher.accept(Alerts.firing(Kind.PIPELINE_FAILURE, Severity.critical, null, "pf-broker", clock.instant()));
        for (String entity : List.of("orders", "customers")) {
            dispatcher.accept(quality.event(
                    Kind.SLA,
                    Severity.critical,
                    AlertEvent.Status.firing,
                    entity,
                    "freshness",
                    "Quality check freshness failed for " + entity + ": 3 change(s) not in the DW",
                    Map.of("check", "freshness"),
                    Map.of()));
        }
        clock.advance(GROUP_WAIT);

        List<String> notified = flushAndDeliver(dispatcher).stream()
                .flatMap(n -> n.alerts().stream())
                .map(a -> a.event().fingerprint())
                .toList();

        assertThat(notified)
                .containsExactlyInAnyOrder("pf-orders", "pf-broker", "quality-service:sla:customers:freshness");
    }

    @Test
    void shouldStopInhibitingOnceThePipelineFailureResolves() {
        dispatcher.accept(
                Alerts.firing(Kind.PIPELINE_FAILURE, Severity.critical, "orders", "pf-orders", clock.instant()));
        dispatcher.accept(Alerts.firing(Kind.SLA, Severity.warning, "orders", "sla-orders", clock.instant()));
        clock.advance(GROUP_WAIT);
        flushAndDeliver(dispatcher);

        dispatcher.accept(
                Alerts.resolved(Kind.PIPELINE_FAILURE, Severity.critical, "orders", "pf-orders", clock.instant()));
        clock.advance(GROUP_INTERVAL);

        assertThat(flushAndDeliver(dispatcher).stream()
                        .flatMap(n -> n.firing().stream())
                        .map(a -> a.event().fingerprint()))
                .containsExactly("sla-orders");
    }

    @Test
    void shouldNotifyAfterARestartDuringGroupWait() {
        dispatcher.accept(firing("fp-1"));
        clock.advance(Duration.ofSeconds(10));
        assertThat(flushAndDeliver(dispatcher)).isEmpty();

        Dispatcher restarted = dispatcher(List.of("fingerprint"));
        clock.advance(GROUP_WAIT);

        assertThat(flushAndDeliver(restarted)).singleElement().satisfies(n -> assertThat(n.alerts())
                .hasSize(1));
    }

    @Test
    void shouldNotifyAResolvedEventThatArrivesAfterARestart() {
        dispatcher.accept(firing("fp-1"));
        clock.advance(GROUP_WAIT);
        assertThat(flushAndDeliver(dispatcher)).hasSize(1);

        Dispatcher restarted = dispatcher(List.of("fingerprint"));
        assertThat(restarted.accept(resolved("fp-1")).outcome()).isEqualTo(Dispatcher.Outcome.ACCEPTED);
        clock.advance(GROUP_INTERVAL);

        assertThat(flushAndDeliver(restarted)).singleElement().satisfies(n -> assertThat(n.status())
                .isEqualTo(AlertEvent.Status.resolved));
    }

    @Test
    void shouldRememberEventIdsAndSilencesAcrossARestart() {
        AlertEvent event = firing("fp-1");
        dispatcher.accept(event);
        silences.create(
                new Matchers(List.of(Matcher.parse("fingerprint=fp-2"))),
                null,
                clock.instant().plus(Duration.ofHours(1)),
                "ops",
                "maintenance");

        Dispatcher restarted = dispatcher(List.of("fingerprint"));

        assertThat(restarted.accept(event).outcome()).isEqualTo(Dispatcher.Outcome.DUPLICATE);
        assertThat(restarted.accept(firing("fp-2")).muted()).isTrue();
    }

    @Test
    void shouldNotifyAgainAtTheNextGroupIntervalAfterAFailedDelivery() {
        dispatcher.accept(firing("fp-1"));
        clock.advance(GROUP_WAIT);
        List<Notification> first = dispatcher.flush();
        assertThat(first).hasSize(1);

        dispatcher.failed(first.get(0), "HTTP 503 from https://hooks.example.com");
        clock.advance(GROUP_INTERVAL);

        assertThat(flushAndDeliver(dispatcher)).as("retried at group_interval").hasSize(1);
        clock.advance(GROUP_INTERVAL);
        assertThat(flushAndDeliver(dispatcher))
                .as("delivered: nothing until repeat_interval")
                .isEmpty();
        assertThat(store.notifications("dead", 10)).singleElement().satisfies(n -> assertThat(n.reason())
                .contains("HTTP 503"));
    }

    @Test
    void shouldFormANotificationAgainWhenItsReplicaDiedWhileDeliveringItAndMarkTheLostOneAbandoned() {
        dispatcher.accept(firing("fp-1"));
        clock.advance(GROUP_WAIT);
        List<Notification> lost = dispatcher.flush();
        assertThat(lost).hasSize(1);

        Dispatcher restarted = dispatcher(List.of("fingerprint"));
        clock.advance(GROUP_INTERVAL);
        assertThat(flushAndDeliver(restarted)).as("still in flight").isEmpty();
        clock.advance(Duration.ofMinutes(10));

        List<Notification> again = flushAndDeliver(restarted);
        assertThat(again).as("in-flight timeout passed").hasSize(1);
        assertThat(store.notification(again.get(0).id()).orElseThrow().state()).isEqualTo("sent");
        // The lost one does not stay "pending" for ever: the log says what became of it.
        assertThat(store.notification(lost.get(0).id()).orElseThrow()).satisfies(n -> {
            assertThat(n.state()).isEqualTo("abandoned");
            assertThat(n.reason()).contains(again.get(0).id());
        });
        assertThat(store.notifications("pending", 10)).isEmpty();
    }

    @Test
    void shouldReplayADeadNotificationAsItWas() {
        dispatcher.accept(firing("fp-1"));
        clock.advance(GROUP_WAIT);
        Notification dead = dispatcher.flush().get(0);
        dispatcher.failed(dead, "HTTP 500 from https://hooks.example.com");

        assertThat(dispatcher.reopenDead(dead.id())).hasValueSatisfying(n -> {
            assertThat(n.id()).isEqualTo(dead.id());
            assertThat(n.alerts()).extracting(a -> a.event().fingerprint()).containsExactly("fp-1");
        });
        assertThat(dispatcher.reopenDead(dead.id())).as("pending now, not dead").isEmpty();
        assertThat(store.notification(dead.id()))
                .hasValueSatisfying(n -> assertThat(n.replays()).isEqualTo(1));
    }

    @Test
    void shouldFormEachNotificationOnceWhenTwoDispatchersFlushTheSameDatabase() throws Exception {
        for (int i = 0; i < 20; i++) {
            dispatcher.accept(firing("fp-" + i));
        }
        Dispatcher other = dispatcher(List.of("fingerprint"));
        clock.advance(GROUP_WAIT);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Callable<List<Notification>>> flushes = List.of(dispatcher::flush, other::flush);
            List<String> notified = new ArrayList<>();
            for (Future<List<Notification>> flushed : replicas.invokeAll(flushes)) {
                flushed.get()
                        .forEach(n -> notified.add(n.alerts().get(0).event().fingerprint()));
            }
            assertThat(notified).hasSize(20).doesNotHaveDuplicates();
        } finally {
            replicas.shutdownNow();
        }
        assertThat(flushAndDeliver(other)).isEmpty();
    }
}
