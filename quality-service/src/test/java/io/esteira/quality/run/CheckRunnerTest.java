package io.esteira.quality.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.QualityResult;
import io.esteira.contracts.QualityResult.Status;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.quality.MovableClock;
import io.esteira.quality.check.Check;
import io.esteira.quality.check.CheckDefinition;
import io.esteira.quality.check.CheckKind;
import io.esteira.quality.check.EntityResult;
import io.esteira.quality.check.Evaluation;
import io.esteira.quality.config.QualityProperties.CheckRepair;
import io.esteira.quality.config.QualityProperties.ReplayTarget;
import io.esteira.quality.dialect.QualityDialect;
import io.esteira.quality.repair.RepairService;
import io.esteira.quality.repair.ReplayClient;
import io.esteira.quality.repair.ReplayDrain;
import io.esteira.quality.repair.ReplayReceipt;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class CheckRunnerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    private final RecordingPublisher publisher = new RecordingPublisher();
    private final MemoryStore store = new MemoryStore();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> replayed = new ArrayList<>();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-21T10:00:30Z"));

    @Test
    void shouldReportACheckThatThrowsAsErrorAndAlert() {
        FakeCheck check = new FakeCheck("rule-broken", CheckKind.RULE).then(() -> {
            throw new IllegalStateException("relation \"fact.fact_nada\" does not exist");
        });

        QualityResult result = runner(check, null, true).run("rule-broken");

        assertThat(result.status()).isEqualTo(Status.error);
        assertThat(result.value()).isNull();
        assertThat(result.message()).contains("could not run").contains("fact.fact_nada");
        assertThat(store.saved).containsExactly(result);
        assertThat(store.outbox).singleElement().extracting(AlertEvent::status).isEqualTo(AlertEvent.Status.firing);
        assertThat(meters.get("esteira.quality.check.status")
                        .tag("check", "rule-broken")
                        .gauge()
                        .value())
                .isEqualTo(3.0);
    }

    @Test
    void shouldReplayTheDifferingDayAndResolveWhenTheRecheckPasses() {
        FakeCheck check = new FakeCheck("reconciliation-vendas", CheckKind.RECONCILIATION)
                .then(() -> mismatch())
                .then(() -> new Evaluation(Status.pass, 0.0, "0", List.of(), "OLTP and DW agree."));

        QualityResult result = runner(check, plan(), true).run("reconciliation-vendas");

        assertThat(replayed).containsExactly("orders order_date 2026-11-20T00:00 2026-11-21T00:00");
        assertThat(result.status()).isEqualTo(Status.pass);
        assertThat(result.message()).startsWith("After replay of 2026-11-20 (orders 2026-11-20: replay-1, 2 batches");
        assertThat(store.saved).extracting(QualityResult::status).containsExactly(Status.fail, Status.pass);
        assertThat(store.outbox)
                .extracting(AlertEvent::status)
                .containsExactly(AlertEvent.Status.firing, AlertEvent.Status.resolved);
    }

    @Test
    void shouldStayFiringWhenTheReplayDoesNotCureAndNotReplayTheSameDayAgain() {
        FakeCheck check = new FakeCheck("reconciliation-vendas", CheckKind.RECONCILIATION).then(() -> mismatch());
        CheckRunner runner = runner(check, plan(), false);

        QualityResult first = runner.run("reconciliation-vendas");
        QualityResult second = runner.run("reconciliation-vendas");

        assertThat(first.status()).isEqualTo(Status.fail);
        assertThat(first.message()).contains("0 applied within PT1S");
        assertThat(replayed).hasSize(1);
        assertThat(second.status()).isEqualTo(Status.fail);
        assertThat(store.outbox).extracting(AlertEvent::status).containsOnly(AlertEvent.Status.firing);
        assertThat(store.outbox.get(store.outbox.size() - 1).summary()).contains("still fails after repair");
        assertThat(store.outbox.get(store.outbox.size() - 1).details()).containsKey("repair");
    }

    @Test
    void shouldNotReplayWithoutARepairPlan() {
        FakeCheck check = new FakeCheck("reconciliation-vendas", CheckKind.RECONCILIATION).then(() -> mismatch());

        QualityResult result = runner(check, null, true).run("reconciliation-vendas");

        assertThat(result.status()).isEqualTo(Status.fail);
        assertThat(replayed).isEmpty();
    }

    @Test
    void shouldRefuseAnUnknownCheck() {
        CheckRunner runner = runner(new FakeCheck("a", CheckKind.RULE), null, true);

        assertThatThrownBy(() -> runner.run("b"))
                .isInstanceOf(UnknownCheckException.class)
                .hasMessageContaining("'b'");
    }

    private static Evaluation mismatch() {
        return new Evaluation(
                Status.fail, 1.0, "0", List.of("2026-11-20: items 3 vs 2 (-1)"), "1 of 7 days differ", List.of(DAY));
    }

    private static CheckRepair plan() {
        return new CheckRepair(true, List.of(new ReplayTarget("orders", "order_date")), 3, 1);
    }

    CheckRunner runner(Check check, CheckRepair plan, boolean drains) {
        CheckRegistry registry =
                new CheckRegistry(Map.of(check.id(), check), plan == null ? Map.of() : Map.of(check.id(), plan));
        CheckAlerts alerts = new CheckAlerts(publisher);
        alerts.restore(registry.all(), Map.of());
        ReplayClient client = (target, from, to) -> {
            replayed.add(target.entity() + " " + target.column() + " " + from + " " + to);
            return new ReplayReceipt("replay-" + replayed.size(), target.entity(), 2, 10);
        };
        ReplayDrain drain =
                new ReplayDrain(
                        new SimpleDriverDataSource(),
                        new QualityDialect(Vendor.POSTGRESQL),
                        Duration.ofSeconds(1),
                        Duration.ZERO,
                        d -> {}) {
                    @Override
                    public long applied(String replayId) {
                        return 0;
                    }

                    @Override
                    public boolean await(String replayId, int batches) {
                        return drains;
                    }
                };
        return new CheckRunner(
                registry, store, new CheckMetrics(meters), alerts, new RepairService(client, drain), clock);
    }

    @Test
    void shouldRaiseCheckOverdueOnceWhenNoRunCompletesWithinTwiceTheScheduleAndResolveOnTheNextRun() {
        FakeCheck check = new FakeCheck("rule-hourly", CheckKind.RULE, "0 0 * * * ?")
                .then(() -> new Evaluation(Status.pass, 0.0, "0", List.of(), "No violations."));
        CheckRunner runner = runner(check, null, true);
        runner.run("rule-hourly");
        Instant completedAt = clock.instant();

        clock.set(completedAt.plus(Duration.ofHours(2)));
        assertThat(runner.reportOverdue()).isEmpty();

        clock.set(completedAt.plus(Duration.ofHours(2)).plusSeconds(1));
        assertThat(runner.reportOverdue()).containsExactly("rule-hourly");
        assertThat(runner.reportOverdue()).isEmpty();
        assertThat(store.outbox).singleElement().satisfies(alert -> {
            assertThat(alert.status()).isEqualTo(AlertEvent.Status.firing);
            assertThat(alert.kind()).isEqualTo(AlertEvent.Kind.QUALITY);
            assertThat(alert.summary())
                    .contains("rule-hourly is overdue")
                    .contains("has not completed a run since " + completedAt);
        });
        String overdue = store.outbox.get(0).fingerprint();

        runner.run("rule-hourly");

        assertThat(store.outbox).hasSize(2);
        assertThat(store.outbox.get(1).status()).isEqualTo(AlertEvent.Status.resolved);
        assertThat(store.outbox.get(1).fingerprint()).isEqualTo(overdue);
        assertThat(meters.get("esteira.quality.check.last.run")
                        .tag("check", "rule-hourly")
                        .gauge()
                        .value())
                .isEqualTo(clock.instant().getEpochSecond());
    }

    @Test
    void shouldCountFromWhenTheSchedulesStartedForACheckThatNeverRan() {
        FakeCheck check = new FakeCheck("rule-hourly", CheckKind.RULE, "0 0 * * * ?");
        CheckRunner runner = runner(check, null, true);
        runner.schedulesStarted();

        clock.set(clock.instant().plus(Duration.ofHours(2)).plusSeconds(1));

        assertThat(runner.reportOverdue()).containsExactly("rule-hourly");
        assertThat(store.saved).isEmpty();
    }

    @Test
    void shouldNotCountASlowStartAgainstACheckThatNeverRan() {
        FakeCheck check = new FakeCheck("rule-every-5s", CheckKind.RULE, "0/5 * * * * ?");
        CheckRunner runner = runner(check, null, true);

        // the service takes 13 s from creating the runner to firing schedules: longer than twice 5 s
        clock.set(clock.instant().plusSeconds(13));
        assertThat(runner.reportOverdue()).isEmpty();
        runner.schedulesStarted();
        Instant scheduled = clock.instant();
        clock.set(scheduled.plusSeconds(1));
        assertThat(runner.reportOverdue()).isEmpty();

        clock.set(scheduled.plusSeconds(11));
        assertThat(runner.reportOverdue()).containsExactly("rule-every-5s");
        assertThat(store.outbox).singleElement().satisfies(alert -> assertThat(alert.summary())
                .contains("has not completed a run since " + scheduled));
    }

    /** Keeps results in memory instead of audit.dq_result. */
    static final class MemoryStore extends ResultStore {

        final List<QualityResult> saved = new ArrayList<>();

        final List<AlertEvent> outbox = new ArrayList<>();

        MemoryStore() {
            super(new SimpleDriverDataSource(), new QualityDialect(Vendor.POSTGRESQL));
        }

        @Override
        public void save(
                CheckDefinition check, QualityResult result, List<EntityResult> entities, List<AlertEvent> alerts) {
            saved.add(result);
            outbox.addAll(alerts);
        }

        @Override
        public void enqueue(List<AlertEvent> alerts) {
            outbox.addAll(alerts);
        }
    }
}
