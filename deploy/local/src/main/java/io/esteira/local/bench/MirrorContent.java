package io.esteira.local.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Does a peer's mirror hold the source tables' rows? Per table: row count and an order-independent hash of
 * every column the mirror has (the source's text of each value, so {@code varchar} and {@code text}, or
 * two timestamp precisions holding the same value, compare equal), computed on both sides.
 */
final class MirrorContent {

    private MirrorContent() {}

    /** One table on one side. */
    record Table(long rows, long hash) {}

    record Comparison(Map<String, Table> source, Map<String, Table> mirror, List<String> columnsMissing) {

        boolean equal() {
            return columnsMissing.isEmpty() && source.equals(mirror);
        }

        String describe() {
            List<String> different = new ArrayList<>();
            source.forEach((table, content) -> {
                if (!content.equals(mirror.get(table))) {
                    different.add(table + " (source " + content.rows() + " rows, mirror "
                            + (mirror.get(table) == null
                                    ? "none"
                                    : mirror.get(table).rows() + " rows") + ")");
                }
            });
            String rows = String.format(
                    Locale.ROOT,
                    "%,d rows in %d tables",
                    source.values().stream().mapToLong(Table::rows).sum(),
                    source.size());
            if (different.isEmpty() && columnsMissing.isEmpty()) {
                return "EQUAL (" + rows + ", every mirrored column)";
            }
            return "DIFFERENT: " + String.join(", ", different)
                    + (columnsMissing.isEmpty() ? "" : "; columns not mirrored: " + String.join(", ", columnsMissing));
        }
    }

    /**
     * Compares the given tables. Source columns the mirror lacks are named, except {@code row_version}:
     * the OLTP's change order ({@code xid8}, written by the pipeline's capture triggers), a type Debezium's
     * PostgreSQL connector does not map and so leaves out.
     */
    static Comparison compare(DataSource source, DataSource mirror, Collection<String> tables) {
        JdbcTemplate sourceJdbc = new JdbcTemplate(source);
        JdbcTemplate mirrorJdbc = new JdbcTemplate(mirror);
        Map<String, Table> sourceContent = new LinkedHashMap<>();
        Map<String, Table> mirrorContent = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String table : tables) {
            List<String> mirrored = columns(mirrorJdbc, table);
            for (String column : columns(sourceJdbc, table)) {
                if (!mirrored.contains(column) && !column.equals("row_version")) {
                    missing.add(table + "." + column);
                }
            }
            if (mirrored.isEmpty()) {
                sourceContent.put(table, content(sourceJdbc, table, List.of()));
                continue;
            }
            sourceContent.put(table, content(sourceJdbc, table, mirrored));
            mirrorContent.put(table, content(mirrorJdbc, table, mirrored));
        }
        return new Comparison(sourceContent, mirrorContent, missing);
    }

    private static List<String> columns(JdbcTemplate jdbc, String table) {
        String[] parts = table.split("\\.", 2);
        return jdbc.queryForList(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?"
                        + " ORDER BY ordinal_position",
                String.class,
                parts[0],
                parts[1]);
    }

    private static Table content(JdbcTemplate jdbc, String table, List<String> columns) {
        String row = columns.isEmpty()
                ? "''"
                : "concat_ws('|', "
                        + columns.stream()
                                .map(c -> "coalesce(\"" + c + "\"::text, '<null>')")
                                .collect(Collectors.joining(", "))
                        + ")";
        return jdbc.queryForObject(
                "SELECT COUNT(*), COALESCE(SUM(hashtext(" + row + ")::bigint), 0) FROM " + table,
                (rs, n) -> new Table(rs.getLong(1), rs.getLong(2)));
    }
}
