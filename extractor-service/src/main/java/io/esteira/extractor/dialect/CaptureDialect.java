package io.esteira.extractor.dialect;

import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.catalog.SourceMapping;
import io.esteira.contracts.dialect.SqlDialect;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.contracts.sql.SqlResources;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The vendor SQL of change capture, in two statements run one after the other: {@code
 * capture/<vendor>/capture-bound.sql} reads the capture bound (what is certainly committed), then {@code
 * capture/<vendor>/capture-page.sql} reads one page below it, with named parameters ({@code :bound},
 * {@code :from_version}, {@code :from_key}, {@code :to_version}, {@code :to_key}, {@code :table_name},
 * {@code :max_rows}, and {@code :window_from}/{@code :window_to} for a time-window replay). The bound is
 * never read inside the page's statement: SQL Server's {@code MIN_ACTIVE_ROWVERSION()} is evaluated when
 * the statement runs, after its snapshot was taken, and could then pass rows of a transaction that
 * committed in between (see the SQL Server file). Only identifiers are substituted, each checked and
 * quoted by the dialect; {@link SqlResources} reads and renders the files.
 */
public final class CaptureDialect {

    private final SqlDialect sql;
    private final SqlResources resources;
    private final String bound;
    private final String sourceColumns;
    private final String sourceUniqueKeys;

    private CaptureDialect(SqlDialect sql, SqlResources resources) {
        this.sql = sql;
        this.resources = resources;
        this.bound = resources.text("capture-bound");
        resources.resource("capture-page"); // fails now, at start-up, when the file is missing
        this.sourceColumns = resources.statement("source-columns");
        this.sourceUniqueKeys = resources.statement("source-unique-keys");
    }

    public static CaptureDialect forJdbcUrl(String jdbcUrl) {
        return of(SqlDialect.vendorOf(jdbcUrl));
    }

    public static CaptureDialect of(Vendor vendor) {
        SqlDialect sql = () -> vendor;
        return new CaptureDialect(sql, SqlResources.in("capture/" + vendor.id()));
    }

    public SqlDialect sql() {
        return sql;
    }

    /**
     * The statement that reads the capture bound as a bigint: run it before each page and bind its value
     * as {@code :bound}.
     */
    public String captureBound() {
        return bound;
    }

    /**
     * The columns of one source table as the OLTP's catalog lists them to the login ({@code column_name},
     * {@code data_type}), with named parameters {@code :schema_name} (null: the login's default schema)
     * and {@code :table_name}.
     */
    public String sourceColumns() {
        return sourceColumns;
    }

    /**
     * The columns of one source table that a single-column unique index (the primary key's among them)
     * covers ({@code column_name}), with the parameters of {@link #sourceColumns()}.
     */
    public String sourceUniqueKeys() {
        return sourceUniqueKeys;
    }

    /**
     * The {@code data_type} that {@link #sourceColumns()} reports for a change-order column capture can
     * bound: {@code xid8} on PostgreSQL (stamped by trigger with the writing transaction's id), {@code
     * timestamp} on SQL Server (its name there for {@code rowversion}).
     */
    public String changeOrderType() {
        return switch (sql.vendor()) {
            case POSTGRESQL -> "xid8";
            case SQLSERVER -> "timestamp";
        };
    }

    /**
     * The page query for an entity. It reads the source's names ({@link EntityDefinition#source()}) and
     * selects each column under its contract name ({@code t."NomeCliente" AS "name"}), so the rows, and the
     * batches made of them, carry contract names whatever the source calls its columns.
     *
     * @param windowColumn null for capture by cursor only; else a timestamp column of the entity (its
     *     contract name) that must fall in {@code [:window_from, :window_to)} (tombstones: their {@code
     *     deleted_at})
     */
    public String capturePage(EntityDefinition entity, String windowColumn) {
        SourceMapping source = entity.source();
        String columns = entity.columns().stream()
                .map(c -> "t." + sql.quoteIdentifier(source.column(c)) + " AS " + sql.quoteIdentifier(c))
                .collect(Collectors.joining(", "));
        String outerColumns = entity.columns().stream()
                .map(c -> "c." + sql.quoteIdentifier(c))
                .collect(Collectors.joining(", "));
        String nullColumns = entity.columns().stream()
                .map(c -> "NULL AS " + sql.quoteIdentifier(c))
                .collect(Collectors.joining(", "));
        String window = windowColumn == null
                ? ""
                : "\n      AND t." + sql.quoteIdentifier(source.column(windowColumn)) + " >= :window_from AND t."
                        + sql.quoteIdentifier(source.column(windowColumn)) + " < :window_to";
        String deletedAt = "d." + sql.quoteIdentifier(source.tombstoneColumn(SourceMapping.TOMBSTONE_DELETED_AT));
        String tombstoneWindow = windowColumn == null
                ? ""
                : "\n      AND " + deletedAt + " >= :window_from AND " + deletedAt + " < :window_to";
        Map<String, String> names = new HashMap<>();
        names.put("key", sql.quoteIdentifier(source.keyColumn()));
        names.put("version", sql.quoteIdentifier(source.changeOrderColumn()));
        names.put("outer_columns", outerColumns);
        names.put("columns", columns);
        names.put("null_columns", nullColumns);
        names.put("table", sql.quoteQualifiedName(source.table()));
        names.put("tombstones", sql.quoteQualifiedName(source.tombstoneTable()));
        names.put(
                "tombstone_table_name",
                sql.quoteIdentifier(source.tombstoneColumn(SourceMapping.TOMBSTONE_TABLE_NAME)));
        names.put("tombstone_key", sql.quoteIdentifier(source.tombstoneColumn(SourceMapping.TOMBSTONE_ROW_KEY)));
        names.put(
                "tombstone_version", sql.quoteIdentifier(source.tombstoneColumn(SourceMapping.TOMBSTONE_ROW_VERSION)));
        names.put("window", window);
        names.put("tombstone_window", tombstoneWindow);
        return resources.render("capture-page", names);
    }
}
