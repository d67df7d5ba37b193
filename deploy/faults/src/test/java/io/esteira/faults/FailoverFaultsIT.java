package io.esteira.faults;

import static io.esteira.faults.FaultCycle.CHANGES;
import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.faults.check.WarehouseComparison;
import io.esteira.faults.infra.BrokerProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Broker failover: a stack of its own whose broker is a pair ({@code deploy/artemis/ha-primary.xml} and
 * {@code ha-backup.xml}: a primary and a backup on one shared journal, docs/adr/0015), the services given
 * both in their broker URL ({@code (tcp://…,tcp://…)?ha=true&reconnectAttempts=-1}). Mid-load the primary
 * is killed with {@code kill -9}; the backup takes over the journal (messages, duplicate-id cache); the DW
 * must equal the OLTP row by row: 0 lost, 0 duplicated. Then the primary is started again during a longer
 * burst, the backup hands the journal back (failback) while batches flow, and the DW must equal the OLTP
 * again.
 *
 * <p>Cycles: 1 in the bounded mode, {@code faults.cycles} in the long mode ({@code -Dfaults.cycles=100}).
 */
@Order(8)
class FailoverFaultsIT {

    /** The longest the backup may take to serve after the primary was killed. */
    static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(60);

    /** The longest a restarted primary may take to serve again: its start, plus the backup's graceful stop. */
    static final Duration FAILBACK_LIMIT = Duration.ofMinutes(2);

    /**
     * Changes of the failback's burst: about 40 s of workload, longer than the backup's hand-over (the
     * primary's start and the backup's graceful shutdown, up to 30 s), so batches flow across it.
     */
    static final int FAILBACK_CHANGES = CHANGES * 8;

    @RegisterExtension
    static final OwnFaultStack STACK = new OwnFaultStack(FaultStack::startWithBrokerPair);

    @Test
    void shouldLoseAndDuplicateNothingWhenThePrimaryIsKilledAndWhenItTakesBackOver(FaultStack stack) {
        String failover = "broker failover (kill -9 primary)";
        String failback = "broker failback (primary restarted)";
        BrokerProcess primary = stack.brokerPair().primary();
        BrokerProcess backup = stack.brokerPair().backup();
        for (int cycle = 1; cycle <= FaultCycle.cycles(1); cycle++) {
            stack.settle(Duration.ofMinutes(2));

            long before = FaultCycle.appliedBatches(stack);
            Future<Workload.Burst> burst = stack.workload().burst(9000 + cycle, CHANGES);
            FaultCycle.awaitApplied(stack, before, 2);
            Instant killed = Instant.now();
            primary.kill();
            backup.awaitActive(TAKEOVER_LIMIT);
            Duration takeover = Duration.between(killed, backup.readyAt());
            WarehouseComparison.Report report = FaultCycle.heal(
                    stack,
                    failover,
                    cycle,
                    "primary killed while batches flow, backup serving after " + seconds(takeover),
                    burst,
                    backup.readyAt());
            assertThat(report.clean()).as("%s", report).isTrue();
            FaultCycle.assertServicesAlive(stack, List.of("extractor-service", "loader-service", "alerting-service"));

            // Failback: the primary, started again, asks the backup for the journal back; the backup hands it
            // over once it has shut down (gracefully: up to broker.xml's graceful-shutdown-timeout, 30 s), and
            // the clients follow. A burst long enough to span that hand-over makes it happen mid-load.
            before = FaultCycle.appliedBatches(stack);
            Instant restarted = Instant.now();
            primary.process().launch();
            burst = stack.workload().burst(9500 + cycle, FAILBACK_CHANGES);
            FaultCycle.awaitApplied(stack, before, 2);
            primary.awaitActive(FAILBACK_LIMIT);
            // Recorded rather than asserted: the workload's pace decides it, and a failback after the burst is
            // still a failback to check.
            String when = burst.isDone() ? "after the burst" : "while batches flow";
            Duration handBack = Duration.between(restarted, primary.readyAt());
            report = FaultCycle.heal(
                    stack,
                    failback,
                    cycle,
                    "primary restarted, serving again " + when + " after " + seconds(handBack),
                    burst,
                    primary.readyAt());
            assertThat(report.clean()).as("%s", report).isTrue();
            assertThat(backup.process().isAlive())
                    .as("the backup waits again after the failback")
                    .isTrue();
            FaultCycle.assertServicesAlive(stack, List.of("extractor-service", "loader-service", "alerting-service"));
        }
        Results.summary(failover);
        Results.summary(failback);
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
