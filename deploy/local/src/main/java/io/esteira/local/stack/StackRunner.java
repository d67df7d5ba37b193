package io.esteira.local.stack;

import io.esteira.runtime.jdbc.ConnectionFailures;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.springframework.dao.DataAccessException;

/**
 * Keeps a running stack on screen: a progress block every interval, and a summary at the end. Ends
 * when the deadline passes, when the stack has been idle for the given time (every entity caught up,
 * nothing extracted, applied or queued since), or when {@code stop} says so (Ctrl-C).
 *
 * <p>A warehouse that does not answer never ends the run: the services wait it out and catch up, and the
 * runner says so once when it goes away and once when it is back (never idle meanwhile).
 */
public final class StackRunner {

    private final LocalStack stack;
    private final PrintStream out;
    private final Duration interval;
    private final ProgressView view;
    private final Queue<String> notes = new ConcurrentLinkedQueue<>();

    /** Progress as one line per interval. */
    public StackRunner(LocalStack stack, PrintStream out, Duration interval) {
        this(stack, out, interval, ProgressView.Mode.LINE);
    }

    /** @param mode a table redrawn in place (for a terminal), or one line per interval */
    public StackRunner(LocalStack stack, PrintStream out, Duration interval, ProgressView.Mode mode) {
        this.stack = stack;
        this.out = out;
        this.interval = interval;
        this.view = new ProgressView(mode);
    }

    /**
     * A line to print between two progress views (from any thread), e.g. what the demo is staging; printed
     * within half a second while {@link #run} runs, else by the next {@link #run} or {@link #printSummary}.
     */
    public void note(String line) {
        notes.add(line);
    }

    private void printNotes() {
        if (notes.isEmpty()) {
            return;
        }
        view.detach();
        for (String line = notes.poll(); line != null; line = notes.poll()) {
            out.println(line);
        }
        out.flush();
    }

    /** Why the run ended. */
    public enum End {
        DEADLINE,
        IDLE,
        STOPPED
    }

    /**
     * @param deadline null for none
     * @param idleFor null to never end on idleness
     */
    public End run(Instant deadline, Duration idleFor, BooleanSupplier stop) throws InterruptedException {
        view.detach();
        List<Long> lastMovement = null;
        Instant stillSince = Instant.now();
        Instant nextPrint = Instant.now();
        Instant awaySince = null;
        while (true) {
            printNotes();
            if (stop.getAsBoolean()) {
                return End.STOPPED;
            }
            if (deadline != null && !Instant.now().isBefore(deadline)) {
                return End.DEADLINE;
            }
            StackStatus status;
            try {
                status = StackStatus.read(stack);
            } catch (DataAccessException e) {
                if (awaySince == null) {
                    awaySince = Instant.now();
                    view.detach();
                    out.println(
                            unreadable(e)
                                    + "; the services wait for it and catch up once it is back. Still running (Ctrl-C to stop).");
                    out.flush();
                }
                stillSince = Instant.now();
                Thread.sleep(500);
                continue;
            }
            if (awaySince != null) {
                view.detach();
                out.printf(
                        "The warehouse answers again after %d s; the services are catching up.%n",
                        Duration.between(awaySince, Instant.now()).toSeconds());
                awaySince = null;
            }
            if (!Instant.now().isBefore(nextPrint)) {
                out.print(view.render(status, Instant.now()));
                out.flush();
                nextPrint = Instant.now().plus(interval);
            }
            if (!status.movement().equals(lastMovement)) {
                lastMovement = status.movement();
                stillSince = Instant.now();
            } else if (idleFor != null && status.queued() == 0 && !Instant.now().isBefore(stillSince.plus(idleFor))) {
                return End.IDLE;
            }
            Thread.sleep(500);
        }
    }

    /** What reached the DW, the KPI totals, the checks and the alerts. */
    public void printSummary() {
        printNotes();
        view.detach();
        out.println();
        out.println("════════ Esteira summary ════════");
        try {
            printTotals();
        } catch (DataAccessException e) {
            out.println(unreadable(e) + "; no summary this time.");
            out.flush();
        }
    }

    /** One sentence on why the DW could not be read: away, or something else. */
    static String unreadable(DataAccessException e) {
        Throwable root = e.getMostSpecificCause();
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return ConnectionFailures.isConnectionFailure(e)
                ? "The warehouse does not answer (" + reason + ")"
                : "Cannot read the progress from the warehouse (" + reason + ")";
    }

    private void printTotals() {
        StackStatus status = StackStatus.read(stack);
        out.print(status.render());
        out.println("KPIs (mart views):");
        for (Map.Entry<String, java.math.BigDecimal> kpi :
                StackStatus.kpis(stack).entrySet()) {
            java.math.BigDecimal value = kpi.getValue();
            out.printf(
                    "  %-22s %s%n",
                    kpi.getKey(),
                    value == null
                            ? "-"
                            : value.setScale(4, java.math.RoundingMode.HALF_UP).toPlainString());
        }
        out.println(StackStatus.reconciliation(stack));
        out.flush();
    }
}
