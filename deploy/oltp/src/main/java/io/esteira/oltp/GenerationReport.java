package io.esteira.oltp;

import java.time.Duration;
import java.util.Map;

/** What {@link BaseDataGenerator#generate} wrote: rows per table and how long it took. */
public record GenerationReport(Map<CoreTable, Long> rows, Duration elapsed) {

    public GenerationReport {
        rows = Map.copyOf(rows);
    }

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rows(CoreTable table) {
        return rows.getOrDefault(table, 0L);
    }
}
