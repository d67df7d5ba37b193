package io.esteira.contracts.mirror;

import java.util.List;
import java.util.Locale;

/**
 * The bookkeeping columns of a mirror entity's tables, {@code raw.<entity>} and its work table {@code
 * stg.incoming_<entity>} (docs/adr/0015-mirror-tables.md), which no column a mirror entity carries may be
 * called: the loader would create the table with the name twice. One definition for both services: the
 * extractor refuses such a column when it reads the entity's columns (at start-up, and for an entity that
 * carries every column of its table, with every batch), and the loader refuses a batch that carries one
 * anyway (from an extractor older than that refusal).
 */
public final class BookkeepingColumns {

    /** The names, in the order the tables have them (raw.*: the first three; stg.incoming_*: all but loaded_at). */
    public static final List<String> NAMES =
            List.of("source_version", "source_deleted", "loaded_at", "apply_token", "applies");

    private BookkeepingColumns() {}

    /** Whether {@code column} has the name of a bookkeeping column, in any case. */
    public static boolean isReserved(String column) {
        return NAMES.contains(column.toLowerCase(Locale.ROOT));
    }

    /** The names as a message lists them: {@code source_version, source_deleted, …}. */
    public static String listed() {
        return String.join(", ", NAMES);
    }
}
