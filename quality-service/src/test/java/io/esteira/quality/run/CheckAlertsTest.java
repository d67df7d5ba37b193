package io.esteira.quality.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.QualityResult;
import io.esteira.contracts.QualityResult.Status;
import io.esteira.quality.check.CheckKind;
import io.esteira.quality.check.EntityResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckAlertsTest {

    private final RecordingPublisher publisher = new RecordingPublisher();
    private final FakeCheck check = new FakeCheck("orphans-fact-vendas", CheckKind.ORPHANS);
    private CheckAlerts alerts;

    @BeforeEach
    void alerts() {
        alerts = new CheckAlerts(publisher);
        alerts.restore(List.of(check), Map.of());
    }

    @Test
    void shouldFireOnceWhenACheckStartsFailingAndResolveWhenItRecovers() {
        fire(check, result(Status.pass));
        fire(check, result(Status.fail));
        fire(check, result(Status.fail));
        fire(check, result(Status.pass));

        assertThat(publisher.events)
                .extracting(AlertEvent::status)
                .containsExactly(AlertEvent.Status.firing, AlertEvent.Status.resolved);
        AlertEvent firing = publisher.events.get(0);
        assertThat(firing.kind()).isEqualTo(AlertEvent.Kind.QUALITY);
        assertThat(firing.severity()).isEqualTo(AlertEvent.Severity.critical);
        assertThat(firing.fingerprint()).isEqualTo("quality-service:quality:-:orphans-fact-vendas");
        assertThat(firing.details())
                .containsEntry("check", "orphans-fact-vendas")
                .containsEntry("value", "3.0");
        assertThat(publisher.events.get(1).fingerprint()).isEqualTo(firing.fingerprint());
    }

    @Test
    void shouldFireForAnErrorAndNotForAWarning() {
        fire(check, result(Status.warn));
        assertThat(publisher.events).isEmpty();

        fire(check, result(Status.error));
        assertThat(publisher.events).singleElement().satisfies(e -> assertThat(e.summary())
                .startsWith("Quality check orphans-fact-vendas could not run"));
    }

    @Test
    void shouldUseKindSlaForFreshness() {
        FakeCheck freshness = new FakeCheck("freshness", CheckKind.FRESHNESS);

        fire(freshness, result(Status.fail));

        assertThat(publisher.events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AlertEvent.Kind.SLA);
            assertThat(e.fingerprint()).isEqualTo("quality-service:sla:-:freshness");
        });
    }

    @Test
    void shouldResolveAfterARestartWhenTheLastStoredResultFailed() {
        alerts.restore(List.of(check), Map.of(check.id(), result(Status.fail)));

        fire(check, result(Status.pass));

        assertThat(publisher.events)
                .singleElement()
                .extracting(AlertEvent::status)
                .isEqualTo(AlertEvent.Status.resolved);
    }

    @Test
    void shouldGiveStillFailingAfterRepairItsOwnFingerprintAndResolveBoth() {
        fire(check, result(Status.fail));
        CheckAlerts.Transition afterRepair = alerts.repairFailed(check, result(Status.fail), "replay of 2026-11-20");
        alerts.commit(afterRepair);
        publisher.events.addAll(afterRepair.events());
        fire(check, result(Status.pass));

        assertThat(publisher.events)
                .extracting(AlertEvent::fingerprint, AlertEvent::status)
                .containsExactly(
                        tuple("quality-service:quality:-:orphans-fact-vendas", AlertEvent.Status.firing),
                        tuple("quality-service:quality:-:orphans-fact-vendas:after-repair", AlertEvent.Status.firing),
                        tuple("quality-service:quality:-:orphans-fact-vendas", AlertEvent.Status.resolved),
                        tuple(
                                "quality-service:quality:-:orphans-fact-vendas:after-repair",
                                AlertEvent.Status.resolved));
        assertThat(publisher.events.get(1).details()).containsEntry("repair", "replay of 2026-11-20");
    }

    @Test
    void shouldNotMoveTheStateUntilTheTransitionIsCommitted() {
        CheckAlerts.Transition lost = alerts.onResult(check, result(Status.fail));

        assertThat(lost.events()).hasSize(1);
        assertThat(alerts.isFiring(check.id())).isFalse();
        assertThat(alerts.onResult(check, result(Status.fail)).events())
                .as("the next run raises the alert whose write failed")
                .hasSize(1);
    }

    @Test
    void shouldFireOneAlertPerLateEntityLabelledWithItsEntity() {
        FakeCheck freshness = freshness();

        fire(freshness, result(Status.fail), late("orders"), late("customers"), fresh("regions"));

        assertThat(publisher.events)
                .extracting(AlertEvent::fingerprint, AlertEvent::entity, AlertEvent::status)
                .containsExactly(
                        tuple("quality-service:sla:orders:freshness", "orders", AlertEvent.Status.firing),
                        tuple("quality-service:sla:customers:freshness", "customers", AlertEvent.Status.firing));
        assertThat(publisher.events.get(0).summary())
                .isEqualTo("Quality check freshness failed for orders: 3 change(s) not in the DW");
        assertThat(publisher.events.get(0).details())
                .containsEntry("status", "fail")
                .containsEntry("value", "7200.0")
                .containsEntry("sample", "3 change(s) not in the DW");
        assertThat(alerts.isFiring("freshness")).as("no entity-less alert").isFalse();
        assertThat(alerts.isFiring("freshness", "orders")).isTrue();
    }

    @Test
    void shouldResolveTheEntityThatRecoversAndKeepTheOthersFiring() {
        FakeCheck freshness = freshness();
        fire(freshness, result(Status.fail), late("orders"), late("customers"));
        publisher.events.clear();

        fire(freshness, result(Status.fail), fresh("orders"), late("customers"));
        fire(freshness, result(Status.fail), fresh("orders"), late("customers"));

        assertThat(publisher.events)
                .extracting(AlertEvent::fingerprint, AlertEvent::status)
                .containsExactly(tuple("quality-service:sla:orders:freshness", AlertEvent.Status.resolved));
        assertThat(publisher.events.get(0).summary()).startsWith("Quality check freshness passes again for orders");
        assertThat(alerts.isFiring("freshness", "customers")).isTrue();
    }

    @Test
    void shouldFireAnEntityLessAlertWhenTheCheckCannotRunAndLeaveTheEntitiesAsTheyWere() {
        FakeCheck freshness = freshness();
        fire(freshness, result(Status.fail), late("orders"), fresh("customers"));
        publisher.events.clear();

        fire(freshness, result(Status.error));
        fire(freshness, result(Status.fail), late("orders"), fresh("customers"));

        assertThat(publisher.events)
                .extracting(AlertEvent::fingerprint, AlertEvent::entity, AlertEvent::status)
                .containsExactly(
                        tuple("quality-service:sla:-:freshness", null, AlertEvent.Status.firing),
                        tuple("quality-service:sla:-:freshness", null, AlertEvent.Status.resolved));
        assertThat(publisher.events.get(0).summary()).startsWith("Quality check freshness could not run");
    }

    @Test
    void shouldRestoreEachEntityFromItsLatestStoredJudgement() {
        FakeCheck freshness = freshness();
        alerts.restore(
                List.of(freshness),
                Map.of(freshness.id(), result(Status.error)),
                List.of(
                        new CheckAlerts.StoredEntity("freshness", late("orders"), "DW is behind for orders"),
                        new CheckAlerts.StoredEntity("freshness", fresh("customers"), "DW is behind for orders")));

        fire(freshness, result(Status.fail), late("orders"), late("customers"));

        assertThat(publisher.events)
                .extracting(AlertEvent::fingerprint, AlertEvent::status)
                .containsExactly(
                        tuple("quality-service:sla:-:freshness", AlertEvent.Status.resolved),
                        tuple("quality-service:sla:customers:freshness", AlertEvent.Status.firing));
    }

    @Test
    void shouldGiveEachEntityItsOwnAfterRepairAlert() {
        FakeCheck freshness = freshness();
        alerts.restore(
                List.of(freshness),
                Map.of(),
                List.of(new CheckAlerts.StoredEntity("freshness", late("orders"), "After replay of 2026-11-20: x")));

        CheckAlerts.Transition transition = alerts.repairFailed(
                freshness, result(Status.fail), List.of(late("orders"), late("customers")), "replay of 2026-11-20");
        alerts.commit(transition);
        publisher.events.addAll(transition.events());
        fire(freshness, result(Status.pass), fresh("orders"), fresh("customers"));

        assertThat(publisher.events)
                .extracting(AlertEvent::fingerprint, AlertEvent::status)
                .containsExactly(
                        tuple("quality-service:sla:customers:freshness", AlertEvent.Status.firing),
                        tuple("quality-service:sla:orders:freshness:after-repair", AlertEvent.Status.firing),
                        tuple("quality-service:sla:customers:freshness:after-repair", AlertEvent.Status.firing),
                        tuple("quality-service:sla:orders:freshness", AlertEvent.Status.resolved),
                        tuple("quality-service:sla:orders:freshness:after-repair", AlertEvent.Status.resolved),
                        tuple("quality-service:sla:customers:freshness", AlertEvent.Status.resolved),
                        tuple("quality-service:sla:customers:freshness:after-repair", AlertEvent.Status.resolved));
    }

    @Test
    void shouldResolveAFiringEntityThatIsNoLongerWatched() {
        FakeCheck freshness = freshness();
        alerts.restore(
                List.of(freshness),
                Map.of(),
                List.of(new CheckAlerts.StoredEntity("freshness", late("returns"), "DW is behind for returns")));

        fire(freshness, result(Status.pass), fresh("orders"), fresh("customers"));

        assertThat(publisher.events).singleElement().satisfies(e -> {
            assertThat(e.fingerprint()).isEqualTo("quality-service:sla:returns:freshness");
            assertThat(e.status()).isEqualTo(AlertEvent.Status.resolved);
            assertThat(e.summary()).contains("no longer watches returns");
        });
    }

    private static FakeCheck freshness() {
        return new FakeCheck("freshness", CheckKind.FRESHNESS).watching("orders", "customers");
    }

    private static EntityResult late(String entity) {
        return new EntityResult(entity, Status.fail, 7200.0, "3 change(s) not in the DW");
    }

    private static EntityResult fresh(String entity) {
        return new EntityResult(entity, Status.pass, 0.0, "fresh, lag PT0S.");
    }

    private void fire(FakeCheck target, QualityResult result, EntityResult... entities) {
        CheckAlerts.Transition transition = alerts.onResult(target, result, List.of(entities));
        alerts.commit(transition);
        publisher.events.addAll(transition.events());
    }

    private void fire(FakeCheck target, QualityResult result) {
        CheckAlerts.Transition transition = alerts.onResult(target, result);
        alerts.commit(transition);
        publisher.events.addAll(transition.events());
    }

    private QualityResult result(Status status) {
        return new QualityResult(
                null,
                check.id(),
                "orphans",
                status,
                3.0,
                "<= 0",
                List.of("k=1"),
                "three orphans",
                Instant.parse("2026-11-21T12:00:00Z"),
                5);
    }
}
