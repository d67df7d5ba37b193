package io.esteira.local.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CPU time used by the processes of a run, for the cost per row of each stage: the services' JVMs (the
 * extractor: capture and send; the loader: parse, land and derive on its side), the broker's threads in the
 * benchmark's JVM, the rest of that JVM (the freshness workload's writers, the probes, the JVM's own
 * collector and compiler) and the PostgreSQL backends serving the OLTP and the DW ({@code pg_stat_activity}'s
 * pids, read through {@link ProcessHandle}: only where the server runs on this machine; a backend that
 * ends between two snapshots loses its time, so the database figures are lower bounds).
 *
 * <p>The broker is told apart by its threads ({@link #isBrokerThread}), read through the JVM's {@link
 * ThreadMXBean}: one of its pooled threads that ends between two snapshots takes its time with it too, so the
 * broker's figure is a lower bound and the benchmark JVM's rest an upper one. In production the broker is a
 * process of its own; until 2026-12-06 the two were one figure, "bench JVM (broker, probes)".
 */
final class ProcessCpu {

    /** CPU time per named process group at one moment. */
    record Snapshot(Map<String, Duration> cpu) {

        /** What each group used since {@code before}; groups missing from either side are left out. */
        Map<String, Duration> since(Snapshot before) {
            Map<String, Duration> used = new LinkedHashMap<>();
            cpu.forEach((name, now) -> {
                Duration then = before.cpu().get(name);
                if (then != null && !now.minus(then).isNegative()) {
                    used.put(name, now.minus(then));
                }
            });
            return used;
        }
    }

    /** The broker's threads in the benchmark's JVM. */
    static final String BROKER = "broker (in the bench JVM)";

    /** The rest of the benchmark's JVM: writers, probes, its collector and compiler (the services too, in-process). */
    static final String BENCH_JVM = "bench JVM (writers, probes)";

    /**
     * The OLTP backends of the freshness workload's writers: its statements, with the capture triggers they
     * fire. They start and end within the workload, so a snapshot of the OLTP's backends never sees them; each
     * writer reads its own backend's CPU as it ends ({@link FreshnessProbe#writerBackendsCpu}).
     */
    static final String OLTP_WRITERS = "OLTP backends of the writers";

    private ProcessCpu() {}

    /**
     * Whether a thread of this JVM is the embedded Artemis broker's: its server, I/O, journal and Netty threads
     * are named {@code ActiveMQ-…} or {@code activemq-…} (within {@code Thread-n (…)}); a client's threads (the
     * services' own, when they run in this JVM) name themselves {@code ActiveMQ-client-…}.
     */
    static boolean isBrokerThread(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("activemq") && !lower.contains("client");
    }

    /** CPU time so far of this JVM's live broker threads; zero where the JVM does not measure thread CPU. */
    static Duration brokerThreadsCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
            return Duration.ZERO;
        }
        long nanos = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && isBrokerThread(info.getThreadName())) {
                long used = threads.getThreadCpuTime(info.getThreadId());
                if (used > 0) {
                    nanos += used;
                }
            }
        }
        return Duration.ofNanos(nanos);
    }

    /** The CPU time of a process so far, or empty when it is gone or the platform does not tell. */
    static Optional<Duration> of(long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().totalCpuDuration());
    }

    /**
     * The CPU time so far of the PostgreSQL backend serving {@code connection}, or empty when no process of
     * this machine is that backend (the server runs elsewhere: a local process with the same pid is not it).
     */
    static Optional<Duration> ofBackend(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
            pid.next();
            return ofBackend(pid.getLong(1));
        }
    }

    /**
     * The CPU time so far of a local process that may be a PostgreSQL server's ({@link #ofBackend(Connection)}):
     * one whose command this process may read and that is not {@code postgres} is another program's. (Another
     * user's command may be unreadable; its CPU time is readable all the same.)
     */
    static Optional<Duration> ofBackend(long pid) {
        return ProcessHandle.of(pid)
                .filter(handle -> handle.info()
                        .command()
                        .or(() -> handle.info().commandLine())
                        .map(command -> command.contains("postgres"))
                        .orElse(true))
                .flatMap(handle -> handle.info().totalCpuDuration());
    }

    /**
     * The services' JVMs (by name), this JVM, and the backends of each database (by label) that the
     * platform lets this process see; a database on another machine is left out.
     */
    static Snapshot take(Map<String, Long> servicePids, Map<String, DataSource> databases) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        servicePids.forEach((service, pid) -> of(pid).ifPresent(d -> cpu.put(service, d)));
        of(ProcessHandle.current().pid()).ifPresent(own -> {
            Duration broker = brokerThreadsCpu();
            cpu.put(BROKER, broker);
            cpu.put(BENCH_JVM, own.minus(broker).isNegative() ? Duration.ZERO : own.minus(broker));
        });
        databases.forEach((label, dataSource) -> backends(dataSource).ifPresent(d -> cpu.put(label, d)));
        return new Snapshot(cpu);
    }

    private static Optional<Duration> backends(DataSource dataSource) {
        List<Long> pids;
        try {
            pids = new JdbcTemplate(dataSource)
                    .queryForList(
                            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                                    + " AND pid <> pg_backend_pid()",
                            Long.class);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        boolean seen = false;
        for (long pid : pids) {
            Optional<Duration> cpu = ofBackend(pid);
            if (cpu.isPresent()) {
                total = total.plus(cpu.get());
                seen = true;
            }
        }
        return seen ? Optional.of(total) : Optional.empty();
    }
}
