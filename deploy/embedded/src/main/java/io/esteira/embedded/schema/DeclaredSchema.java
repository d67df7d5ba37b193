package io.esteira.embedded.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * What a database schema (the warehouse, the OLTP reference schema) declares, in terms both vendors share: tables with their columns (name,
 * comparable type, nullability), primary, unique and foreign keys, and views. Types are written in one
 * vocabulary ({@link #type}): {@code varchar(100)}, {@code text}, {@code bool}, {@code timestamp(3)},
 * {@code double}, {@code numeric(12,2)}, {@code integer}, {@code change_order}, …, so that PostgreSQL's
 * {@code character varying(100)} and SQL Server's {@code nvarchar(100)} compare equal.
 */
public final class DeclaredSchema {

    public record Column(String type, boolean nullable) {
        @Override
        public String toString() {
            return type + (nullable ? " null" : " not null");
        }
    }

    /** A table; keys are written {@code (a, b)} and foreign keys {@code (a) -> s.t (b)}. */
    public static final class Table {
        public final Map<String, Column> columns = new LinkedHashMap<>();
        public final Map<String, String> constraints = new LinkedHashMap<>();
        public final Set<String> uniqueIndexes = new TreeSet<>();
        /** The columns of each unique index by its name, for a script that drops one (not compared). */
        public final Map<String, String> uniqueIndexNames = new LinkedHashMap<>();

        public String primaryKey;
        public String primaryKeyName;

        public Set<String> foreignKeys() {
            Set<String> keys = new TreeSet<>();
            constraints.values().stream().filter(c -> c.contains("->")).forEach(keys::add);
            return keys;
        }

        public Set<String> uniqueKeys() {
            Set<String> keys = new TreeSet<>(uniqueIndexes);
            constraints.values().stream().filter(c -> !c.contains("->")).forEach(keys::add);
            return keys;
        }
    }

    public final Map<String, Table> tables = new TreeMap<>();
    public final Set<String> views = new TreeSet<>();

    /**
     * What a migrated PostgreSQL database declares in {@code schemas}, read from pg_catalog; the tables and
     * views for which {@code leftOut} is true (e.g. Flyway's history) are left out.
     */
    public static DeclaredSchema ofPostgres(DataSource dataSource, List<String> schemas, Predicate<String> leftOut)
            throws SQLException {
        DeclaredSchema schema = new DeclaredSchema();
        try (Connection connection = dataSource.getConnection()) {
            Array names = connection.createArrayOf("text", schemas.toArray());
            query(connection, POSTGRES_COLUMNS, names, rs -> {
                String table = rs.getString(1);
                if (leftOut.test(table)) {
                    return;
                }
                if (rs.getString(2) == null) {
                    schema.views.add(table);
                } else {
                    schema.tables
                            .computeIfAbsent(table, t -> new Table())
                            .columns
                            .put(rs.getString(2), new Column(type(rs.getString(3)), rs.getBoolean(4)));
                }
            });
            query(connection, POSTGRES_KEYS, names, rs -> {
                Table table = schema.tables.get(rs.getString(1));
                if (table == null) {
                    return;
                }
                String columns = "(" + rs.getString(4) + ")";
                switch (rs.getString(3)) {
                    case "p" -> table.primaryKey = columns;
                    case "f" -> table.constraints.put(
                            rs.getString(2), columns + " -> " + rs.getString(5) + " (" + rs.getString(6) + ")");
                    case "u" -> table.constraints.put(rs.getString(2), columns);
                    default -> table.uniqueIndexes.add(columns);
                }
            });
        }
        return schema;
    }

    /**
     * The description ({@code COMMENT ON}) of every schema of {@code schemas}, and of every table, view and
     * column in them, null where there is none; objects named as {@code Descriptions.Description#object()}
     * names them ({@code schema core}, {@code table core.orders}, {@code column core.orders.status}); the
     * tables and views for which {@code leftOut} is true are left out.
     */
    public static Map<String, String> postgresDescriptions(
            DataSource dataSource, List<String> schemas, Predicate<String> leftOut) throws SQLException {
        Map<String, String> described = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            Array names = connection.createArrayOf("text", schemas.toArray());
            query(connection, POSTGRES_DESCRIPTIONS, names, rs -> {
                String relation = rs.getString(2);
                if (relation == null) {
                    described.put("schema " + rs.getString(1), rs.getString(5));
                } else if (!leftOut.test(relation)) {
                    String column = rs.getString(4);
                    described.put(
                            column == null ? rs.getString(3) + " " + relation : "column " + relation + "." + column,
                            rs.getString(5));
                }
            });
        }
        return described;
    }

    /** Schema, relation (null for the schema), kind (table or view), column (null for the relation), description. */
    private static final String POSTGRES_DESCRIPTIONS =
            """
            SELECT n.nspname, NULL, NULL, NULL, obj_description(n.oid, 'pg_namespace')
            FROM pg_namespace n WHERE n.nspname = ANY (?)
            UNION ALL
            SELECT n.nspname, n.nspname || '.' || c.relname, CASE c.relkind WHEN 'v' THEN 'view' ELSE 'table' END,
                   NULL, obj_description(c.oid, 'pg_class')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p', 'v')
            UNION ALL
            SELECT n.nspname, n.nspname || '.' || c.relname, NULL, a.attname, col_description(c.oid, a.attnum)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p', 'v')
            """;

    /** Columns of tables; one row with a null column per view. */
    private static final String POSTGRES_COLUMNS =
            """
            SELECT n.nspname || '.' || c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind <> 'v'
            WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p', 'v')
            ORDER BY 1, a.attnum
            """;

    /** Primary (p), unique (u) and foreign (f) keys, then unique indexes (i) that back no constraint. */
    private static final String POSTGRES_KEYS =
            """
            WITH cols AS (
                SELECT attrelid, attnum, attname FROM pg_attribute WHERE attnum > 0
            )
            SELECT n.nspname || '.' || c.relname, k.conname, k.contype::text,
                   (SELECT string_agg(a.attname, ', ' ORDER BY u.ord)
                    FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
                    JOIN cols a ON a.attrelid = k.conrelid AND a.attnum = u.attnum),
                   rn.nspname || '.' || r.relname,
                   (SELECT string_agg(a.attname, ', ' ORDER BY u.ord)
                    FROM unnest(k.confkey) WITH ORDINALITY u(attnum, ord)
                    JOIN cols a ON a.attrelid = k.confrelid AND a.attnum = u.attnum)
            FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_class r ON r.oid = k.confrelid
            LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
            WHERE n.nspname = ANY (?) AND k.contype IN ('p', 'u', 'f')
            UNION ALL
            SELECT n.nspname || '.' || c.relname, i.indexrelid::regclass::text, 'i',
                   (SELECT string_agg(a.attname, ', ' ORDER BY u.ord)
                    FROM unnest(i.indkey::int2[]) WITH ORDINALITY u(attnum, ord)
                    JOIN cols a ON a.attrelid = i.indrelid AND a.attnum = u.attnum),
                   NULL, NULL
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?) AND i.indisunique AND NOT i.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
            """;

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String sql, Array names, Row row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 1; i <= statement.getParameterMetaData().getParameterCount(); i++) {
                statement.setArray(i, names);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    public Table table(String name, String where) {
        Table table = tables.get(name);
        if (table == null) {
            throw new IllegalArgumentException(where + ": table " + name + " is not declared before it is used.");
        }
        return table;
    }

    /** Every way in which {@code other} differs from this schema, one line each, empty when they agree. */
    public List<String> differences(String name, DeclaredSchema other, String otherName) {
        List<String> out = new ArrayList<>();
        only(tables.keySet(), other.tables.keySet(), "table", name, otherName, out);
        only(views, other.views, "view", name, otherName, out);
        for (Map.Entry<String, Table> entry : tables.entrySet()) {
            Table mine = entry.getValue();
            Table theirs = other.tables.get(entry.getKey());
            if (theirs == null) {
                continue;
            }
            String t = entry.getKey();
            only(mine.columns.keySet(), theirs.columns.keySet(), "column " + t + ".", name, otherName, out);
            mine.columns.forEach((column, declared) -> {
                Column their = theirs.columns.get(column);
                if (their != null && !their.equals(declared)) {
                    out.add("column " + t + "." + column + ": " + declared + " on " + name + ", " + their + " on "
                            + otherName);
                }
            });
            if (!String.valueOf(mine.primaryKey).equals(String.valueOf(theirs.primaryKey))) {
                out.add("primary key of " + t + ": " + mine.primaryKey + " on " + name + ", " + theirs.primaryKey
                        + " on " + otherName);
            }
            only(mine.uniqueKeys(), theirs.uniqueKeys(), "unique key of " + t + " ", name, otherName, out);
            only(mine.foreignKeys(), theirs.foreignKeys(), "foreign key of " + t + " ", name, otherName, out);
        }
        return out;
    }

    private static void only(
            Set<String> mine, Set<String> theirs, String what, String name, String otherName, List<String> out) {
        String separator = what.endsWith(".") || what.endsWith(" ") ? "" : " ";
        for (String item : new TreeSet<>(mine)) {
            if (!theirs.contains(item)) {
                out.add(what + separator + item + " only on " + name);
            }
        }
        for (String item : new TreeSet<>(theirs)) {
            if (!mine.contains(item)) {
                out.add(what + separator + item + " only on " + otherName);
            }
        }
    }

    /** A vendor's type in the shared vocabulary; refuses a type it does not know rather than compare it wrongly. */
    public static String type(String declared) {
        String t = declared.toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .replace(", ", ",")
                .strip();
        String size = t.contains("(") ? t.substring(t.indexOf('(')) : "";
        String base = t.contains("(") ? t.substring(0, t.indexOf('(')).strip() : t;
        return switch (base) {
            case "character varying", "varchar", "nvarchar" -> "(max)".equals(size) ? "text" : "varchar" + size;
            case "text" -> "text";
            case "character", "char", "nchar" -> "char" + size;
            case "boolean", "bit" -> "bool";
            case "timestamp", "timestamp without time zone" -> "timestamp"
                    + (size.isEmpty() ? "(6)" : size.replace(" without time zone", ""));
            case "datetime2" -> "timestamp" + (size.isEmpty() ? "(7)" : size);
            case "double precision", "float" -> "double";
            case "integer", "int" -> "integer";
            case "bigint", "smallint", "date", "real" -> base;
            case "numeric", "decimal" -> "numeric" + size;
                // A source table's change order: a trigger-stamped transaction id, or SQL Server's own counter.
            case "xid8", "rowversion" -> "change_order";
            default -> throw new IllegalArgumentException("Type " + declared
                    + " has no equivalent in DeclaredSchema.type;" + " add its mapping for both vendors.");
        };
    }
}
