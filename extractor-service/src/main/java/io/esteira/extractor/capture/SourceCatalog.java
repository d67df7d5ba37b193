package io.esteira.extractor.capture;

import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.extractor.dialect.CaptureDialect;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Checks an entity of the catalog against the OLTP's own catalog, as the extractor's login sees it:
 * the table, every column a batch carries, the key (present, and unique on its own, since capture breaks
 * ties by it), the change-order column (present, and of the one type capture can bound: {@link
 * CaptureDialect#changeOrderType()}) and the tombstone table with the columns capture reads. Each
 * problem is one sentence that names the entity, the table or column, and what to do.
 */
public class SourceCatalog {

    /** The columns of a tombstone table that capture reads (deleted_at: time-window replays). */
    static final List<String> TOMBSTONE_COLUMNS = List.of("table_name", "row_key", "row_version", "deleted_at");

    private static final String CATALOG_FILE = "the entity catalog file (esteira.catalog.file)";

    private final NamedParameterJdbcTemplate jdbc;
    private final CaptureDialect dialect;

    public SourceCatalog(DataSource oltp, CaptureDialect dialect) {
        this.jdbc = new NamedParameterJdbcTemplate(new JdbcTemplate(oltp));
        this.dialect = dialect;
    }

    /** What the OLTP lacks for capturing {@code entity}; empty when nothing. */
    public List<String> problems(EntityDefinition entity) {
        String table = entity.table();
        String about = " (entity " + entity.name() + ")";
        Map<String, String> columns = columns(entity.tableSchema(), entity.tableName());
        if (columns.isEmpty()) {
            return List.of("table " + table + about + " does not exist or the extractor's login cannot read it;"
                    + " create it, grant the login SELECT on it, or correct its table in " + CATALOG_FILE);
        }
        List<String> problems = new ArrayList<>();
        if (!columns.containsKey(lower(entity.keyColumn()))) {
            problems.add("key column " + table + "." + entity.keyColumn() + about + " does not exist; name the"
                    + " table's primary key column in key of " + CATALOG_FILE);
        } else if (!uniqueKeys(entity.tableSchema(), entity.tableName()).contains(lower(entity.keyColumn()))) {
            problems.add("key column " + table + "." + entity.keyColumn() + about + " is not unique on its own (no"
                    + " primary key or unique index of that one column); capture orders rows by it, so name the"
                    + " table's single-column primary key in key of " + CATALOG_FILE);
        }
        for (String column : entity.columns()) {
            if (!column.equals(entity.keyColumn()) && !columns.containsKey(lower(column))) {
                problems.add("column " + table + "." + column + about + " does not exist; add it to the table or"
                        + " take it out of columns in " + CATALOG_FILE);
            }
        }
        String changeOrder = entity.changeOrderColumn();
        String type = columns.get(lower(changeOrder));
        String prepare = "the table needs " + changeOrderDescription() + " (docs/runbook.md, Adding an entity)";
        if (type == null) {
            problems.add("change-order column " + table + "." + changeOrder + about + " does not exist; " + prepare
                    + ", or name the one it has in change-order-column of " + CATALOG_FILE);
        } else if (!type.equalsIgnoreCase(dialect.changeOrderType())) {
            problems.add("change-order column " + table + "." + changeOrder + about + " is " + type + ", not "
                    + dialect.changeOrderType() + ", so capture cannot bound it by what is committed; " + prepare
                    + ", or name that column in change-order-column of " + CATALOG_FILE);
        }
        problems.addAll(tombstoneProblems(entity));
        return problems;
    }

    private List<String> tombstoneProblems(EntityDefinition entity) {
        String tombstones = entity.tombstoneTable();
        int dot = tombstones.indexOf('.');
        String schema = dot < 0 ? null : tombstones.substring(0, dot);
        Map<String, String> columns = columns(schema, tombstones.substring(dot + 1));
        String about = " (tombstone table of entity " + entity.name() + ")";
        if (columns.isEmpty()) {
            return List.of("table " + tombstones + about + " does not exist or the extractor's login cannot read it;"
                    + " create it with the hard-delete trigger of the table (docs/runbook.md, Adding an entity),"
                    + " grant the login SELECT on it, or correct tombstone-table in " + CATALOG_FILE);
        }
        List<String> problems = new ArrayList<>();
        for (String column : TOMBSTONE_COLUMNS) {
            if (!columns.containsKey(column)) {
                problems.add("column " + tombstones + "." + column + about + " does not exist; a tombstone table has "
                        + String.join(", ", TOMBSTONE_COLUMNS) + " (docs/data-contract.md)");
            }
        }
        return problems;
    }

    private String changeOrderDescription() {
        return switch (dialect.sql().vendor()) {
            case POSTGRESQL -> "an xid8 column stamped with pg_current_xact_id() by a trigger on every write";
            case SQLSERVER -> "a rowversion column";
        };
    }

    /** Lower-cased column name to its data type; empty when the table is not there (or not readable). */
    private Map<String, String> columns(String schema, String table) {
        Map<String, String> columns = new LinkedHashMap<>();
        jdbc.query(dialect.sourceColumns(), parameters(schema, table), rs -> {
            columns.put(lower(rs.getString("column_name")), rs.getString("data_type"));
        });
        return columns;
    }

    private Set<String> uniqueKeys(String schema, String table) {
        Set<String> keys = new HashSet<>();
        jdbc.query(dialect.sourceUniqueKeys(), parameters(schema, table), rs -> {
            keys.add(lower(rs.getString("column_name")));
        });
        return keys;
    }

    private static MapSqlParameterSource parameters(String schema, String table) {
        return new MapSqlParameterSource().addValue("schema_name", schema).addValue("table_name", table);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
