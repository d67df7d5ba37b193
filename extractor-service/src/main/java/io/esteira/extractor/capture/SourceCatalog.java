package io.esteira.extractor.capture;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.catalog.SourceMapping;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.extractor.dialect.CaptureDialect;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
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

    private static final String CATALOG_FILE = "the entity catalog file (esteira.catalog.file)";

    private final DataSource oltp;
    private final NamedParameterJdbcTemplate jdbc;
    private final CaptureDialect dialect;

    public SourceCatalog(DataSource oltp, CaptureDialect dialect) {
        this.oltp = oltp;
        this.jdbc = new NamedParameterJdbcTemplate(new JdbcTemplate(oltp));
        this.dialect = dialect;
    }

    /**
     * What the OLTP lacks for capturing the entities of {@code catalog} that {@code enabled} accepts, in load
     * order: everything {@link #problems(EntityDefinition)} finds, and for a mirror entity whose table passes,
     * a column of a type mirror tables do not carry or called like a bookkeeping column of {@code
     * raw.<entity>} (docs/data-contract.md): the declared ones, or every column of the table for an entity
     * declared without columns. What the extractor checks at start-up, and {@code esteira-local quality
     * validate --catalog} before a deployment.
     */
    public List<String> problems(EntityCatalog catalog, Predicate<String> enabled) {
        ChangeCapture mirrors = new ChangeCapture(oltp, dialect, 1, catalog::isMirror, catalog::carriesAllColumns);
        List<String> problems = new ArrayList<>();
        for (EntityDefinition entity : catalog.loadOrder()) {
            if (enabled.test(entity.name())) {
                List<String> found = problems(entity);
                problems.addAll(found);
                if (found.isEmpty() && catalog.isMirror(entity.name())) {
                    try {
                        mirrors.columns(entity);
                    } catch (IllegalStateException e) {
                        problems.add(e.getMessage());
                    }
                }
            }
        }
        return problems;
    }

    /**
     * What the OLTP lacks for capturing {@code entity}; empty when nothing. It looks for the source's names
     * ({@link EntityDefinition#source()}); a problem with a mapped name says which contract name it maps.
     */
    public List<String> problems(EntityDefinition entity) {
        SourceMapping source = entity.source();
        String table = source.table();
        String about = " (entity " + entity.name() + ")";
        Map<String, String> columns = columns(source.tableSchema(), source.tableName());
        if (columns.isEmpty()) {
            return List.of("table " + table + about + " does not exist or the extractor's login cannot read it;"
                    + " create it, grant the login SELECT on it, or correct its table in " + CATALOG_FILE);
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> spelled = spellings(source.tableSchema(), source.tableName());
        String key = source.keyColumn();
        String keyAbout = mapped(entity.keyColumn(), key) + about;
        if (!columns.containsKey(lower(key))) {
            problems.add("key column " + table + "." + key + keyAbout + " does not exist; name the"
                    + " table's primary key column in key of " + CATALOG_FILE);
        } else if (!uniqueKeys(source.tableSchema(), source.tableName()).contains(lower(key))) {
            problems.add("key column " + table + "." + key + keyAbout + " is not unique on its own (no"
                    + " primary key or unique index of that one column); capture orders rows by it, so name the"
                    + " table's single-column primary key in key of " + CATALOG_FILE);
        } else {
            misspelt(table, key, keyAbout, spelled, "key").ifPresent(problems::add);
        }
        for (String column : entity.columns()) {
            if (column.equals(entity.keyColumn())) {
                continue;
            }
            String name = source.column(column);
            String columnAbout = mapped(column, name) + about;
            if (!columns.containsKey(lower(name))) {
                problems.add("column " + table + "." + name + columnAbout + " does not exist; "
                        + (name.equals(column)
                                ? "add it to the table, take it out of columns, or map " + column
                                        + " onto the table's column (columns: {" + column + ": <source column>})"
                                : "map " + column + " onto one of the table's columns (columns: {" + column
                                        + ": <source column>})")
                        + " in " + CATALOG_FILE);
            } else {
                misspelt(table, name, columnAbout, spelled, "columns").ifPresent(problems::add);
            }
        }
        String changeOrder = source.changeOrderColumn();
        String type = columns.get(lower(changeOrder));
        String prepare = "the table needs " + changeOrderDescription() + " (docs/runbook.md, Adding an entity)";
        if (type == null) {
            problems.add("change-order column " + table + "." + changeOrder + about + " does not exist; " + prepare
                    + ", or name the one it has in change-order-column of " + CATALOG_FILE);
        } else if (!type.equalsIgnoreCase(dialect.changeOrderType())) {
            problems.add("change-order column " + table + "." + changeOrder + about + " is " + type + ", not "
                    + dialect.changeOrderType() + ", so capture cannot bound it by what is committed; " + prepare
                    + ", or name that column in change-order-column of " + CATALOG_FILE);
        } else {
            misspelt(table, changeOrder, about, spelled, "change-order-column").ifPresent(problems::add);
        }
        problems.addAll(tombstoneProblems(entity));
        return problems;
    }

    private List<String> tombstoneProblems(EntityDefinition entity) {
        SourceMapping source = entity.source();
        String tombstones = source.tombstoneTable();
        Map<String, String> columns = columns(source.tombstoneTableSchema(), source.tombstoneTableName());
        String about = " (tombstone table of entity " + entity.name() + ")";
        if (columns.isEmpty()) {
            return List.of("table " + tombstones + about + " does not exist or the extractor's login cannot read it;"
                    + " create it with the hard-delete trigger of the table (docs/runbook.md, Adding an entity),"
                    + " grant the login SELECT on it, or correct tombstone-table in " + CATALOG_FILE);
        }
        Map<String, String> spelled = spellings(source.tombstoneTableSchema(), source.tombstoneTableName());
        List<String> problems = new ArrayList<>();
        for (String column : SourceMapping.TOMBSTONE_COLUMNS) {
            String name = source.tombstoneColumn(column);
            if (!columns.containsKey(lower(name))) {
                problems.add("column " + tombstones + "." + name + mapped(column, name) + about
                        + " does not exist; a tombstone table has "
                        + String.join(", ", SourceMapping.TOMBSTONE_COLUMNS)
                        + " (docs/data-contract.md), or map each onto the table's own name in tombstone-columns of "
                        + CATALOG_FILE);
            } else {
                misspelt(tombstones, name, about, spelled, "tombstone-columns").ifPresent(problems::add);
            }
        }
        return problems;
    }

    /** {@code " (mapped from name)"} when the source calls the contract's column differently. */
    private static String mapped(String contract, String source) {
        return contract.equals(source) ? "" : " (mapped from " + contract + ")";
    }

    /**
     * On PostgreSQL, where capture's quoted names are case-sensitive, a column the catalog file spells
     * otherwise than the database ({@code IdCliente} for {@code idcliente}) would pass the check and fail
     * every page: name the database's spelling instead.
     */
    private Optional<String> misspelt(
            String table, String name, String about, Map<String, String> spelled, String field) {
        String actual = spelled.get(lower(name));
        if (dialect.sql().vendor() != Vendor.POSTGRESQL || actual == null || actual.equals(name)) {
            return Optional.empty();
        }
        return Optional.of("column " + table + "." + name + about + " is spelled " + actual
                + " in the database, and quoted names are case-sensitive on PostgreSQL; write " + actual + " in "
                + field + " of " + CATALOG_FILE);
    }

    private String changeOrderDescription() {
        return switch (dialect.sql().vendor()) {
            case POSTGRESQL -> "an xid8 column stamped with pg_current_xact_id() by a trigger on every write";
            case SQLSERVER -> "a rowversion column";
        };
    }

    /** Lower-cased column name to the database's spelling of it. */
    private Map<String, String> spellings(String schema, String table) {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.query(dialect.sourceColumns(), parameters(schema, table), rs -> {
            names.put(lower(rs.getString("column_name")), rs.getString("column_name"));
        });
        return names;
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
