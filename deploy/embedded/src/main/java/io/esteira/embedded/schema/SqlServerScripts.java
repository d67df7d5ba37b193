package io.esteira.embedded.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A SQL Server schema as its migration scripts declare it, read without a SQL Server: the scripts of
 * {@code <root>/common} rendered with the SQL Server placeholders ({@code
 * io.esteira.contracts.schema.SchemaPlaceholders}), and those of {@code <root>/sqlserver}, in version
 * order, as Flyway would run them ({@code db/dw} for the warehouse, {@code db/oltp} for the OLTP reference
 * schema). A focused reader of the DDL the schemas use ({@code CREATE TABLE}, {@code SELECT TOP 0 * INTO}, {@code ALTER TABLE ADD/DROP/ALTER COLUMN}, {@code DROP INDEX … ON},
 * constraints, indexes, views); any other {@code CREATE}, {@code ALTER} or {@code DROP} is refused rather
 * than missed. Java migrations (the Quartz job store, the descriptions) are not scripts and are left out;
 * so are triggers, procedures and functions, which declare no table.
 */
public final class SqlServerScripts {

    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?is)CREATE TABLE ([\\w.]+) \\((.*)\\)");
    private static final Pattern SELECT_INTO = Pattern.compile("(?is)SELECT TOP 0 \\* INTO ([\\w.]+) FROM ([\\w.]+)");
    private static final Pattern ALTER =
            Pattern.compile("(?is)ALTER TABLE ([\\w.]+) (ADD|DROP COLUMN|DROP CONSTRAINT|ALTER COLUMN|SET) (.*)");
    private static final Pattern INDEX =
            Pattern.compile("(?is)CREATE (UNIQUE )?(?:(?:NON)?CLUSTERED )?INDEX (\\w+) ON ([\\w.]+) \\(([^)]*)\\).*");
    private static final Pattern DROP_INDEX = Pattern.compile("(?is)DROP INDEX (\\w+) ON ([\\w.]+)");
    private static final Pattern VIEW = Pattern.compile("(?is)CREATE (?:OR ALTER )?VIEW ([\\w.]+)\\b.*");
    private static final Pattern CONSTRAINT = Pattern.compile("(?is)CONSTRAINT (\\w+) (.*)");
    private static final Pattern KEY =
            Pattern.compile("(?is)(PRIMARY KEY|UNIQUE)(?: (?:NON)?CLUSTERED)? \\(([^)]*)\\)");
    private static final Pattern FOREIGN_KEY =
            Pattern.compile("(?is)FOREIGN KEY \\(([^)]*)\\) REFERENCES ([\\w.]+) \\(([^)]*)\\).*");

    private static final Pattern ROUTINE =
            Pattern.compile("(?is)\\s*(CREATE|ALTER|CREATE OR ALTER) (PROCEDURE|PROC|FUNCTION|TRIGGER)\\b");

    /** DDL hidden in dynamic SQL or a rename, which this reader would otherwise pass over. */
    private static final Pattern HIDDEN_DDL =
            Pattern.compile("(?is).*\\b(sp_rename|(CREATE|ALTER|DROP) (TABLE|VIEW|INDEX|UNIQUE INDEX))\\b.*");

    /**
     * The one piece of dynamic DDL the scripts may hold: a column's default constraint that SQL Server named (a
     * {@code DEFAULT} declared without a name), dropped by that name read from {@code sys.default_constraints}
     * into a variable that {@code sp_executesql} runs. Defaults are not compared, so it declares nothing here;
     * any other DDL in dynamic SQL is still refused ({@link #HIDDEN_DDL}).
     */
    private static final Pattern DROP_GENERATED_DEFAULT = Pattern.compile(
            "(?is)DECLARE @\\w+ nvarchar\\(\\d+\\) = N'ALTER TABLE [\\w.]+ DROP CONSTRAINT ' \\+ QUOTENAME\\(\\s*"
                    + "\\(SELECT (\\w+)\\.name\\s+FROM sys\\.default_constraints \\1\\s[^;]*\\)\\)");

    /** Statements that declare no table, column or key: data, variables, permissions, batch settings. */
    private static final List<String> IGNORED = List.of(
            "INSERT", "UPDATE", "DELETE", "MERGE", "WITH", "DECLARE", "SET", "IF", "EXEC", "GRANT", "DENY", "REVOKE",
            "SELECT", "PRINT");

    private static final List<String> PERMISSIONS = List.of("GRANT", "DENY", "REVOKE");

    /** One script: its file name (for messages) and its SQL, already rendered. */
    public record Script(String name, String sql) {}

    private SqlServerScripts() {}

    /**
     * The SQL Server scripts under the classpath folder {@code root} ({@code db/dw}, {@code db/oltp}), rendered
     * with {@code placeholders}, in version order; each named {@code common/<file>} or {@code sqlserver/<file>}.
     */
    public static List<Script> ofMigrations(String root, Map<String, String> placeholders) {
        List<Script> scripts = new ArrayList<>();
        for (String folder : List.of("common", "sqlserver")) {
            for (String file : MigrationScripts.of(root, folder)) {
                if (file.endsWith(".sql")) {
                    scripts.add(new Script(
                            folder + "/" + file,
                            render(
                                    SqlServerDescriptions.read("/" + root + "/" + folder + "/" + file),
                                    placeholders,
                                    file)));
                }
            }
        }
        scripts.sort(Comparator.comparingInt(script -> version(script.name())));
        return scripts;
    }

    /**
     * {@code scripts} with the one named {@code name} changed by {@code change}: a deliberately broken copy,
     * for a test that shows a comparison failing. Refuses a change that changed nothing (a pattern that no
     * longer matches would make such a test pass for the wrong reason).
     */
    public static List<Script> withChanged(List<Script> scripts, String name, UnaryOperator<String> change) {
        List<Script> changed = new ArrayList<>();
        boolean differs = false;
        for (Script script : scripts) {
            String sql = script.name().equals(name) ? change.apply(script.sql()) : script.sql();
            differs |= !sql.equals(script.sql());
            changed.add(new Script(script.name(), sql));
        }
        if (!differs) {
            throw new IllegalArgumentException(
                    "The change to " + name + " changed nothing; check the script's name and the text it replaces.");
        }
        return changed;
    }

    /** {@code sql} with Flyway's {@code ${name}} placeholders replaced; an unknown one is an error, as in Flyway. */
    public static String render(String sql, Map<String, String> placeholders, String file) {
        Matcher m = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = placeholders.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(file + " uses the placeholder ${" + m.group(1)
                        + "}, which has no SQL Server value; add it to SchemaPlaceholders for every vendor.");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** What the scripts declare, applied in order. */
    public static DeclaredSchema declared(List<Script> scripts) {
        DeclaredSchema schema = new DeclaredSchema();
        for (Script script : scripts) {
            for (String statement : statements(script.sql())) {
                apply(schema, statement, script.name());
            }
        }
        return schema;
    }

    private static void apply(DeclaredSchema schema, String statement, String file) {
        String where = file + ": " + (statement.length() > 80 ? statement.substring(0, 80) + "…" : statement);
        Matcher m;
        if ((m = CREATE_TABLE.matcher(statement)).matches()) {
            DeclaredSchema.Table table = new DeclaredSchema.Table();
            schema.tables.put(lower(m.group(1)), table);
            for (String element : split(m.group(2), ',')) {
                element(table, element, where);
            }
        } else if ((m = SELECT_INTO.matcher(statement)).matches()) {
            DeclaredSchema.Table copy = new DeclaredSchema.Table();
            copy.columns.putAll(schema.table(lower(m.group(2)), where).columns);
            schema.tables.put(lower(m.group(1)), copy);
        } else if ((m = ALTER.matcher(statement)).matches()) {
            alter(schema.table(lower(m.group(1)), where), m.group(2).toUpperCase(Locale.ROOT), m.group(3), where);
        } else if ((m = INDEX.matcher(statement)).matches()) {
            if (m.group(1) != null) {
                DeclaredSchema.Table table = schema.table(lower(m.group(3)), where);
                table.uniqueIndexes.add(columns(m.group(4)));
                table.uniqueIndexNames.put(lower(m.group(2)), columns(m.group(4)));
            }
        } else if ((m = DROP_INDEX.matcher(statement)).matches()) {
            // Only unique indexes are compared; dropping another changes nothing declared.
            DeclaredSchema.Table table = schema.table(lower(m.group(2)), where);
            String columns = table.uniqueIndexNames.remove(lower(m.group(1)));
            if (columns != null) {
                table.uniqueIndexes.remove(columns);
            }
        } else if ((m = VIEW.matcher(statement)).matches()) {
            schema.views.add(lower(m.group(1)));
        } else if (statement.matches("(?is)DROP (TABLE|VIEW) .*")) {
            String name = lower(statement.replaceAll("(?is)DROP (TABLE|VIEW) (IF EXISTS )?([\\w.]+).*", "$3"));
            schema.tables.remove(name);
            schema.views.remove(name);
        } else if (DROP_GENERATED_DEFAULT.matcher(statement).matches()) {
            // a default constraint dropped by its generated name: defaults are not compared
        } else if (!IGNORED.contains(firstWord(statement))
                // A permission names statement kinds ("DENY CREATE TABLE … TO role"), it runs none.
                || (!PERMISSIONS.contains(firstWord(statement))
                        && HIDDEN_DDL.matcher(statement).matches())) {
            throw new IllegalArgumentException(where + ": SqlServerScripts cannot read this statement; teach it"
                    + " the statement or write the DDL in a form it reads.");
        }
    }

    private static void alter(DeclaredSchema.Table table, String action, String rest, String where) {
        switch (action) {
            case "ADD" -> split(rest, ',').forEach(element -> element(table, element, where));
            case "DROP COLUMN" -> split(rest, ',').forEach(column -> table.columns.remove(lower(column)));
            case "DROP CONSTRAINT" -> split(rest, ',').forEach(name -> {
                if (lower(name).equals(table.primaryKeyName)) {
                    table.primaryKey = null;
                }
                table.constraints.remove(lower(name));
            });
            case "ALTER COLUMN" -> column(table, rest);
            default -> {} // SET (LOCK_ESCALATION = …): storage, not declaration
        }
    }

    /** A column or a table constraint of CREATE TABLE or ALTER TABLE … ADD. */
    private static void element(DeclaredSchema.Table table, String element, String where) {
        Matcher m = CONSTRAINT.matcher(element);
        String name = null;
        String body = element;
        if (m.matches()) {
            name = lower(m.group(1));
            body = m.group(2);
        }
        Matcher key = KEY.matcher(body);
        Matcher foreign = FOREIGN_KEY.matcher(body);
        if (key.matches()) {
            if (key.group(1).equalsIgnoreCase("PRIMARY KEY")) {
                table.primaryKey = columns(key.group(2));
                table.primaryKeyName = name;
                for (String column : key.group(2).split(",")) {
                    DeclaredSchema.Column declared = table.columns.get(lower(column));
                    if (declared != null) {
                        table.columns.put(lower(column), new DeclaredSchema.Column(declared.type(), false));
                    }
                }
            } else {
                table.constraints.put(name == null ? "unique" + table.constraints.size() : name, columns(key.group(2)));
            }
        } else if (foreign.matches()) {
            table.constraints.put(
                    name == null ? "fk" + table.constraints.size() : name,
                    columns(foreign.group(1)) + " -> " + lower(foreign.group(2)) + " " + columns(foreign.group(3)));
        } else if (body.matches("(?is)CHECK\\b.*")) {
            // checks are compared by the vendors' tests, not here
        } else if (name != null && body.matches("(?is)DEFAULT\\b.*\\bFOR \\w+")) {
            // a named default of ALTER TABLE … ADD CONSTRAINT: defaults are not compared
        } else if (name != null) {
            throw new IllegalArgumentException(where + ": cannot read the constraint " + element);
        } else {
            column(table, element);
        }
    }

    private static void column(DeclaredSchema.Table table, String definition) {
        String[] words = definition.strip().split("\\s+", 2);
        String rest = words.length > 1 ? words[1] : "";
        Matcher type = Pattern.compile("(?is)(\\w+(?: precision)?(?:\\s*\\([^)]*\\))?)(.*)")
                .matcher(rest);
        if (!type.matches()) {
            throw new IllegalArgumentException("cannot read the column " + definition);
        }
        String options = type.group(2).toUpperCase(Locale.ROOT);
        boolean nullable =
                !(options.contains("NOT NULL") || options.contains("IDENTITY") || options.contains("PRIMARY KEY"));
        table.columns.put(lower(words[0]), new DeclaredSchema.Column(DeclaredSchema.type(type.group(1)), nullable));
        if (options.contains("PRIMARY KEY")) {
            table.primaryKey = "(" + lower(words[0]) + ")";
        }
    }

    /** The statements of a script: split on GO lines and on top-level semicolons; comments removed. */
    public static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        for (String batch : SqlServerDescriptions.withoutComments(sql).split("(?im)^\\s*GO\\s*$")) {
            if (ROUTINE.matcher(batch).lookingAt()) {
                continue; // a procedure, function or trigger: alone in its batch, and it declares no table
            }
            for (String statement : split(batch, ';')) {
                String normalized = statement.replaceAll("\\s+", " ").strip();
                if (!normalized.isEmpty()) {
                    statements.add(normalized);
                }
            }
        }
        return statements;
    }

    /** Splits on {@code separator} outside quotes and parentheses. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == separator) {
                parts.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).strip());
        parts.removeIf(String::isEmpty);
        return parts;
    }

    private static String columns(String list) {
        return Arrays.stream(list.split(","))
                .map(column -> lower(column.replaceAll("(?i)\\s+(ASC|DESC)$", "")))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String firstWord(String statement) {
        return statement.split("[\\s(]", 2)[0].toUpperCase(Locale.ROOT);
    }

    private static String lower(String name) {
        return name.strip().replace("[", "").replace("]", "").toLowerCase(Locale.ROOT);
    }

    private static int version(String name) {
        Matcher m = VERSION.matcher(name.substring(name.indexOf('/') + 1));
        if (!m.matches()) {
            throw new IllegalArgumentException(name + " is not a versioned migration (V<n>__<description>.sql).");
        }
        return Integer.parseInt(m.group(1));
    }
}
