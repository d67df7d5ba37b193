package io.esteira.oltp;

import io.esteira.contracts.Identifiers;
import io.esteira.contracts.dialect.SqlDialect;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.contracts.sql.SqlResources;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The DDL a customer's table needs before Esteira can capture it exactly ({@code esteira-local source
 * prepare}), and the DDL that takes it away again: on PostgreSQL an {@code xid8} change-order column
 * stamped by trigger, a tombstone trigger, a wake-up trigger and a TRUNCATE refusal; on SQL Server a
 * {@code rowversion} column, a tombstone trigger and a guard column that makes SQL Server refuse
 * TRUNCATE. Per schema, the tombstone table {@code deleted_rows} and (PostgreSQL) the trigger functions.
 * Nothing else of the customer's tables changes. The scripts can be run again: each object is created
 * only where it is missing.
 *
 * <p>{@link #inspect} reads the source's catalog first and refuses, naming each, a table that does not
 * exist or whose primary key is not one integer column (the catalog's {@code key}). The SQL is kept in
 * {@code db/source/<vendor>/*.sql} and rendered by {@link SqlResources}.
 */
public final class SourcePreparation {

    /** The change-order column the scripts add (the catalog's default {@code change-order-column}). */
    public static final String CHANGE_ORDER_COLUMN = "row_version";

    private static final Pattern GO = Pattern.compile("(?m)^GO\\s*$");
    private static final Set<String> INTEGER_KEY_TYPES = Set.of("bigint", "int8", "int", "int4", "integer");

    /** Who prepared a table for capture, as its triggers show. */
    public enum Capture {
        /** No tombstone trigger: the table is not captured yet. */
        NONE,
        /** This command's tombstone trigger ({@code esteira_tombstone…}). */
        THIS_COMMAND,
        /** Another tombstone trigger, e.g. the reference schema's own migrations: left alone. */
        OTHER
    }

    /** One table to prepare, as read from the source's catalog. */
    public record Table(
            String schema, String name, String keyColumn, String keyType, String changeOrderColumn, Capture capture) {

        public Table(String schema, String name, String keyColumn, String keyType, String changeOrderColumn) {
            this(schema, name, keyColumn, keyType, changeOrderColumn, Capture.NONE);
        }

        String qualifiedName() {
            return schema + "." + name;
        }
    }

    private final Vendor vendor;
    private final List<Table> tables;
    private final Set<String> schemasWithOtherCapturedTables;
    private final SqlResources sql;
    private final SqlDialect dialect;

    private SourcePreparation(Vendor vendor, List<Table> tables, Set<String> schemasWithOtherCapturedTables) {
        this.vendor = vendor;
        this.tables = List.copyOf(tables);
        this.schemasWithOtherCapturedTables = Set.copyOf(schemasWithOtherCapturedTables);
        this.sql = SqlResources.in("db/source/" + vendor.id());
        this.dialect = () -> vendor;
    }

    /** For tests of the rendered SQL: tables described by hand, no database read. */
    static SourcePreparation of(Vendor vendor, List<Table> tables, Set<String> schemasWithOtherCapturedTables) {
        return new SourcePreparation(vendor, tables, schemasWithOtherCapturedTables);
    }

    /**
     * Reads each {@code schema.table} from the source's catalog.
     *
     * @throws OltpException naming every table that is missing, has no single-column integer primary key,
     *     or (PostgreSQL) has a {@code row_version} column that is not {@code xid8}
     */
    public static SourcePreparation inspect(Connection connection, List<String> qualifiedNames) throws SQLException {
        if (qualifiedNames.isEmpty()) {
            throw new OltpException("No table to prepare: name each as schema.table with --tables.");
        }
        OltpDialect oltpDialect = OltpDialect.of(connection);
        Vendor vendor = oltpDialect == OltpDialect.POSTGRESQL ? Vendor.POSTGRESQL : Vendor.SQLSERVER;
        DatabaseMetaData metaData = connection.getMetaData();
        List<Table> tables = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        // Per schema, read once: the tombstone triggers of each of its tables.
        Map<String, Map<String, List<String>>> tombstoneTriggers = new HashMap<>();
        for (String qualifiedName : new LinkedHashSet<>(qualifiedNames)) {
            String problem = plainQualified(qualifiedName);
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            int dot = qualifiedName.indexOf('.');
            String schema = qualifiedName.substring(0, dot);
            String name = qualifiedName.substring(dot + 1);
            if (!exists(metaData, schema, name)) {
                problems.add(qualifiedName + " does not exist (names are matched exactly, case included)");
                continue;
            }
            List<String> keyColumns = primaryKey(metaData, schema, name);
            if (keyColumns.size() != 1) {
                problems.add(qualifiedName
                        + (keyColumns.isEmpty()
                                ? " has no primary key"
                                : " has a primary key of " + keyColumns.size() + " columns " + keyColumns)
                        + ": Esteira needs one integer key column per table; add one (e.g. a bigint identity"
                        + " with a unique constraint) and make it the primary key");
                continue;
            }
            Map<String, String> types = columnTypes(metaData, schema, name);
            String key = keyColumns.get(0);
            // SQL Server's driver reports an identity key as "bigint identity".
            String keyType = types.get(key)
                    .toLowerCase(Locale.ROOT)
                    .replace(" identity", "")
                    .strip();
            if (!INTEGER_KEY_TYPES.contains(keyType)) {
                problems.add(qualifiedName + "'s primary key " + key + " is " + keyType
                        + ": Esteira needs an integer (bigint or int) key column");
                continue;
            }
            String version = changeOrderColumn(vendor, types);
            if (version == null) {
                problems.add(qualifiedName + " has a column " + CHANGE_ORDER_COLUMN + " of type "
                        + types.get(CHANGE_ORDER_COLUMN) + ": rename it, or capture this table another way;"
                        + " the change-order column must be xid8 stamped by the trigger this command adds");
                continue;
            }
            tables.add(new Table(
                    schema,
                    name,
                    key,
                    keyType.startsWith("int8") ? "bigint" : keyType,
                    version,
                    capture(tombstoneTriggers(connection, vendor, schema, tombstoneTriggers)
                            .getOrDefault(name, List.of()))));
        }
        if (!problems.isEmpty()) {
            throw new OltpException("Cannot prepare these tables for capture:\n  - " + String.join("\n  - ", problems));
        }
        Set<String> schemasWithOthers = new LinkedHashSet<>();
        for (Map.Entry<String, Map<String, List<String>>> schema : tombstoneTriggers.entrySet()) {
            if (schema.getValue().keySet().stream().anyMatch(other -> tables.stream()
                    .noneMatch(
                            t -> t.schema().equals(schema.getKey()) && t.name().equals(other)))) {
                schemasWithOthers.add(schema.getKey());
            }
        }
        return new SourcePreparation(vendor, tables, schemasWithOthers);
    }

    public Vendor vendor() {
        return vendor;
    }

    public List<Table> tables() {
        return tables;
    }

    /** The script that prepares every table: per schema its shared objects, then each table's. */
    public String script() {
        StringBuilder script = new StringBuilder(header("prepares", "source prepare --rollback"));
        for (Map.Entry<String, List<Table>> schema : bySchema().entrySet()) {
            if (schema.getValue().stream().anyMatch(t -> t.capture() != Capture.OTHER)) {
                script.append('\n').append(sql.render("prepare-schema", schemaValues(schema.getKey())));
            }
            for (Table table : schema.getValue()) {
                script.append('\n')
                        .append(
                                table.capture() == Capture.OTHER
                                        ? "-- " + table.qualifiedName() + " is captured already (its own tombstone"
                                                + " trigger): nothing to do.\n"
                                        : sql.render("prepare-table", tableValues(table)));
            }
        }
        return script.toString();
    }

    /**
     * The script that undoes {@link #script()} for these tables, and drops a schema's shared objects when
     * no other table of it is captured.
     */
    public String rollbackScript() {
        List<String> foreign = tables.stream()
                .filter(t -> t.capture() != Capture.THIS_COMMAND)
                .map(Table::qualifiedName)
                .toList();
        if (!foreign.isEmpty()) {
            throw new OltpException("Cannot roll back " + foreign + ": `source prepare` did not prepare "
                    + (foreign.size() == 1 ? "it" : "them") + " (no esteira_tombstone trigger), and its rollback"
                    + " removes only what it added. Name only tables it prepared.");
        }
        StringBuilder script = new StringBuilder(header("undoes `source prepare` for", "source prepare"));
        for (Map.Entry<String, List<Table>> schema : bySchema().entrySet()) {
            for (Table table : schema.getValue()) {
                script.append('\n').append(sql.render("rollback-table", tableValues(table)));
            }
            if (!schemasWithOtherCapturedTables.contains(schema.getKey())) {
                script.append('\n').append(sql.render("rollback-schema", schemaValues(schema.getKey())));
            }
        }
        return script.toString();
    }

    /**
     * Runs a script of this vendor in one transaction: whole on PostgreSQL (the driver splits it, dollar
     * quotes included), batch by batch between {@code GO} lines on SQL Server.
     *
     * @return the number of batches sent
     */
    public int apply(Connection connection, String script) throws SQLException {
        List<String> batches = batches(script);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String batch : batches) {
                statement.execute(batch);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return batches.size();
    }

    /** The batches {@link #apply} sends: the whole script, or (SQL Server) each batch between GO lines. */
    List<String> batches(String script) {
        return vendor == Vendor.SQLSERVER
                ? GO.splitAsStream(script)
                        .map(String::strip)
                        .filter(b -> !onlyComments(b))
                        .toList()
                : List.of(script);
    }

    private String header(String verb, String inverse) {
        StringBuilder header = new StringBuilder("-- esteira-local source prepare: " + verb + " "
                + tables.stream().map(Table::qualifiedName).toList() + " (" + vendor.id() + ").\n");
        header.append("-- Its inverse: esteira-local ").append(inverse).append(" with the same tables.\n");
        for (Table table : tables) {
            if (!table.changeOrderColumn().equals(CHANGE_ORDER_COLUMN)) {
                header.append("-- ")
                        .append(table.qualifiedName())
                        .append(" already has the rowversion column ")
                        .append(table.changeOrderColumn())
                        .append(": declare `change-order-column: ")
                        .append(table.changeOrderColumn())
                        .append("` for its entity.\n");
            }
        }
        return header.toString();
    }

    private Map<String, List<Table>> bySchema() {
        Map<String, List<Table>> bySchema = new LinkedHashMap<>();
        for (Table table : tables) {
            bySchema.computeIfAbsent(table.schema(), s -> new ArrayList<>()).add(table);
        }
        return bySchema;
    }

    private Map<String, String> schemaValues(String schema) {
        Map<String, String> values = new HashMap<>();
        values.put("schema", dialect.quoteIdentifier(schema));
        values.put("schema_literal_dot", schema + ".");
        return values;
    }

    private Map<String, String> tableValues(Table table) {
        Map<String, String> values = schemaValues(table.schema());
        String index = name("ix_" + table.name() + "_" + table.changeOrderColumn());
        String guard = name(table.name() + "_" + table.keyColumn());
        values.put("table", dialect.quoteQualifiedName(table.qualifiedName()));
        values.put("table_literal", table.qualifiedName());
        values.put("table_name_literal", table.name());
        values.put("table_literal_pg", "'" + table.name() + "'");
        values.put("key", dialect.quoteIdentifier(table.keyColumn()));
        values.put("key_literal", "'" + table.keyColumn() + "'");
        values.put("key_type", table.keyType());
        values.put("version", dialect.quoteIdentifier(table.changeOrderColumn()));
        values.put("version_literal", table.changeOrderColumn());
        values.put(
                "drop_version",
                table.changeOrderColumn().equals(CHANGE_ORDER_COLUMN)
                        ? "ALTER TABLE " + values.get("table") + " DROP COLUMN IF EXISTS " + values.get("version") + ";"
                        : "-- " + table.changeOrderColumn() + " is the table's own rowversion column: left in place.");
        values.put("index", dialect.quoteIdentifier(index));
        values.put("index_literal", index);
        values.put("trigger", dialect.quoteIdentifier(name("esteira_tombstone_" + table.name())));
        values.put("guard", dialect.quoteIdentifier(guard));
        values.put("guard_literal", guard);
        values.put("guard_fk", dialect.quoteIdentifier(name("fk_esteira_capture_guard_" + table.name())));
        values.put("guard_index", dialect.quoteIdentifier(name("ix_esteira_capture_guard_" + table.name())));
        values.put("guard_index_literal", name("ix_esteira_capture_guard_" + table.name()));
        return values;
    }

    /** A derived object name, cut to the 63 characters both vendors' plain identifiers allow here. */
    private static String name(String name) {
        return name.length() <= 63 ? name : name.substring(0, 63);
    }

    private static String plainQualified(String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        if (dot <= 0
                || !Identifiers.isPlain(qualifiedName.substring(0, dot))
                || !Identifiers.isPlain(qualifiedName.substring(dot + 1))) {
            return "'" + qualifiedName + "' is not schema.table with plain names (letters, digits, _; at most 63"
                    + " characters each)";
        }
        return null;
    }

    private static boolean exists(DatabaseMetaData metaData, String schema, String table) throws SQLException {
        try (ResultSet tables = metaData.getTables(null, schema, table, new String[] {"TABLE"})) {
            while (tables.next()) {
                if (tables.getString("TABLE_SCHEM").equals(schema)
                        && tables.getString("TABLE_NAME").equals(table)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static List<String> primaryKey(DatabaseMetaData metaData, String schema, String table) throws SQLException {
        Map<Integer, String> columns = new TreeMap<>();
        try (ResultSet keys = metaData.getPrimaryKeys(null, schema, table)) {
            while (keys.next()) {
                columns.put(keys.getInt("KEY_SEQ"), keys.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(columns.values());
    }

    private static Map<String, String> columnTypes(DatabaseMetaData metaData, String schema, String table)
            throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (ResultSet columns = metaData.getColumns(null, schema, table, null)) {
            while (columns.next()) {
                types.put(columns.getString("COLUMN_NAME"), columns.getString("TYPE_NAME"));
            }
        }
        return types;
    }

    /**
     * The column that will hold the change order, or null when {@code row_version} exists with another
     * type (PostgreSQL). SQL Server allows one rowversion column per table (its catalog calls the type
     * {@code timestamp}): an existing one is used, whatever its name.
     */
    private static String changeOrderColumn(Vendor vendor, Map<String, String> types) {
        if (vendor == Vendor.SQLSERVER) {
            return types.entrySet().stream()
                    .filter(c -> c.getValue().equalsIgnoreCase("timestamp")
                            || c.getValue().equalsIgnoreCase("rowversion"))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(types.containsKey(CHANGE_ORDER_COLUMN) ? null : CHANGE_ORDER_COLUMN);
        }
        String existing = types.get(CHANGE_ORDER_COLUMN);
        return existing == null || existing.equalsIgnoreCase("xid8") ? CHANGE_ORDER_COLUMN : null;
    }

    /**
     * The tombstone triggers of each table of a schema that has one, this command's or another's (the
     * reference schema's {@code tr_<table>_tombstone}): the tables whose hard deletes reach the schema's
     * {@code deleted_rows}. Read once per schema into {@code read}.
     */
    private static Map<String, List<String>> tombstoneTriggers(
            Connection connection, Vendor vendor, String schema, Map<String, Map<String, List<String>>> read)
            throws SQLException {
        Map<String, List<String>> known = read.get(schema);
        if (known != null) {
            return known;
        }
        String query = vendor == Vendor.POSTGRESQL
                ? "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = ? AND t.tgname LIKE '%tombstone%'"
                : "SELECT tb.name, t.name FROM sys.triggers t JOIN sys.tables tb ON tb.object_id = t.parent_id"
                        + " WHERE SCHEMA_NAME(tb.schema_id) = ? AND t.name LIKE '%tombstone%'";
        Map<String, List<String>> triggers = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    triggers.computeIfAbsent(rows.getString(1), t -> new ArrayList<>())
                            .add(rows.getString(2));
                }
            }
        }
        read.put(schema, triggers);
        return triggers;
    }

    /** Who prepared a table, from its tombstone triggers' names. */
    private static Capture capture(List<String> tombstoneTriggers) {
        if (tombstoneTriggers.stream().anyMatch(trigger -> trigger.startsWith("esteira_tombstone"))) {
            return Capture.THIS_COMMAND;
        }
        return tombstoneTriggers.isEmpty() ? Capture.NONE : Capture.OTHER;
    }

    private static boolean onlyComments(String batch) {
        return batch.lines().map(String::strip).allMatch(line -> line.isEmpty() || line.startsWith("--"));
    }
}
