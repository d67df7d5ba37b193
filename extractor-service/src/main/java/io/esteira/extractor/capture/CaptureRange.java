package io.esteira.extractor.capture;

import io.esteira.contracts.ChangeBatch.Cursor;
import java.time.LocalDateTime;

/**
 * What to read: rows after {@code from} up to and including {@code to} in change order, optionally
 * only those whose {@code windowColumn} falls in {@code [windowFrom, windowTo)}.
 */
public record CaptureRange(
        Cursor from, Cursor to, String windowColumn, LocalDateTime windowFrom, LocalDateTime windowTo) {

    /** The end of change order: live capture reads up to whatever is certainly committed. */
    public static final Cursor END = new Cursor(Long.MAX_VALUE, Long.MAX_VALUE);

    public static CaptureRange after(Cursor from) {
        return new CaptureRange(from, END, null, null, null);
    }

    public CaptureRange {
        if (from.compareTo(to) > 0) {
            throw new IllegalArgumentException("Capture range starts after it ends: from " + from + " to " + to);
        }
        if ((windowColumn == null) != (windowFrom == null) || (windowFrom == null) != (windowTo == null)) {
            throw new IllegalArgumentException("A time window needs a column, a start and an end, or none of them");
        }
    }

    /** The same range, continuing after {@code cursor}. */
    public CaptureRange continueAfter(Cursor cursor) {
        return new CaptureRange(cursor, to, windowColumn, windowFrom, windowTo);
    }
}
