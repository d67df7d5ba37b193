package io.esteira.faults;

import static org.awaitility.Awaitility.await;

import io.esteira.faults.check.WarehouseComparison;
import io.esteira.faults.infra.ServiceProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Future;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The shape every fault test shares: a burst of workload, a fault injected while it runs (triggered by what
 * the pipeline is observably doing, never by a timer), the faulty part brought back, then a wait for the
 * DW to equal the OLTP, bounded by the recovery target counted from when both the part was back and the
 * workload had ended. Each healed cycle is recorded in {@link Results}.
 */
final class FaultCycle {

    /** Changes per burst: about five seconds of workload. */
    static final int CHANGES = 150;

    private FaultCycle() {}

    /** {@code faults.cycles} of the bounded (CI) mode. */
    static final int BOUNDED_CYCLES = 5;

    /** Cycles of each kill fault: 5 by default, {@code -Dfaults.cycles=100} for the long mode. */
    static int cycles() {
        return Integer.getInteger("faults.cycles", BOUNDED_CYCLES);
    }

    /**
     * Cycles of a fault whose cycle costs minutes (a stack of its own, a broker pair, server restarts): {@code
     * bounded} in the bounded mode (fewer when {@code faults.cycles} asks for fewer), {@code faults.cycles} in
     * the long mode.
     */
    static int cycles(int bounded) {
        int asked = cycles();
        return asked <= BOUNDED_CYCLES ? Math.min(bounded, asked) : asked;
    }

    /** Batches the loader has applied so far (its idempotency record). */
    static long appliedBatches(FaultStack stack) {
        return Sql.number(stack.dw(), "SELECT COUNT(*) FROM ctl.applied_batch");
    }

