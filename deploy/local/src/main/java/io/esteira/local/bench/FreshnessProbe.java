package io.esteira.local.bench;

import io.esteira.runtime.config.Endpoint;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Steady-state freshness: writers commit changes to {@code core.order_items} at a fixed rate, one
 * change per transaction (half new lines on recent orders, half one more unit of an existing line),
 * noting each change's key, resulting quantity and commit time on the client; a poller asks the DW
 * which of the awaited keys {@code fact.fact_vendas} shows at that quantity or more (the workload
 * only adds units, so a larger quantity is a later change on top of this one). Freshness is thus
 * measured to the fact row, where users read, not to an earlier stage of the loader (its mirror or
 * landing tables). A change's latency is from the end of its commit to the start of the first poll
 * that sees it, so it errs on the high side by at most one poll and the pause before the next (2 ms, or
 * twice the last poll's time when so many keys are awaited that a poll takes longer: the probe then
 * holds a DW core a third of the time at most, instead of competing with the loader it measures). A
 * change not visible when the grace time after the workload runs out counts with the time it waited
 * until then, so the percentiles are never flattered by changes that never arrived.
 */
final class FreshnessProbe {

    private static final Duration POLL_PAUSE = Duration.ofMillis(2);

    /**
     * What the probe measured.
     *
     * @param notVisible changes the DW did not show within the grace time (their latencies are counted
     *     as the time waited, a lower bound)
     * @param cpu CPU time each process group used while the workload ran and the probe waited ({@link
     *     ProcessCpu}); empty when not measured
     * @param stages the services' stage timers over the same span ({@link StageTimes}): time and timings
     *     per stage, for the mean time of a batch in each; empty when not measured
     * @param harnessPauses the benchmark JVM's own collections over the same span ({@link JvmPauses}): each
     *     stopped the workload's writers, the probe and the broker together
     */
    record Result(
            double targetRate,
            Duration duration,
            long committed,
            long inserts,
            long updates,
            double achievedRate,
            long visible,
            long notVisible,
            Histogram latencyMicros,
            Map<String, Duration> cpu,
            Map<String, StageTimes.Spent> stages,
            JvmPauses.Summary harnessPauses) {

        Result {
            cpu = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cpu));
            stages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stages));
        }

        /** What the probe measured, without what it cost. */
        Result(
                double targetRate,
                Duration duration,
                long committed,
                long inserts,
                long updates,
                double achievedRate,
                long visible,
                long notVisible,
                Histogram latencyMicros) {
            this(
                    targetRate,
                    duration,
                    committed,
                    inserts,
                    updates,
                    achievedRate,
                    visible,
                    notVisible,
                    latencyMicros,
                    Map.of(),
                    Map.of(),
                    JvmPauses.Summary.NONE);
        }

        /**
         * This result with the CPU and the stage times the pipeline spent on it, and the collections of the
         * benchmark's JVM meanwhile.
         */
        Result withCost(
                Map<String, Duration> cpu, Map<String, StageTimes.Spent> stages, JvmPauses.Summary harnessPauses) {
            return new Result(
                    targetRate,
                    duration,
                    committed,
                    inserts,
                    updates,
                    achievedRate,
                    visible,
                    notVisible,
                    latencyMicros,
                    cpu,
                    stages,
                    harnessPauses);
        }

        /** CPU microseconds per committed change, per process group, in the order measured. */
        Map<String, Long> cpuMicrosPerChange() {
            Map<String, Long> perChange = new java.util.LinkedHashMap<>();
            if (committed > 0) {
                cpu.forEach((name, time) -> perChange.put(name, Math.round(time.toNanos() / 1000.0 / committed)));
            }
            return perChange;
        }

        double percentileMillis(double percentile) {
            return latencyMicros.getTotalCount() == 0
                    ? Double.NaN
                    : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMillis() {
            return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
        }
    }

    /** One committed change: the order item and the quantity it left. */
    private record Change(long key, long quantity, long committedNanos) {}

    private final Endpoint oltp;
    private final Endpoint dw;
    private final int writers;

    /** CPU time of the writers' own OLTP backends, each read as its writer ends ({@link #writerBackendsCpu}). */
    private final LongAdder writerBackendNanos = new LongAdder();

    private final AtomicInteger writerBackendsMeasured = new AtomicInteger();
    private final long seed;
    private final String visibleQuery;

    FreshnessProbe(Endpoint oltp, Endpoint dw, int writers, long seed) {
        this(oltp, dw, writers, seed, "visible-order-items");
    }

    /**
     * @param target where the changes must show: the pipeline's warehouse, or a peer's mirror
     * @param visibleQuery the {@link BenchSql} statement that answers, for an array of order item keys, each
     *     key shown in {@code target} and its quantity there
     */
    FreshnessProbe(Endpoint oltp, Endpoint target, int writers, long seed, String visibleQuery) {
        this.visibleQuery = visibleQuery;
        this.oltp = oltp;
        this.dw = target;
        this.writers = writers;
        this.seed = seed;
    }

    /**
     * @param grace how long to wait, after the writers stop, for the last changes to show
     * @param alive throws when a service died
     */
    Result run(
            double rate,
            Duration duration,
            Duration grace,
            Duration progressEvery,
            Runnable alive,
            Consumer<String> progress)
            throws InterruptedException {
        Keys keys = keys();
        writerBackendNanos.reset();
        writerBackendsMeasured.set(0);
        ConcurrentLinkedQueue<Change> committed = new ConcurrentLinkedQueue<>();
        AtomicLong slots = new AtomicLong();
        AtomicLong inserts = new AtomicLong();
        AtomicLong updates = new AtomicLong();
        AtomicLong lastCommit = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(writers);
        long intervalNanos = (long) (1e9 / rate);
        long durationNanos = duration.toNanos();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        SplittableRandom root = new SplittableRandom(seed);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            SplittableRandom random = root.split();
            Thread thread = new Thread(
                    () -> {
                        try (Connection connection = Databases.connect(oltp);
                                PreparedStatement insert =
                                        connection.prepareStatement(BenchSql.get("insert-order-item"));
                                PreparedStatement update =
                                        connection.prepareStatement(BenchSql.get("update-order-item"))) {
                            while (failure.get() == null) {
                                long slot = slots.getAndIncrement();
                                long due = start + slot * intervalNanos;
                                // The workload lasts its duration: slots a slow database could not serve in
                                // time are dropped, and the achieved rate shows it.
                                if (due - start >= durationNanos || System.nanoTime() - start >= durationNanos) {
                                    break;
                                }
                                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                                    LockSupport.parkNanos(wait);
                                }
                                Change change = random.nextBoolean()
                                        ? insert(insert, keys, random, inserts)
                                        : update(update, keys, random, updates);
                                if (change != null) {
                                    committed.add(change);
                                    lastCommit.accumulateAndGet(change.committedNanos(), Math::max);
                                }
                            }
                            ProcessCpu.ofBackend(connection).ifPresent(cpu -> {
                                writerBackendNanos.add(cpu.toNanos());
                                writerBackendsMeasured.incrementAndGet();
                            });
                        } catch (SQLException | RuntimeException e) {
                            failure.compareAndSet(null, e);
                        } finally {
                            done.countDown();
                        }
                    },
                    "bench-writer-" + w);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        Histogram latency = new Histogram(3);
        // The latencies seen since the last progress line: whether the tail settles or stays, which the
        // percentiles so far, dominated by the workload's first seconds, do not show.
        Histogram recent = new Histogram(3);
        Map<Long, List<Change>> pending = new HashMap<>();
        long visible = 0;
        Ticker ticker = new Ticker(progressEvery);
        long writersEnded = 0;
        try (Connection warehouse = Databases.connect(dw);
                PreparedStatement poll = warehouse.prepareStatement(BenchSql.get(visibleQuery))) {
            while (true) {
                for (Change change = committed.poll(); change != null; change = committed.poll()) {
                    pending.computeIfAbsent(change.key(), k -> new ArrayList<>(1))
                            .add(change);
                }
                if (failure.get() != null) {
                    throw new BenchException(
                            "A freshness writer failed: " + failure.get().getMessage() + ". Check the OLTP database.",
                            failure.get());
                }
                boolean writing = done.getCount() > 0;
                if (!writing && writersEnded == 0) {
                    writersEnded = System.nanoTime();
                }
                if (!writing
                        && committed.isEmpty()
                        && (pending.isEmpty() || System.nanoTime() - writersEnded > grace.toNanos())) {
                    break;
                }
                long pause = POLL_PAUSE.toNanos();
                if (!pending.isEmpty()) {
                    long polled = System.nanoTime();
                    visible += poll(warehouse, poll, pending, latency, recent);
                    // The probe must not slow what it measures: a poll that took long (many keys
                    // awaited) is followed by a pause twice as long, so it holds a DW core a third of
                    // the time at most.
                    pause = Math.max(pause, 2 * (System.nanoTime() - polled));
                }
                if (ticker.due()) {
                    alive.run();
                    double seconds = Math.max(0.001, (System.nanoTime() - start) / 1e9);
                    progress.accept(String.format(
                            Locale.ROOT,
                            "freshness: %.0f s, %,d changes committed (%,.0f/s), %,d visible, %,d awaited,"
                                    + " p50 %.0f ms p99 %.0f ms so far (since the last line: %s)",
                            seconds,
                            inserts.get() + updates.get(),
                            (inserts.get() + updates.get()) / seconds,
                            visible,
                            pending.values().stream().mapToInt(List::size).sum(),
                            latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(50) / 1000.0,
                            latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(99) / 1000.0,
                            describeRecent(recent)));
                    recent.reset();
                }
                LockSupport.parkNanos(pause);
            }
        } catch (SQLException e) {
            throw new BenchException(
                    "Polling the DW for the changes failed: " + e.getMessage() + ". Check the DW database.", e);
        } finally {
            failure.compareAndSet(null, new InterruptedException("stopped"));
            for (Thread thread : threads) {
                thread.join(10_000);
            }
        }
        long total = inserts.get() + updates.get();
        double seconds = Math.max(0.001, (lastCommit.get() - start) / 1e9);
        // Changes still not visible count at the time they have waited so far: the percentiles are
        // then lower bounds, and the report says so.
        long gaveUp = System.nanoTime();
        long notVisible = 0;
        for (List<Change> changes : pending.values()) {
            for (Change change : changes) {
                latency.recordValue((gaveUp - change.committedNanos()) / 1000);
                notVisible++;
            }
        }
        return new Result(
                rate, duration, total, inserts.get(), updates.get(), total / seconds, visible, notVisible, latency);
    }

    /**
     * The CPU time of the last run's writers' OLTP backends: the workload's statements and the capture triggers
     * they fire, what committing the changes cost the OLTP. Empty unless every writer's backend was a process
     * of this machine.
     */
    Optional<Duration> writerBackendsCpu() {
        return writerBackendsMeasured.get() == writers
                ? Optional.of(Duration.ofNanos(writerBackendNanos.sum()))
                : Optional.empty();
    }

    /** The changes shown since the last progress line (latencies in microseconds), as that line reports them. */
    static String describeRecent(Histogram recent) {
        return recent.getTotalCount() == 0
                ? "none shown"
                : String.format(
                        Locale.ROOT,
                        "%,d shown, p50 %.0f ms p99 %.0f ms",
                        recent.getTotalCount(),
                        recent.getValueAtPercentile(50) / 1000.0,
                        recent.getValueAtPercentile(99) / 1000.0);
    }

    /** Asks the DW about every awaited key once; records the latency of each change it shows, in both histograms. */
    private static long poll(
            Connection warehouse,
            PreparedStatement poll,
            Map<Long, List<Change>> pending,
            Histogram latency,
            Histogram recent)
            throws SQLException {
        Long[] keys = pending.keySet().toArray(new Long[0]);
        Array array = warehouse.createArrayOf("bigint", keys);
        long seen = 0;
        long pollStart = System.nanoTime();
        poll.setArray(1, array);
        try (ResultSet rs = poll.executeQuery()) {
            while (rs.next()) {
                long key = rs.getLong(1);
                long quantity = rs.getLong(2);
                List<Change> changes = pending.get(key);
                if (changes == null) {
                    continue;
                }
                for (var it = changes.iterator(); it.hasNext(); ) {
                    Change change = it.next();
                    if (change.quantity() <= quantity) {
                        long micros = Math.max(0, (pollStart - change.committedNanos()) / 1000);
                        latency.recordValue(micros);
                        recent.recordValue(micros);
                        it.remove();
                        seen++;
                    }
                }
                if (changes.isEmpty()) {
                    pending.remove(key);
                }
            }
        } finally {
            array.free();
        }
        return seen;
    }

    private static Change insert(PreparedStatement insert, Keys keys, SplittableRandom random, AtomicLong count)
            throws SQLException {
        insert.setLong(1, keys.orders()[random.nextInt(keys.orders().length)]);
        insert.setLong(2, keys.products()[random.nextInt(keys.products().length)]);
        return execute(insert, count);
    }

    private static Change update(PreparedStatement update, Keys keys, SplittableRandom random, AtomicLong count)
            throws SQLException {
        // A key in the range may be gone (deleted earlier): try a few.
        for (int attempt = 0; attempt < 5; attempt++) {
            update.setLong(1, random.nextLong(keys.minItem(), keys.maxItem() + 1));
            Change change = execute(update, count);
            if (change != null) {
                return change;
            }
        }
        return null;
    }

    /** Runs one change in its own transaction (auto-commit): the result arrives after the commit. */
    private static Change execute(PreparedStatement statement, AtomicLong count) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            Change change = new Change(rs.getLong(1), rs.getLong(2), System.nanoTime());
            count.incrementAndGet();
            return change;
        }
    }

    /** The keys the writers pick from. */
    private record Keys(long[] orders, long[] products, long minItem, long maxItem) {}

    private Keys keys() {
        try (Connection connection = Databases.connect(oltp)) {
            long[] orders = longs(connection, BenchSql.get("recent-orders"));
            long[] products = longs(connection, BenchSql.get("live-products"));
            long[] range = new long[2];
            try (PreparedStatement statement = connection.prepareStatement(BenchSql.get("order-item-range"));
                    ResultSet rs = statement.executeQuery()) {
                rs.next();
                range[0] = rs.getLong(1);
                range[1] = rs.getLong(2);
            }
            if (orders.length == 0 || products.length == 0 || range[1] == 0) {
                throw new BenchException("The OLTP has no live orders, products or order items to change; run"
                        + " the benchmark with --regenerate.");
            }
            return new Keys(orders, products, range[0], range[1]);
        } catch (SQLException e) {
            throw new BenchException(
                    "Cannot read the OLTP's keys for the freshness workload: " + e.getMessage()
                            + ". Check the OLTP database.",
                    e);
        }
    }

    private static long[] longs(Connection connection, String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
