package io.esteira.local.bench;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One initial load: the rows applied per entity, in how many batches and how long.
 *
 * @param rowsByEntity rows applied per catalog entity, in load order (every row read once: the initial load has no
 *     repeats)
 * @param batches change batches applied
 * @param elapsed from the first read to the last commit
 * @param captureTime time spent reading the OLTP (the reference's copy; zero when not measured)
 * @param applyTime time spent in DW apply transactions, summed over batches (the reference: its build and indexes)
 */
public record LoadResult(
        Map<String, Long> rowsByEntity, long batches, Duration elapsed, Duration captureTime, Duration applyTime) {

    public static final String ORDER_ITEMS = "order_items";

    public LoadResult {
        rowsByEntity = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByEntity));
    }

    public long rows() {
        return rowsByEntity.values().stream().mapToLong(Long::longValue).sum();
    }

    public long orderItems() {
        return rowsByEntity.getOrDefault(ORDER_ITEMS, 0L);
    }

    public double seconds() {
        return elapsed.toNanos() / 1e9;
    }

    /** Rows of every entity per second. */
    public double rowsPerSecond() {
        return rows() / Math.max(seconds(), 1e-3);
    }

    /** Order items per second, the dimensions and other facts loaded in the same time. */
    public double orderItemsPerSecond() {
        return orderItems() / Math.max(seconds(), 1e-3);
    }
}