    /** Waits until the loader applied more batches than {@code before}: the pipeline is moving. */
    static void awaitApplied(FaultStack stack, long before, int more) {
        await("the loader applying " + more + " more batch(es)")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> appliedBatches(stack) >= before + more);
    }

    /**
     * Batches one loader process has applied since it started, from its Prometheus endpoint ({@code
     * esteira_loader_batches_total{outcome="applied"}}, every entity).
     */
    static double batchesAppliedBy(ServiceProcess loader) {
        ServiceProcess.Response response =
                ServiceProcess.request(loader.managementPort(), "/actuator/prometheus", "GET", null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    loader.name() + " /actuator/prometheus answered " + response.statusCode() + ": " + response.body());
        }
        return response.body()
                .lines()
                .filter(line ->
                        line.startsWith("esteira_loader_batches_total{") && line.contains("outcome=\"applied\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** How long {@link #awaitBlocked} and {@link #awaitBlockedBy} wait for a statement to block. */
    static final Duration BLOCKED_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Waits until a service session on the DW is blocked on a lock while running a statement that mentions
     * {@code statementText}.
     */
    static void awaitBlocked(FaultStack stack, String statementText) {
        String sql = "SELECT pid FROM pg_stat_activity WHERE datname = ? AND wait_event_type = 'Lock'"
                + " AND application_name <> ? AND query LIKE ? LIMIT 1";
        await("a service statement on " + statementText + " waiting for our lock")
                .atMost(BLOCKED_TIMEOUT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> Sql.number(
                                stack.dw(),
                                sql,
                                stack.dwDatabaseName(),
                                FaultStack.APPLICATION_NAME,
                                "%" + statementText + "%")
                        > 0);
    }

    /**
     * Waits until a DW statement that starts with {@code leadingComment} waits on the lock that {@code lock}'s
     * session holds ({@code pg_blocking_pids}). Fails when none does within {@link #BLOCKED_TIMEOUT}, naming the
     * statement and the sessions that did wait on a lock meanwhile.
     */
    static void awaitBlockedBy(FaultStack stack, Connection lock, String leadingComment) throws SQLException {
        long holder = Sql.number(lock, "SELECT pg_backend_pid()");
        String blocked = "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = ? AND starts_with(query, ?)"
                + " AND ?::int = ANY (pg_blocking_pids(pid))";
        try {
            await("a statement starting with '" + leadingComment + "' waiting for our lock")
                    .atMost(BLOCKED_TIMEOUT)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> Sql.number(stack.dw(), blocked, stack.dwDatabaseName(), leadingComment, holder) > 0);
        } catch (ConditionTimeoutException e) {
            List<String> waiting = Sql.texts(
                    stack.dw(),
                    "SELECT pid || ' blocked by ' || pg_blocking_pids(pid)::text || ': ' || split_part(query, E'\\n', 1)"
                            + " FROM pg_stat_activity WHERE datname = ? AND wait_event_type = 'Lock'",
                    stack.dwDatabaseName());
            throw new AssertionError(
                    "No statement starting with '" + leadingComment + "' waited on the lock session " + holder
                            + " holds within " + BLOCKED_TIMEOUT.toSeconds() + " s: the lock is on a table that"
                            + " statement does not write, or the statement did not run; sessions waiting on a lock now: "
                            + (waiting.isEmpty() ? "none" : waiting),
                    e);
        }
    }

    /**
     * The comment line a statement of the loader's SQL resource {@code apply/<resource>} starts with, as
     * pg_stat_activity shows it, read from the loader jar the stack runs.
     */
    static String loaderStatementComment(FaultStack stack, String resource) {
        Path jar = stack.jar("loader-service");
        String entry = "BOOT-INF/classes/apply/" + resource;
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry found = file.getEntry(entry);
            if (found == null) {
                throw new IllegalStateException(
                        jar + " has no " + entry + ": name a file under loader-service/src/main/resources/apply");
            }
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(file.getInputStream(found), StandardCharsets.UTF_8))) {
                String first = in.readLine();
                if (first == null || !first.startsWith("--")) {
                    throw new IllegalStateException(entry + " in " + jar + " does not start with a comment line,"
                            + " which the fault tests find its statement by in pg_stat_activity");
                }
                return first;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + entry + " from " + jar, e);
        }
    }

    /**
     * Ends the database sessions a killed process left waiting on a lock. PostgreSQL notices a dead client
     * only when it next talks to it, so without this an orphan would still run the statement it waits on.
     */
    static void terminateWaiting(FaultStack stack) {
        Sql.number(
                stack.dw(),
                "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = ?"
                        + " AND wait_event_type = 'Lock' AND application_name <> ?",
                stack.dwDatabaseName(),
                FaultStack.APPLICATION_NAME);
    }

    /** Holds a lock in the DW until closed (rolled back). */
    static Connection lock(FaultStack stack, String statement, Object... parameters) throws SQLException {
        Connection connection = stack.dw().getConnection();
        connection.setAutoCommit(false);
        try (var prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            prepared.execute();
        }
        return connection;
    }

    /**
     * Finishes the burst, then waits for the DW to equal the OLTP within the recovery target counted from
     * the later of {@code back} (the faulty part is back) and the burst's end; records the cycle.
     */
    static WarehouseComparison.Report heal(
            FaultStack stack, String fault, int cycle, String how, Future<Workload.Burst> burst, Instant back) {
        return heal(stack, fault, cycle, how, burst, back, FaultStack.RECOVERY_TARGET);
    }

    /** The same, within {@code target} instead of the recovery target. */
    static WarehouseComparison.Report heal(
            FaultStack stack,
            String fault,
            int cycle,
            String how,
            Future<Workload.Burst> burst,
            Instant back,
            Duration target) {
        Workload.Burst done = Workload.finish(burst, Duration.ofMinutes(5));
        Instant from = done.endedAt().isAfter(back) ? done.endedAt() : back;
        Duration left = target.minus(Duration.between(from, Instant.now()));
        WarehouseComparison.Report report =
                stack.awaitCaughtUp(left.isNegative() ? Duration.ofSeconds(1) : left.plusMillis(1));
        Duration recovery = Duration.between(from, Instant.now());
        Results.cycle(fault, cycle, how + ", " + done.report().total() + " changes", recovery, report);
        return report;
    }

    /** Every service that should run still does (a fault must not take down a part it did not hit). */
    static void assertServicesAlive(FaultStack stack, List<String> names) {
        for (var service : List.of(stack.extractor(), stack.loader(), stack.alerting())) {
            if (names.contains(service.name()) && !service.isAlive()) {
                throw new AssertionError(service.name() + " died during the fault; its log ends:\n"
                        + service.process().tail(80));
            }
        }
    }
}
