package io.esteira.local.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CPU time used by the processes of a run, for the cost per row of each stage: the services' JVMs (the
 * extractor: capture and send; the loader: parse, land and derive on its side), the benchmark's JVM (the
 * broker, the probes) and the PostgreSQL backends serving the OLTP and the DW ({@code pg_stat_activity}'s
 * pids, read through {@link ProcessHandle}: only where the server runs on this machine; a backend that
 * ends between two snapshots loses its time, so the database figures are lower bounds).
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

    private ProcessCpu() {}

    /** The CPU time of a process so far, or empty when it is gone or the platform does not tell. */
    static Optional<Duration> of(long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().totalCpuDuration());
    }

    /**
     * The services' JVMs (by name), this JVM, and the backends of each database (by label) that the
     * platform lets this process see; a database on another machine is left out.
     */
    static Snapshot take(Map<String, Long> servicePids, Map<String, DataSource> databases) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        servicePids.forEach((service, pid) -> of(pid).ifPresent(d -> cpu.put(service, d)));
        of(ProcessHandle.current().pid()).ifPresent(d -> cpu.put("bench JVM (broker, probes)", d));
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
            Optional<Duration> cpu = of(pid);
            if (cpu.isPresent()) {
                total = total.plus(cpu.get());
                seen = true;
            }
        }
        return seen ? Optional.of(total) : Optional.empty();
    }
}
