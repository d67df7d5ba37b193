package io.esteira.extractor.dialect;

import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.dialect.SqlDialect;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.contracts.sql.SqlResources;
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
     * The page query for an entity.
     *
     * @param windowColumn null for capture by cursor only; else a timestamp column of the entity
     *     that must fall in {@code [:window_from, :window_to)} (tombstones: their {@code deleted_at})
     */
    public String capturePage(EntityDefinition entity, String windowColumn) {
        String columns = entity.columns().stream()
                .map(c -> "t." + sql.quoteIdentifier(c) + " AS " + sql.quoteIdentifier(c))
                .collect(Collectors.joining(", "));
        String outerColumns = entity.columns().stream()
                .map(c -> "c." + sql.quoteIdentifier(c))
                .collect(Collectors.joining(", "));
        String nullColumns = entity.columns().stream()
                .map(c -> "NULL AS " + sql.quoteIdentifier(c))
                .collect(Collectors.joining(", "));
        String window = windowColumn == null
                ? ""
                : "\n      AND t." + sql.quoteIdentifier(windowColumn) + " >= :window_from AND t."
                        + sql.quoteIdentifier(windowColumn) + " < :window_to";
        String tombstoneWindow =
                windowColumn == null ? "" : "\n      AND d.deleted_at >= :window_from AND d.deleted_at < :window_to";
        return resources.render(
                "capture-page",
                Map.of(
                        "key", sql.quoteIdentifier(entity.keyColumn()),
                        "version", sql.quoteIdentifier(entity.changeOrderColumn()),
                        "outer_columns", outerColumns,
                        "columns", columns,
                        "null_columns", nullColumns,
                        "table", sql.quoteQualifiedName(entity.table()),
                        "tombstones", sql.quoteQualifiedName(entity.tombstoneTable()),
                        "window", window,
                        "tombstone_window", tombstoneWindow));
    }
}
