package io.esteira.local.stack;

import java.io.Console;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * How the running stack's progress is printed. On a terminal ({@link Mode#TABLE}) one block that is
 * redrawn in place (ANSI cursor-up and clear), with rows/s per entity and a bar of what has been
 * applied of what was read; elsewhere ({@link Mode#LINE}) one compact line per interval, fit for logs
 * and pipes. Pure: it only turns snapshots into text, so it is tested without a terminal.
 */
public final class ProgressView {

    /** The two ways to show progress. */
    public enum Mode {
        /** Redrawn in place; for a terminal. */
        TABLE,
        /** One line per interval; for a log file or a pipe. */
        LINE;

        /** {@code table}, {@code line} or {@code auto} (table when standard input and output are a terminal). */
        public static Mode parse(String value) {
            return switch (value == null ? "auto" : value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "table" -> TABLE;
                case "line" -> LINE;
                case "auto", "" -> onTerminal(System.console()) ? TABLE : LINE;
                default -> throw new IllegalArgumentException(
                        "--progress must be table, line or auto, not '" + value + "'");
            };
        }
    }

    /**
     * Whether {@code console} is a terminal. Up to JDK 21 {@link System#console()} returns a console only
     * when standard input and output are a terminal; from JDK 22 it returns one for a pipe too, and {@code
     * Console.isTerminal()} (JDK 22) tells them apart. Called by reflection: the project compiles for 17.
     */
    static boolean onTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException beforeJdk22) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    static final String CURSOR_UP = "\u001b[%dA";
    static final String CLEAR_TO_END = "\u001b[J";
    private static final int BAR_WIDTH = 12;
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Mode mode;
    private StackStatus previous;
    private Instant previousAt;
    private Instant startedAt;
    private int linesOnScreen;

    public ProgressView(Mode mode) {
        this.mode = mode;
    }

    public Mode mode() {
        return mode;
    }

    /** The text to print for {@code status} read at {@code at}; remembers it for the next rates. */
    public String render(StackStatus status, Instant at) {
        if (startedAt == null) {
            startedAt = at;
        }
        double seconds =
                previousAt == null ? 0 : Duration.between(previousAt, at).toMillis() / 1000.0;
        String text = mode == Mode.TABLE ? table(status, previous, seconds, at) : line(status, previous, seconds, at);
        previous = status;
        previousAt = at;
        return text;
    }

    /**
     * Forgets what is on screen, so the next table is printed below instead of over it (call it when
     * something else was printed in between).
     */
    public void detach() {
        linesOnScreen = 0;
    }

    private String table(StackStatus now, StackStatus before, double seconds, Instant at) {
        StringBuilder body = new StringBuilder();
        body.append(String.format(
                "Esteira progress  %s UTC  up %s%n", CLOCK.format(at), elapsed(Duration.between(startedAt, at))));
        body.append(String.format(
                "%-13s %9s %9s %7s %7s %6s  %s%n",
                "entity", "read", "applied", "rows/s", "batches", "lag s", "applied of read"));
        now.entities()
                .forEach((entity, p) -> body.append(String.format(
                        "%-13s %9d %9d %7s %7d %6.1f  %s%n",
                        entity,
                        p.extracted(),
                        p.rowsApplied(),
                        rate(
                                p.rowsApplied(),
                                before == null ? null : before.entities().get(entity),
                                seconds),
                        p.batchesApplied(),
                        p.lagSeconds(),
                        bar(p.rowsApplied(), p.extracted()))));
        double total = seconds <= 0 || before == null ? -1 : (now.totalApplied() - before.totalApplied()) / seconds;
        body.append(String.format(
                "%-13s %9d %9d %7s %7s %6s  %s%n",
                "total",
                now.totalExtracted(),
                now.totalApplied(),
                total < 0 ? "-" : String.format("%.0f", total),
                "",
                "",
                bar(now.totalApplied(), now.totalExtracted())));
        // Lines narrower than 80 columns: a wrapped line would throw the cursor-up count off.
        for (String schema : new String[] {"fact", "dim"}) {
            body.append(schema).append("s:");
            now.warehouse().forEach((table, count) -> {
                if (table.startsWith(schema + ".")) {
                    body.append(' ')
                            .append(table.substring(table.indexOf('_') + 1))
                            .append('=')
                            .append(count);
                }
            });
            body.append('\n');
        }
        body.append(String.format(
                "queued=%d dead-lettered=%d alerts sent=%d checks: %s%n",
                now.queued(), now.deadLettered(), now.alertsSent(), checks(now.checks())));
        String text = body.toString();
        String prefix = linesOnScreen == 0 ? "" : String.format(CURSOR_UP, linesOnScreen) + "\r" + CLEAR_TO_END;
        linesOnScreen = (int) text.chars().filter(c -> c == '\n').count();
        return prefix + text;
    }

    private String line(StackStatus now, StackStatus before, double seconds, Instant at) {
        double total = seconds <= 0 || before == null ? -1 : (now.totalApplied() - before.totalApplied()) / seconds;
        return String.format(
                "progress %s read=%d applied=%d (%s) rows/s=%s queued=%d dead=%d alerts=%d checks=%s%n",
                CLOCK.format(at),
                now.totalExtracted(),
                now.totalApplied(),
                percent(now.totalApplied(), now.totalExtracted()),
                total < 0 ? "-" : String.format("%.0f", total),
                now.queued(),
                now.deadLettered(),
                now.alertsSent(),
                checks(now.checks()));
    }

    static String rate(long applied, StackStatus.EntityProgress before, double seconds) {
        if (before == null || seconds <= 0) {
            return "-";
        }
        return String.format("%.0f", Math.max(0, applied - before.rowsApplied()) / seconds);
    }

    /** {@code [#####.....] 50%}: how much of what was read has been applied. */
    static String bar(long done, long of) {
        if (of <= 0) {
            return "[" + ".".repeat(BAR_WIDTH) + "]   -";
        }
        double fraction = Math.min(1.0, (double) done / of);
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] "
                + String.format("%3.0f%%", fraction * 100);
    }

    private static String percent(long done, long of) {
        return of <= 0 ? "-" : String.format("%.0f%%", Math.min(1.0, (double) done / of) * 100);
    }

    /** {@code 3 passed, 1 failed}, or {@code -} before the first run. */
    private static String checks(Map<String, String> checks) {
        if (checks.isEmpty()) {
            return "-";
        }
        Map<String, Long> byStatus = new java.util.TreeMap<>();
        checks.values().forEach(s -> byStatus.merge(s, 1L, Long::sum));
        StringBuilder text = new StringBuilder();
        byStatus.forEach((s, n) ->
                text.append(text.length() == 0 ? "" : ",").append(s).append(':').append(n));
        return text.toString();
    }

    private static String elapsed(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600
                ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
