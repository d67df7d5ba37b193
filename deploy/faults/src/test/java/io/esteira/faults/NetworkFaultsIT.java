package io.esteira.faults;

import static io.esteira.faults.FaultCycle.CHANGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.esteira.embedded.net.TcpProxy;
import io.esteira.faults.check.WarehouseComparison;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bad network between the services and everything they talk to: a stack of its own whose services reach
 * the OLTP, the DW and the broker through a {@link TcpProxy} each. Mid-load, every connection is reset;
 * seconds of latency are added each way; connections are stalled half-open (kept open, nothing forwarded,
 * never closed on the services' side), so that only the services' own timeouts (esteira.timeouts.*) can
 * free a thread that waits on one. After each fault the DW must equal the OLTP row by row: 0 lost, 0
 * duplicated.
 *
 * <p>Cycles per fault: 1 in the bounded mode, {@code faults.cycles} in the long mode ({@code
 * -Dfaults.cycles=100}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(7)
class NetworkFaultsIT {

    /** Latency added in each direction: a round trip takes 2 s longer. */
    static final Duration LATENCY = Duration.ofSeconds(1);

    /**
     * How long connections stay stalled before the servers' side is released: longer than the pool's
     * connection timeout (10 s), so the services meet stalled new connections too, not only old ones.
     */
    static final Duration STALL = Duration.ofSeconds(15);

    /**
     * Recovery target after a stall: the recovery target, plus the time the services take to give up on a
     * stalled connection (the database socket timeout; the broker client's failure check, twice: it fires
     * between one and two periods after the last packet).
     */
    static final Duration STALL_RECOVERY_TARGET = FaultStack.RECOVERY_TARGET
            .plus(FaultStack.NETWORK_DATABASE_SOCKET_TIMEOUT)
            .plus(Duration.ofSeconds(60));

    @RegisterExtension
    static final OwnFaultStack STACK = new OwnFaultStack(FaultStack::startBehindProxies);

    @Test
    @Order(1)
    void shouldResumeAndLoseNothingWhenEveryConnectionIsCutMidLoad(FaultStack stack) {
        String fault = "network cut";
        for (int cycle = 1; cycle <= FaultCycle.cycles(1); cycle++) {
            stack.settle(Duration.ofMinutes(2));
            long before = FaultCycle.appliedBatches(stack);
            Future<Workload.Burst> burst = stack.workload().burst(8000 + cycle, CHANGES);
            FaultCycle.awaitApplied(stack, before, 2);
            int reset = onEveryProxy(stack, TcpProxy::cut);
            Instant back = Instant.now();
            WarehouseComparison.Report report =
                    FaultCycle.heal(stack, fault, cycle, reset + " connections reset while batches flow", burst, back);
            assertHealed(stack, report);
        }
        Results.summary(fault);
    }

    @Test
    @Order(2)
    void shouldKeepMovingAndLoseNothingUnderSecondsOfLatency(FaultStack stack) {
        String fault = "network latency";
        for (int cycle = 1; cycle <= FaultCycle.cycles(1); cycle++) {
            stack.settle(Duration.ofMinutes(2));
            long before = FaultCycle.appliedBatches(stack);
            stack.proxies().forEach(proxy -> proxy.latency(LATENCY));
            Instant slow = Instant.now();
            Future<Workload.Burst> burst;
            try {
                // The whole burst is carried while every round trip is 2 s slower, and the pipeline keeps moving.
                burst = stack.workload().burst(8100 + cycle, CHANGES);
                await("the loader applying batches under " + LATENCY + " of latency each way")
                        .atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> FaultCycle.appliedBatches(stack) >= before + 2);
            } finally {
                stack.proxies().forEach(proxy -> proxy.latency(Duration.ZERO));
            }
            Instant back = Instant.now();
            WarehouseComparison.Report report = FaultCycle.heal(
                    stack,
                    fault,
                    cycle,
                    LATENCY.toMillis() + " ms each way for "
                            + String.format(
                                    "%.1f s", Duration.between(slow, back).toMillis() / 1000.0)
                            + " while batches flow",
                    burst,
                    back);
            assertHealed(stack, report);
        }
        Results.summary(fault);
    }

    @Test
    @Order(3)
    void shouldFreeEveryThreadFromHalfOpenConnectionsAndLoseNothing(FaultStack stack) {
        String fault = "network stall (half-open)";
        for (int cycle = 1; cycle <= FaultCycle.cycles(1); cycle++) {
            stack.settle(Duration.ofMinutes(3));
            long before = FaultCycle.appliedBatches(stack);
            Future<Workload.Burst> burst = stack.workload().burst(8200 + cycle, CHANGES);
            FaultCycle.awaitApplied(stack, before, 2);
            int stalled = onEveryProxy(stack, TcpProxy::stall);
            int acceptedBefore = onEveryProxy(stack, TcpProxy::accepted);
            Instant stalledAt = Instant.now();
            await("connections stalled for " + STALL)
                    .atMost(STALL.plusSeconds(5))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> Duration.between(stalledAt, Instant.now()).compareTo(STALL) >= 0);
            int acceptedStalled = onEveryProxy(stack, TcpProxy::accepted) - acceptedBefore;
            stack.proxies().forEach(TcpProxy::release);
            Instant back = Instant.now();
            WarehouseComparison.Report report = FaultCycle.heal(
                    stack,
                    fault,
                    cycle,
                    stalled + " open connections and " + acceptedStalled + " new ones stalled for " + STALL.toSeconds()
                            + " s while batches flow; services' side never closed",
                    burst,
                    back,
                    STALL_RECOVERY_TARGET);
            assertHealed(stack, report);
        }
        Results.summary(fault, STALL_RECOVERY_TARGET);
    }

    /** Applies {@code fault} to every proxy; the sum of what each returned (connections hit). */
    private static int onEveryProxy(FaultStack stack, ToIntFunction<TcpProxy> fault) {
        return stack.proxies().stream().mapToInt(fault).sum();
    }

    /** The DW equals the OLTP, and no service died of the fault. */
    private static void assertHealed(FaultStack stack, WarehouseComparison.Report report) {
        assertThat(report.clean()).as("%s", report).isTrue();
        FaultCycle.assertServicesAlive(stack, List.of("extractor-service", "loader-service", "alerting-service"));
    }
}
