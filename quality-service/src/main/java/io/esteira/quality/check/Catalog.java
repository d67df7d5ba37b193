package io.esteira.quality.check;

import io.esteira.contracts.Identifiers;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Resolves configured table and column names against a database's catalog, so that a misspelt name
 * stops start-up and a name is quoted exactly as the database stores it (PostgreSQL folds unquoted
 * names to lower case; a customer's OLTP may have been created with quoted upper-case names).
 */
public final class Catalog {

    /** A table or view as the catalog stores it. */
    public record Table(String schema, String name) {

        @Override
        public String toString() {
            return schema + "." + name;
        }
    }

    private final DataSource dataSource;
    private final String role;

    public Catalog(DataSource dataSource, String role) {
        this.dataSource = dataSource;
        this.role = role;
    }

    /**
     * The table (or view) {@code schema.table}.
     *
     * @throws IllegalArgumentException when the name is not plain or no such table exists
     */
    public Table table(String qualifiedName, String role) {
        Identifiers.requireQualified(qualifiedName, role);
        int dot = qualifiedName.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException(
                    role + " '" + qualifiedName + "' has no schema; write it as schema.table, e.g. fact.fact_vendas.");
        }
        String schema = qualifiedName.substring(0, dot);
        String name = qualifiedName.substring(dot + 1);
        return find(schema, name)
                .orElseThrow(() -> new IllegalArgumentException(role + " " + qualifiedName + " does not exist in the "
                        + this.role + " database; fix the name or migrate the database."));
    }

    /** The table {@code schema.table} when it exists (one a service creates later, e.g. a mirror entity's raw table). */
    public Optional<Table> find(String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        return find(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
    }

    public Optional<Table> find(String schema, String name) {
        return withMetaData(meta -> {
            for (String s : spellings(schema)) {
                for (String n : spellings(name)) {
                    try (ResultSet tables = meta.getTables(null, escape(meta, s), escape(meta, n), null)) {
                        while (tables.next()) {
                            String foundSchema = tables.getString("TABLE_SCHEM");
                            String foundName = tables.getString("TABLE_NAME");
                            if (s.equals(foundSchema) && n.equals(foundName)) {
                                return Optional.of(new Table(foundSchema, foundName));
                            }
                        }
                    }
                }
            }
            return Optional.empty();
        });
    }

    /** The table's columns as stored, keyed case-insensitively. */
    public Set<String> columns(Table table) {
        return withMetaData(meta -> {
            Set<String> columns = new LinkedHashSet<>();
            try (ResultSet rs = meta.getColumns(null, escape(meta, table.schema()), escape(meta, table.name()), null)) {
                while (rs.next()) {
                    if (table.schema().equals(rs.getString("TABLE_SCHEM"))
                            && table.name().equals(rs.getString("TABLE_NAME"))) {
                        columns.add(rs.getString("COLUMN_NAME"));
                    }
                }
            }
            return columns;
        });
    }

    /** The stored spelling of {@code column} in {@code table}, if the table has it. */
    public Optional<String> column(Table table, String column) {
        Identifiers.requirePlain(column, "Column");
        return columns(table).stream()
                .filter(c -> c.toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /**
     * The stored spelling of {@code column} in {@code table}.
     *
     * @throws IllegalArgumentException when the table has no such column
     */
    public String requireColumn(Table table, String column, String role) {
        return column(table, column)
                .orElseThrow(() -> new IllegalArgumentException(role + " " + column + " does not exist in " + table
                        + " (" + this.role + " database); use one of: " + String.join(", ", columns(table)) + "."));
    }

    /** The primary-key columns of {@code table}, in key order; empty for a view or a table without one. */
    public List<String> primaryKey(Table table) {
        return withMetaData(meta -> {
            TreeMap<Short, String> key = new TreeMap<>();
            try (ResultSet rs = meta.getPrimaryKeys(null, table.schema(), table.name())) {
                while (rs.next()) {
                    key.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
            return new ArrayList<>(key.values());
        });
    }

    private static List<String> spellings(String name) {
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(name);
        spellings.add(name.toLowerCase(Locale.ROOT));
        spellings.add(name.toUpperCase(Locale.ROOT));
        return List.copyOf(spellings);
    }

    private static String escape(DatabaseMetaData meta, String pattern) throws SQLException {
        String escape = meta.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return pattern;
        }
        return pattern.replace(escape, escape + escape)
                .replace("_", escape + "_")
                .replace("%", escape + "%");
    }

    private interface MetaDataCall<T> {
        T apply(DatabaseMetaData meta) throws SQLException;
    }

    private <T> T withMetaData(MetaDataCall<T> call) {
        try (Connection connection = dataSource.getConnection()) {
            return call.apply(connection.getMetaData());
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException(
                    "Cannot read the catalog of the " + role + " database: " + e.getMessage(), e);
        }
    }
}
