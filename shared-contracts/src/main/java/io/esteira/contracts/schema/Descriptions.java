package io.esteira.contracts.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The descriptions of every schema, table, view and column of a database schema, written once in a YAML
 * resource for both vendors (docs/adr/0013-schema-written-once.md): {@code db/dw/descriptions.yml} for the
 * warehouse, {@code db/oltp/descriptions.yml} for the OLTP reference schema. {@code R__describe_objects}
 * applies them ({@link DescribeObjectsMigration}).
 *
 * <p>Form, per schema: {@code description}, {@code tables} and {@code views}, each relation with a
 * {@code description} and {@code columns} ({@code name: text}). A relation whose columns are another
 * table's says {@code columns of: {table: s.t, except: [c]}} and lists only its own extra columns.
 */
public final class Descriptions {

    /**
     * SQL Server keeps an extended property in a {@code sql_variant} of at most 7,500 bytes: 3,750
     * characters of {@code nvarchar}.
     */
    static final int MAX_LENGTH = 3750;

    /** What a description is attached to. */
    public enum Level {
        SCHEMA,
        TABLE,
        VIEW,
        COLUMN
    }

    /**
     * One description. {@code relation} is null for a schema, {@code column} null but for a column;
     * {@code relationKind} is {@link Level#TABLE} or {@link Level#VIEW} for a relation and its columns.
     */
    public record Description(
            Level level, String schema, String relation, Level relationKind, String column, String text) {

        /** {@code schema dim}, {@code table dim.dim_data}, {@code view mart.vendas}, {@code column dim.dim_data.ano}. */
        public String object() {
            return switch (level) {
                case SCHEMA -> "schema " + schema;
                case TABLE, VIEW -> level.name().toLowerCase(Locale.ROOT) + " " + schema + "." + relation;
                case COLUMN -> "column " + schema + "." + relation + "." + column;
            };
        }
    }

    private final List<Description> descriptions;
    private final long checksum;

    private Descriptions(List<Description> descriptions, long checksum) {
        this.descriptions = List.copyOf(descriptions);
        this.checksum = checksum;
    }

    /** The descriptions of the classpath resource {@code resource}, e.g. {@code db/dw/descriptions.yml}. */
    public static Descriptions load(String resource) {
        try (InputStream in = Descriptions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        resource + " is not on the classpath; rebuild the module that ships it.");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read " + resource + " from the classpath; rebuild the module that ships it.", e);
        }
    }

    /** Parses descriptions in the form described above; {@code origin} names the source in errors. */
    public static Descriptions parse(String yaml, String origin) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Map<String, Object> schemas = map(root, origin);
        List<Description> out = new ArrayList<>();
        for (Map.Entry<String, Object> schema : schemas.entrySet()) {
            String s = schema.getKey();
            Map<String, Object> body = map(schema.getValue(), origin + ": schema " + s);
            requireOnly(body.keySet(), Set.of("description", "tables", "views"), origin + ": schema " + s);
            out.add(new Description(Level.SCHEMA, s, null, null, null, text(body, origin + ": schema " + s)));
            for (Level kind : List.of(Level.TABLE, Level.VIEW)) {
                String section = kind == Level.TABLE ? "tables" : "views";
                Map<String, Object> relations =
                        map(body.getOrDefault(section, Map.of()), origin + ": " + s + "." + section);
                for (Map.Entry<String, Object> relation : relations.entrySet()) {
                    String r = relation.getKey();
                    String where = origin + ": " + kind.name().toLowerCase(Locale.ROOT) + " " + s + "." + r;
                    Map<String, Object> rbody = map(relation.getValue(), where);
                    requireOnly(rbody.keySet(), Set.of("description", "columns", "columns of"), where);
                    out.add(new Description(kind, s, r, kind, null, text(rbody, where)));
                    for (Map.Entry<String, String> column :
                            columns(schemas, rbody, where).entrySet()) {
                        out.add(new Description(
                                Level.COLUMN,
                                s,
                                r,
                                kind,
                                column.getKey(),
                                checked(column.getValue(), where + "." + column.getKey())));
                    }
                }
            }
        }
        CRC32 crc = new CRC32();
        crc.update(yaml.getBytes(StandardCharsets.UTF_8));
        return new Descriptions(out, crc.getValue());
    }

    /** Every description: each schema, then its tables and views, each followed by its columns. */
    public List<Description> all() {
        return descriptions;
    }

    /** Every described object, named as {@link Description#object()} names it. */
    public List<String> objects() {
        return descriptions.stream().map(Description::object).toList();
    }

    /** Changes with any byte of the source, so that Flyway re-applies the descriptions when they change. */
    public int checksum() {
        return (int) checksum;
    }

    /** A relation's columns: those of {@code columns of} (but {@code except}), then its own. */
    private static Map<String, String> columns(
            Map<String, Object> schemas, Map<String, Object> relation, String where) {
        Map<String, String> columns = new LinkedHashMap<>();
        if (relation.containsKey("columns of")) {
            Map<String, Object> of = map(relation.get("columns of"), where + ": columns of");
            requireOnly(of.keySet(), Set.of("table", "except"), where + ": columns of");
            String table = String.valueOf(of.get("table"));
            String[] parts = table.split("\\.", 2);
            Object source = parts.length < 2
                    ? null
                    : map(map(schemas.getOrDefault(parts[0], Map.of()), where).getOrDefault("tables", Map.of()), where)
                            .get(parts[1]);
            if (source == null) {
                throw new IllegalArgumentException(where + ": columns of names " + table
                        + ", which is not a table of the descriptions; name one as schema.table.");
            }
            Map<String, Object> sourceColumns = map(map(source, where).getOrDefault("columns", Map.of()), where);
            List<?> except = of.get("except") instanceof List<?> list ? list : List.of();
            for (Object name : except) {
                if (!sourceColumns.containsKey(String.valueOf(name))) {
                    throw new IllegalArgumentException(where + ": columns of " + table + " excepts " + name + ", which "
                            + table + " does not describe; remove it from except.");
                }
            }
            sourceColumns.forEach((name, text) -> {
                if (!except.contains(name)) {
                    columns.put(name, String.valueOf(text));
                }
            });
        }
        map(relation.getOrDefault("columns", Map.of()), where + ": columns").forEach((name, text) -> {
            if (columns.put(name, text == null ? null : String.valueOf(text)) != null) {
                throw new IllegalArgumentException(where + ": column " + name + " is described twice (under columns"
                        + " and through columns of); keep one.");
            }
        });
        return columns;
    }

    private static String text(Map<String, Object> body, String where) {
        Object text = body.get("description");
        return checked(text == null ? null : String.valueOf(text), where);
    }

    private static String checked(String text, String where) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    where + " has no description; write one sentence that says what it holds.");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(where + ": the description has " + text.length()
                    + " characters, more than SQL Server's extended properties hold (" + MAX_LENGTH + "); shorten it.");
        }
        return text;
    }

    private static void requireOnly(Set<String> keys, Set<String> allowed, String where) {
        for (String key : keys) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(
                        where + ": unknown key '" + key + "'; expected one of " + allowed + ".");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String where) {
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + ": expected a mapping, found " + node + ".");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        ((Map<Object, Object>) map).forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }
}
