package io.esteira.local.bench;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the peer ({@code bench --peer debezium}) measured on the same source as the pipeline.
 *
 * @param name what ran, for the table
 * @param jvmOptions the peer JVM's options (empty: the JVM's defaults, as a Debezium user starts it)
 * @param startup from its process start to its engine starting (not counted in the load)
 * @param rowsByTable the source rows per table the mirror had to reach
 * @param load from the engine's start to the mirror holding every source row
 * @param mirrorEqual whether each mirror table holds the source table's rows, column by column
 * @param mirrorComparison the comparison in one line
 * @param freshness OLTP commit → the mirror's row shows the change (null: skipped)
 * @param peakRssKb the peer process's peak resident set (VmHWM)
 */
public record PeerResult(
        String name,
        String jvmOptions,
        Duration startup,
        Map<String, Long> rowsByTable,
        Duration load,
        boolean mirrorEqual,
        String mirrorComparison,
        FreshnessProbe.Result freshness,
        OptionalLong peakRssKb) {

    public PeerResult {
        rowsByTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByTable));
    }

    public long rows() {
        return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
    }

    public double rowsPerSecond() {
        double seconds = load.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rows() / seconds;
    }
}
