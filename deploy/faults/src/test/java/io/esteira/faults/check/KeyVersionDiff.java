package io.esteira.faults.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One table's staging mirror against its OLTP source, key by key and version by version. The OLTP side is
 * every row of the table (soft-deleted rows included: they still exist, with {@code deleted_at}) with its
 * {@code row_version}, and the tombstones of hard-deleted keys; the DW side is {@code stg.<table>}: {@code
 * source_version} and {@code source_deleted} per key.
 *
 * <ul>
 *   <li><b>lost</b>: an OLTP row the mirror lacks, or holds at an older version, or holds as deleted;
 *   <li><b>ahead</b>: the mirror holds a version the OLTP row never had as its last (newer than it);
 *   <li><b>extra</b>: the mirror holds a live key the OLTP never had: a row made up or applied twice under
 *       another key;
 *   <li><b>delete lost</b>: the OLTP deleted the key (tombstone), the mirror still holds it live.
 * </ul>
 */
public record KeyVersionDiff(
        String table, int compared, List<Long> lost, List<Long> ahead, List<Long> extra, List<Long> deleteLost) {

    /** A row of {@code stg.<table>}. */
    public record Mirrored(long version, boolean deleted) {}

    public static KeyVersionDiff of(
            String table, Map<Long, Long> oltp, Map<Long, Long> tombstones, Map<Long, Mirrored> stg) {
        List<Long> lost = new ArrayList<>();
        List<Long> ahead = new ArrayList<>();
        List<Long> extra = new ArrayList<>();
        List<Long> deleteLost = new ArrayList<>();
        for (Map.Entry<Long, Long> row : new java.util.TreeMap<>(oltp).entrySet()) {
            Mirrored mirrored = stg.get(row.getKey());
            if (mirrored == null || mirrored.deleted() || mirrored.version() < row.getValue()) {
                lost.add(row.getKey());
            } else if (mirrored.version() > row.getValue()) {
                ahead.add(row.getKey());
            }
        }
        for (Long key : new TreeSet<>(stg.keySet())) {
            Mirrored mirrored = stg.get(key);
            if (mirrored.deleted() || oltp.containsKey(key)) {
                continue;
            }
            if (tombstones.containsKey(key)) {
                deleteLost.add(key);
            } else {
                extra.add(key);
            }
        }
        return new KeyVersionDiff(table, oltp.size(), lost, ahead, extra, deleteLost);
    }

    public boolean clean() {
        return lost.isEmpty() && ahead.isEmpty() && extra.isEmpty() && deleteLost.isEmpty();
    }

    /** One line per kind of difference, with the first keys. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        add(problems, "lost (missing or older in stg)", lost);
        add(problems, "ahead of the OLTP", ahead);
        add(problems, "extra (never in the OLTP)", extra);
        add(problems, "hard delete not applied", deleteLost);
        return problems;
    }

    private void add(List<String> problems, String what, List<Long> keys) {
        if (!keys.isEmpty()) {
            problems.add("stg." + table + ": " + keys.size() + " key(s) " + what + ", e.g. "
                    + keys.subList(0, Math.min(5, keys.size())));
        }
    }
}
