package io.esteira.faults;

import io.esteira.oltp.ChangeWorkload;
import io.esteira.oltp.ProgressListener;
import io.esteira.oltp.WorkloadReport;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * The continuous workload of a cycle: deploy/oltp's {@link ChangeWorkload} (new orders, status moves,
 * SCD1 and SCD2 updates, soft and hard deletes, returns, targets, discounts), one transaction per change,
 * rate-controlled, on a thread of its own while the fault is injected. Every change is a transaction of its
 * own and so stamps its rows with a version no other change has: the comparison checks each one arrived.
 */
public final class Workload implements AutoCloseable {

    /** Changes per second: enough to keep every part busy, little enough for two cores. */
    public static final double RATE = 30;

    private final DataSource oltp;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "faults-workload");
        thread.setDaemon(true);
        return thread;
    });

    public Workload(DataSource oltp) {
        this.oltp = oltp;
    }

    /** A finished burst: what it changed and when its last change committed. */
    public record Burst(WorkloadReport report, Instant endedAt) {}

    /** Starts {@code changes} changes at {@link #RATE} per second; the future ends with the burst. */
    public Future<Burst> burst(long seed, int changes) {
        return executor.submit(() -> {
            WorkloadReport report = new ChangeWorkload(new ChangeWorkload.Options(seed, RATE, null, changes))
                    .run(oltp, ProgressListener.silent());
            return new Burst(report, Instant.now());
        });
    }

    /** How long a burst of {@code changes} takes at the rate. */
    public static Duration lengthOf(int changes) {
        return Duration.ofMillis((long) (changes * 1000 / RATE));
    }

    /** Waits for a burst to end (it is bounded by count, so this is bounded too). */
    public static Burst finish(Future<Burst> burst, Duration timeout) {
        try {
            return burst.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "The workload failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            burst.cancel(true);
            throw new IllegalStateException("The workload did not finish within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the workload", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
