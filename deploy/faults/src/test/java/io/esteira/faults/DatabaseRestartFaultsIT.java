package io.esteira.faults;

import static io.esteira.faults.FaultCycle.CHANGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.esteira.embedded.EmbeddedPostgresServer;
import io.esteira.faults.check.WarehouseComparison;
import io.esteira.faults.infra.ServiceProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Database server restarts, which the shared server cannot give: a stack of its own whose OLTP and DW each
 * run on an embedded PostgreSQL server of their own (as production has them), each server stopped mid-load
 * and started again on the same port and data, alternately with a fast shutdown and an immediate one (no
 * checkpoint: the start runs crash recovery). The services are not touched: they must reconnect by
 * themselves (Hikari), their health must go DOWN while the server is away and UP again, and the DW must
 * then equal the OLTP row by row within the recovery target, counted from the health being UP again.
 *
 * <p>Cycles per server: 2 in the bounded mode (one of each shutdown), {@code faults.cycles} in the long mode
 * ({@code -Dfaults.cycles=100}).
 */
@Order(6)
class DatabaseRestartFaultsIT {

    private static EmbeddedPostgresServer oltpServer;
    private static EmbeddedPostgresServer dwServer;
    private static FaultStack stack;

    @BeforeAll
    static void startAStackOnServersOfItsOwn() throws Exception {
        oltpServer = EmbeddedPostgresServer.startDurable();
        dwServer = EmbeddedPostgresServer.startDurable();
        stack = FaultStack.start(oltpServer.server(), dwServer.server());
    }

    @AfterAll
    static void stop() {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            if (oltpServer != null) {
                oltpServer.close();
            }
            if (dwServer != null) {
                dwServer.close();
            }
        }
    }

    @Test
    void shouldReconnectAndLoseNothingWhenTheWarehouseServerRestartsMidLoad() {
        String fault = "DW server restart";
        for (int cycle = 1; cycle <= FaultCycle.cycles(2); cycle++) {
            EmbeddedPostgresServer.Shutdown mode = shutdown(cycle);
            stack.settle(Duration.ofMinutes(2));
            long before = FaultCycle.appliedBatches(stack);
            Future<Workload.Burst> burst = stack.workload().burst(6000 + cycle, CHANGES);
            FaultCycle.awaitApplied(stack, before, 2);
            Instant down = Instant.now();
            dwServer.stop(mode);
            Instant back = restartWhenDown(dwServer, stack.loader());
            WarehouseComparison.Report report =
                    FaultCycle.heal(stack, fault, cycle, how(mode, "while batches flow", down, back), burst, back);
            assertThat(report.clean()).as("%s", report).isTrue();
            FaultCycle.assertServicesAlive(stack, List.of("extractor-service", "loader-service", "alerting-service"));
        }
        Results.summary(fault);
    }

    @Test
    void shouldReconnectAndLoseNothingWhenTheOltpServerRestartsMidLoad() {
        String fault = "OLTP server restart";
        for (int cycle = 1; cycle <= FaultCycle.cycles(2); cycle++) {
            EmbeddedPostgresServer.Shutdown mode = shutdown(cycle);
            stack.settle(Duration.ofMinutes(2));
            long before = FaultCycle.appliedBatches(stack);
            // The workload is the OLTP's own client: it commits its burst, and the server goes down while the
            // pipeline is still carrying that burst over (extracting, publishing, applying).
            Future<Workload.Burst> burst = stack.workload().burst(7000 + cycle, CHANGES);
            FaultCycle.awaitApplied(stack, before, 2);
            Workload.finish(burst, Duration.ofMinutes(2));
            boolean caughtUp = stack.compare().clean();
            Instant down = Instant.now();
            oltpServer.stop(mode);
            Instant back = restartWhenDown(oltpServer, stack.extractor());
            WarehouseComparison.Report report = FaultCycle.heal(
                    stack,
                    fault,
                    cycle,
                    how(
                            mode,
                            caughtUp ? "after the burst (DW had caught up)" : "while the burst is carried",
                            down,
                            back),
                    burst,
                    back);
            assertThat(report.clean()).as("%s", report).isTrue();
            FaultCycle.assertServicesAlive(stack, List.of("extractor-service", "loader-service", "alerting-service"));
        }
        Results.summary(fault);
    }

    private static EmbeddedPostgresServer.Shutdown shutdown(int cycle) {
        return cycle % 2 == 1 ? EmbeddedPostgresServer.Shutdown.FAST : EmbeddedPostgresServer.Shutdown.IMMEDIATE;
    }

    /**
     * Waits until {@code watcher}'s health reports the server gone (DOWN), restarts the server, and waits
     * until the health is UP again without touching the service.
     *
     * @return when the health answered UP again
     */
    private static Instant restartWhenDown(EmbeddedPostgresServer server, ServiceProcess watcher) {
        await(watcher.name() + " health DOWN while its database is away")
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> health(watcher) == 503);
        server.restart();
        await(watcher.name() + " health UP again, by itself")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> health(watcher) == 200);
        return Instant.now();
    }

    private static int health(ServiceProcess service) {
        return ServiceProcess.get(service.managementPort(), "/actuator/health", null);
    }

    private static String how(EmbeddedPostgresServer.Shutdown mode, String when, Instant down, Instant back) {
        return mode.name().toLowerCase(java.util.Locale.ROOT) + " shutdown " + when + ", down to health UP "
                + String.format("%.1f s", Duration.between(down, back).toMillis() / 1000.0);
    }
}
