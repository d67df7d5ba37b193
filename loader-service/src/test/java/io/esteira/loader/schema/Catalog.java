package io.esteira.loader.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Reads what a migrated warehouse holds through JDBC metadata, the same way on every vendor (names lower-cased). */
final class Catalog {

    private static final String[] TYPES = {"TABLE", "BASE TABLE", "VIEW"};

    private Catalog() {}

    /** {@code schema.table} of every base table of the warehouse schemas. */
    static List<String> tables(DataSource dataSource) throws SQLException {
        return relations(dataSource, false);
    }

    /** {@code schema.view} of every view of the warehouse schemas. */
    static List<String> views(DataSource dataSource) throws SQLException {
        return relations(dataSource, true);
    }

    /** Column names, in table order (JDBC returns them by ordinal position), of every table and view of the warehouse schemas. */
    static Map<String, List<String>> columns(DataSource dataSource) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rs = connection.getMetaData().getColumns(null, null, "%", "%")) {
            while (rs.next()) {
                String schema = lower(rs.getString("TABLE_SCHEM"));
                if (DwSchema.SCHEMAS.contains(schema)) {
                    columns.computeIfAbsent(schema + "." + lower(rs.getString("TABLE_NAME")), k -> new ArrayList<>())
                            .add(lower(rs.getString("COLUMN_NAME")));
                }
            }
        }
        columns.remove(DataDictionary.FLYWAY_HISTORY);
        return columns;
    }

    /** {@link #columns} of the contract's tables and views only (the loader may add work tables of its own). */
    static Map<String, List<String>> contractColumns(DataSource dataSource) throws SQLException {
        Map<String, List<String>> columns = columns(dataSource);
        columns.keySet().retainAll(WarehouseContract.relations());
        return columns;
    }

    private static List<String> relations(DataSource dataSource, boolean views) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet rs = metaData.getTables(null, null, "%", TYPES)) {
                while (rs.next()) {
                    String schema = lower(rs.getString("TABLE_SCHEM"));
                    boolean view =
                            rs.getString("TABLE_TYPE").toUpperCase(Locale.ROOT).contains("VIEW");
                    if (DwSchema.SCHEMAS.contains(schema) && view == views) {
                        names.add(schema + "." + lower(rs.getString("TABLE_NAME")));
                    }
                }
            }
        }
        return names;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
