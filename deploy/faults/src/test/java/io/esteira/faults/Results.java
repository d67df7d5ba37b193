package io.esteira.faults;

import io.esteira.faults.check.WarehouseComparison;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each cycle did and found, appended as it happens to {@code target/faults-logs/results.md} (one
 * table row per cycle) and summarised per fault at the end of a test: the numbers docs/reliability.md
 * reports.
 */
public final class Results {

    private static final Map<String, List<Duration>> RECOVERIES = new LinkedHashMap<>();

    private Results() {}

    /** Records one healed fault: how long recovery took and what the comparison saw. */
    public static synchronized void cycle(
            String fault, int cycle, String how, Duration recovery, WarehouseComparison.Report report) {
        RECOVERIES.computeIfAbsent(fault, f -> new ArrayList<>()).add(recovery);
        write(String.format(
                "| %s | %s | %d | %s | %.1f | %d | %d | %d |%n",
                Instant.now(),
                fault,
                cycle,
                how,
                recovery.toMillis() / 1000.0,
                report.rowsCompared(),
                report.lost(),
                report.duplicated()));
    }

    /** One line about a fault: cycles and the slowest and median recovery. */
    public static synchronized String summary(String fault) {
        return summary(fault, FaultStack.RECOVERY_TARGET);
    }

    /** The same, for a fault with a recovery target of its own. */
    public static synchronized String summary(String fault, Duration target) {
        List<Duration> recoveries = new ArrayList<>(RECOVERIES.getOrDefault(fault, List.of()));
        if (recoveries.isEmpty()) {
            return fault + ": no cycle";
        }
        recoveries.sort(Duration::compareTo);
        String line = String.format(
                "%s: %d cycle(s), 0 lost, 0 duplicated, recovery median %.1f s, max %.1f s (target %d s)",
                fault,
                recoveries.size(),
                recoveries.get(recoveries.size() / 2).toMillis() / 1000.0,
                recoveries.get(recoveries.size() - 1).toMillis() / 1000.0,
                target.toSeconds());
        write("\n" + line + "\n\n");
        System.out.println("[faults] " + line);
        return line;
    }

    /** A free-form line in the results file. */
    public static synchronized void note(String text) {
        write(text + "\n");
        System.out.println("[faults] " + text);
    }

    private static void write(String text) {
        Path file = Path.of(System.getProperty("faults.logs", "target/faults-logs"), "results.md");
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.writeString(
                        file,
                        "| time | fault | cycle | how | recovery s | rows compared | lost | duplicated |\n"
                                + "|---|---|---|---|---|---|---|---|\n",
                        StandardCharsets.UTF_8);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
