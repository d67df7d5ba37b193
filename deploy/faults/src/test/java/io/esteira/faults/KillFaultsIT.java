package io.esteira.faults;

import static io.esteira.faults.FaultCycle.CHANGES;
import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.faults.check.WarehouseComparison;
import io.esteira.faults.infra.ServiceProcess;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * kill -9 of the extractor, of the loader and of the broker, and every database session of the services
 * dropped, and two loaders with either killed, each {@link FaultCycle#cycles()} times under a continuous workload; after each, the DW equals
 * the OLTP row by row within the recovery target: nothing lost, nothing duplicated, no fact orphaned.
 *
 * <p>Kills land at the moments that matter, found by watching the pipeline rather than by timers: the
 * extractor between the broker's confirmation of a batch and the move of its watermark (odd cycles), the
 * loader inside a lander's transaction (odd cycles) and inside a derive pass (even cycles), each once its
 * statement waits on a lock the test holds; otherwise as soon as the pipeline has moved during the burst.
 */
@ExtendWith(FaultStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(4)
class KillFaultsIT {

    @BeforeEach
    void settle(FaultStack stack) {
        stack.settle(Duration.ofMinutes(2));
    }

    @Test
    @Order(1)
    void shouldLoseAndDuplicateNothingWhenTheExtractorIsKilled(FaultStack stack) throws Exception {
        String fault = "kill -9 extractor";
        for (int cycle = 1; cycle <= FaultCycle.cycles(); cycle++) {
            long before = FaultCycle.appliedBatches(stack);
            String how;
            Future<Workload.Burst> burst;
            if (cycle % 2 == 1) {
                // Every watermark move waits on advisory lock 4242 while we hold it (faults/hold-watermark.sql):
                // the extractor publishes a batch, the broker confirms it, the watermark update waits. Kill it
                // there: the batch is sent, the watermark not moved.
                try (Connection lock = FaultCycle.lock(stack, "SELECT pg_advisory_lock(4242)")) {
                    burst = stack.workload().burst(1000 + cycle, CHANGES);
                    FaultCycle.awaitBlocked(stack, "watermark_version");
                    stack.extractor().kill();
                    FaultCycle.terminateWaiting(stack);
                }
                how = "after the broker confirmed a batch, before the watermark moved";
            } else {
                burst = stack.workload().burst(1000 + cycle, CHANGES);
                FaultCycle.awaitApplied(stack, before, 2);
                stack.extractor().kill();
                how = "while extracting";
            }
            assertThat(stack.extractor().isAlive()).isFalse();
            stack.extractor().start();
            WarehouseComparison.Report report = FaultCycle.heal(
                    stack, fault, cycle, how, burst, stack.extractor().readyAt());
            assertThat(report.clean()).as("%s", report).isTrue();
            FaultCycle.assertServicesAlive(stack, List.of("loader-service", "alerting-service"));
        }
        Results.summary(fault);
    }

    @Test
    @Order(2)
    void shouldLoseAndDuplicateNothingWhenTheLoaderIsKilledMidBatch(FaultStack stack) throws Exception {
        String fault = "kill -9 loader";
        for (int cycle = 1; cycle <= FaultCycle.cycles(); cycle++) {
            LoaderMoment moment = cycle % 2 == 1 ? LoaderMoment.LANDING : LoaderMoment.DERIVING;
            String statement = FaultCycle.loaderStatementComment(stack, moment.resource());
            Future<Workload.Burst> burst;
            try (Connection lock = FaultCycle.lock(stack, moment.lock())) {
                burst = stack.workload().burst(2000 + cycle, CHANGES);
                FaultCycle.awaitBlockedBy(stack, lock, statement);
                stack.loader().kill();
                FaultCycle.terminateWaiting(stack);
                lock.rollback();
            }
            assertThat(stack.loader().isAlive()).isFalse();
            stack.loader().start();
            WarehouseComparison.Report report = FaultCycle.heal(
                    stack, fault, cycle, moment.how(), burst, stack.loader().readyAt());
            assertThat(report.clean()).as("%s", report).isTrue();
            FaultCycle.assertServicesAlive(stack, List.of("extractor-service", "alerting-service"));
        }
        Results.summary(fault);
    }

    /**
     * Where the loader's mid-batch kill lands: a lock the test holds, the loader's SQL resource whose statement
     * waits on it, and what is open when the loader dies.
     */
    private record LoaderMoment(String lock, String resource, String how) {

        /**
         * In a lander's transaction: the order items' batch copied into the session's landing table, its upsert
         * into the staging mirror waiting; nothing committed, the JMS message unacknowledged.
         */
        static final LoaderMoment LANDING = new LoaderMoment(
                "LOCK TABLE stg.order_items IN SHARE MODE",
                "postgresql/land.sql",
                "in a lander transaction: batch copied to the landing table, upsert into stg.order_items waiting");

        /** In a derive pass: the keys claimed and the dimensions derived, the sales facts' delete waiting. */
        static final LoaderMoment DERIVING = new LoaderMoment(
                "LOCK TABLE fact.fact_vendas IN EXCLUSIVE MODE",
                "postgresql/fact_vendas.sql",
                "in a derive pass: keys claimed, delete from fact.fact_vendas waiting");
    }

    @Test
    @Order(3)
    void shouldLoseAndDuplicateNothingWhenTheBrokerIsKilled(FaultStack stack) {
        String fault = "kill -9 broker";
        for (int cycle = 1; cycle <= FaultCycle.cycles(); cycle++) {
            long before = FaultCycle.appliedBatches(stack);
            Future<Workload.Burst> burst = stack.workload().burst(3000 + cycle, CHANGES);
            FaultCycle.awaitApplied(stack, before, 2);
            stack.broker().kill();
            stack.broker().start();
            WarehouseComparison.Report report = FaultCycle.heal(
                    stack,
                    fault,
                    cycle,
                    "while batches flow",
                    burst,
                    stack.broker().readyAt());
            assertThat(report.clean()).as("%s", report).isTrue();
            FaultCycle.assertServicesAlive(stack, List.of("extractor-service", "loader-service", "alerting-service"));
        }
        Results.summary(fault);
    }

    @Test
    @Order(4)
    void shouldLoseAndDuplicateNothingWhenTheDatabaseDropsEveryServiceSession(FaultStack stack) throws Exception {
        // The shared PostgreSQL server cannot be restarted here; ending every session the services hold on
        // both databases is what a restart does to them.
        String fault = "pg_terminate_backend of every service session";
        for (int cycle = 1; cycle <= FaultCycle.cycles(); cycle++) {
            long before = FaultCycle.appliedBatches(stack);
            Future<Workload.Burst> burst = stack.workload().burst(4000 + cycle, CHANGES);
            FaultCycle.awaitApplied(stack, before, 2);
            int first = stack.terminateServiceSessions();
            FaultCycle.awaitApplied(stack, FaultCycle.appliedBatches(stack), 1);
            int second = stack.terminateServiceSessions();
            assertThat(first + second).as("sessions ended").isPositive();
            WarehouseComparison.Report report = FaultCycle.heal(
                    stack, fault, cycle, "twice in a burst, " + (first + second) + " sessions", burst, Instant.now());
            assertThat(report.clean()).as("%s", report).isTrue();
            FaultCycle.assertServicesAlive(stack, List.of("extractor-service", "loader-service", "alerting-service"));
        }
        Results.summary(fault);
    }

    @Test
    @Order(5)
    void shouldLeaveTheSameWarehouseWithTwoLoadersAsWithOneWhenEitherIsKilled(FaultStack stack) {
        // Two loaders consume the same queues. Each entity's batches form one message group, so the broker hands
        // a whole entity to one consumer at a time, in order; a killed loader's groups move to the other one.
        // The DW must end exactly as one loader leaves it: equal to the OLTP row by row.
        String fault = "two loaders, kill -9 of the busy one";
        ServiceProcess second = stack.secondLoader().start();
        Map<String, Double> appliedBy = new HashMap<>();
        try {
            for (int cycle = 1; cycle <= FaultCycle.cycles(); cycle++) {
                ServiceProcess victim = cycle % 2 == 1 ? stack.loader() : second;
                long before = FaultCycle.appliedBatches(stack);
                Future<Workload.Burst> burst = stack.workload().burst(5000 + cycle, CHANGES);
                FaultCycle.awaitApplied(stack, before, 2);
                appliedBy.merge(victim.name(), FaultCycle.batchesAppliedBy(victim), Double::sum);
                victim.kill();
                victim.start();
                WarehouseComparison.Report report = FaultCycle.heal(
                        stack, fault, cycle, "killed " + victim.name() + " while applying", burst, victim.readyAt());
                assertThat(report.clean()).as("%s", report).isTrue();
                assertThat(second.isAlive() && stack.loader().isAlive())
                        .as("both loaders run")
                        .isTrue();
            }
            for (ServiceProcess loader : List.of(stack.loader(), second)) {
                appliedBy.merge(loader.name(), FaultCycle.batchesAppliedBy(loader), Double::sum);
            }
        } finally {
            second.stop();
        }
        // Both took part, or the cycles proved nothing about two loaders.
        assertThat(appliedBy)
                .as("batches applied by each loader")
                .hasEntrySatisfying("loader-service", n -> assertThat(n).isPositive())
                .hasEntrySatisfying("loader-service-2", n -> assertThat(n).isPositive());
        Results.summary(fault);
    }
}
