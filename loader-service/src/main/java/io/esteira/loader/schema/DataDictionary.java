package io.esteira.loader.schema;

import io.esteira.contracts.sql.SqlResources;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The warehouse's data dictionary: every schema, table, view and column of the contract's schemas with
 * its comment (from {@value DwSchema#DESCRIPTIONS}), read from a migrated PostgreSQL warehouse (information_schema plus
 * {@code obj_description}/{@code col_description}) and rendered as the markdown of
 * {@code docs/data-dictionary.md}.
 *
 * <p>{@code DataDictionaryIT} keeps that file equal to the migrations; {@link #REGENERATE_COMMAND}
 * rewrites it.
 */
public final class DataDictionary {

    public static final String REGENERATE_COMMAND =
            "./mvnw -pl loader-service verify -Dit.test=DataDictionaryIT -Ddictionary.write=true";

    /** Flyway's bookkeeping, not part of the contract: left out of the dictionary. */
    static final String FLYWAY_HISTORY = DwSchema.HISTORY_SCHEMA + "." + DwSchema.HISTORY_TABLE;

    private static final SqlResources SQL = SqlResources.in("db/dw/dictionary");

    public enum Kind {
        TABLE,
        VIEW;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Column(String name, String type, boolean nullable, String comment) {}

    public record Relation(String schema, String name, Kind kind, String comment, List<Column> columns) {
        public Relation {
            columns = List.copyOf(columns);
        }

        public String qualifiedName() {
            return schema + "." + name;
        }
    }

    public record Schema(String name, String comment, List<Relation> relations) {
        public Schema {
            relations = List.copyOf(relations);
        }
    }

    private final List<Schema> schemas;

    public DataDictionary(List<Schema> schemas) {
        this.schemas = List.copyOf(schemas);
    }

    /**
     * Reads the dictionary of the schemas in {@link DwSchema#SCHEMAS} from a migrated PostgreSQL
     * warehouse. Tables come before views, each sorted by name; columns keep their table order.
     */
    public static DataDictionary read(DataSource dataSource) {
        String vendor = DwSchema.vendor(dataSource);
        if (!"postgresql".equals(vendor)) {
            throw new IllegalArgumentException("The data dictionary is read from PostgreSQL, the reference dialect,"
                    + " not from " + vendor + "; pass a PostgreSQL warehouse.");
        }
        try (Connection connection = dataSource.getConnection()) {
            Array names = connection.createArrayOf("text", DwSchema.SCHEMAS.toArray());
            Map<String, String> schemaComments = new LinkedHashMap<>();
            query(connection, "postgresql-schemas", names, rs -> schemaComments.put(rs.getString(1), rs.getString(2)));

            Map<String, List<Column>> columns = new LinkedHashMap<>();
            query(connection, "postgresql-columns", names, rs -> columns.computeIfAbsent(
                            rs.getString("table_schema") + "." + rs.getString("table_name"), k -> new ArrayList<>())
                    .add(new Column(
                            rs.getString("column_name"),
                            rs.getString("data_type"),
                            "YES".equals(rs.getString("is_nullable")),
                            rs.getString("comment"))));

            List<Relation> relations = new ArrayList<>();
            query(connection, "postgresql-relations", names, rs -> {
                String schema = rs.getString("table_schema");
                String name = rs.getString("table_name");
                if (!FLYWAY_HISTORY.equals(schema + "." + name)) {
                    relations.add(new Relation(
                            schema,
                            name,
                            "VIEW".equals(rs.getString("table_type")) ? Kind.VIEW : Kind.TABLE,
                            rs.getString("comment"),
                            columns.getOrDefault(schema + "." + name, List.of())));
                }
            });

            List<Schema> schemas = new ArrayList<>();
            for (String schema : DwSchema.SCHEMAS) {
                if (!schemaComments.containsKey(schema)) {
                    throw new IllegalStateException(
                            "The warehouse has no schema " + schema + "; migrate it (DwSchema.migrate) first.");
                }
                schemas.add(new Schema(
                        schema,
                        schemaComments.get(schema),
                        relations.stream()
                                .filter(relation -> relation.schema().equals(schema))
                                .sorted(Comparator.comparing(Relation::kind).thenComparing(Relation::name))
                                .toList()));
            }
            return new DataDictionary(schemas);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot read the data dictionary from the warehouse; check that it is a migrated PostgreSQL database.",
                    e);
        }
    }

    public List<Schema> schemas() {
        return schemas;
    }

    /** Every schema, table, view or column without a comment, e.g. {@code column dim.dim_data.ano}. */
    public List<String> uncommented() {
        List<String> missing = new ArrayList<>();
        for (Schema schema : schemas) {
            if (isBlank(schema.comment())) {
                missing.add("schema " + schema.name());
            }
            for (Relation relation : schema.relations()) {
                if (isBlank(relation.comment())) {
                    missing.add(relation.kind().label() + " " + relation.qualifiedName());
                }
                for (Column column : relation.columns()) {
                    if (isBlank(column.comment())) {
                        missing.add("column " + relation.qualifiedName() + "." + column.name());
                    }
                }
            }
        }
        return missing;
    }

    /** The markdown of {@code docs/data-dictionary.md}: deterministic, so the file can be compared. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Warehouse data dictionary\n\n");
        md.append("<!-- Generated by io.esteira.loader.schema.DataDictionary. Do not edit by hand. -->\n\n");
        md.append("Every table, view and column of the warehouse with its comment, read from a freshly migrated\n");
        md.append(
                "PostgreSQL warehouse (`loader-service/src/main/resources/db/dw/{common,postgresql}`). The names are the\n");
        md.append(
                "contract of [`data-contract.md`](data-contract.md). Do not edit this file: change the descriptions\n");
        md.append("in `loader-service/src/main/resources/" + DwSchema.DESCRIPTIONS
                + "` (one place for both vendors), then\n");
        md.append("regenerate it, with PostgreSQL on 127.0.0.1:5432:\n\n");
        md.append("```bash\n").append(REGENERATE_COMMAND).append("\n```\n\n");
        md.append(
                "`DataDictionaryIT` fails while this file differs from the migrations, or while any table, view or\n");
        md.append("column lacks a comment.\n\n");
        md.append("Types are PostgreSQL's. SQL Server uses `nvarchar`, `nvarchar(max)` for `text`, `bit` for\n");
        md.append("`boolean`, `datetime2(3)` for `timestamp(3)` and `float` for `double precision`.\n");
        md.append("`bi_reader` may read `dim`, `fact` and `mart` only. Flyway's own `")
                .append(FLYWAY_HISTORY)
                .append("` is left out.\n\n");
        md.append("| schema | tables and views |\n|---|---|\n");
        for (Schema schema : schemas) {
            md.append("| `").append(schema.name()).append("` | ");
            md.append(String.join(
                    ", ",
                    schema.relations().stream()
                            .map(relation -> "`" + relation.name() + "`")
                            .toList()));
            md.append(" |\n");
        }
        for (Schema schema : schemas) {
            md.append("\n## `").append(schema.name()).append("`\n\n");
            md.append(text(schema.comment())).append('\n');
            for (Relation relation : schema.relations()) {
                md.append("\n### `")
                        .append(relation.qualifiedName())
                        .append("` (")
                        .append(relation.kind().label())
                        .append(")\n\n");
                md.append(text(relation.comment())).append("\n\n");
                md.append("| column | type | nullable | comment |\n|---|---|---|---|\n");
                for (Column column : relation.columns()) {
                    md.append("| `")
                            .append(column.name())
                            .append("` | ")
                            .append(cell(column.type()))
                            .append(" | ")
                            .append(column.nullable() ? "yes" : "no")
                            .append(" | ")
                            .append(cell(column.comment()))
                            .append(" |\n");
                }
            }
        }
        return md.toString();
    }

    private interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }

    private static void query(Connection connection, String file, Array schemaNames, RowHandler handler)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SQL.text(file))) {
            statement.setArray(1, schemaNames);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String text(String comment) {
        return isBlank(comment) ? "_(no comment)_" : comment.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String cell(String value) {
        return text(value).replace("|", "\\|");
    }
}
