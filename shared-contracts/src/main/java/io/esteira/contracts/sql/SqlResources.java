package io.esteira.contracts.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one way every Esteira module reads the SQL it keeps in {@code .sql} classpath resources and fills
 * in their placeholders.
 *
 * <p>A resource {@code name} is looked up as {@code <folder>/<name>.sql} in each folder in turn, so a
 * vendor folder can override a shared one ({@code apply/sqlserver}, then {@code apply/ansi}). There is
 * one placeholder syntax: {@code {name}}, or {@code {name:arguments}} for a token that a dialect
 * renders (e.g. {@code {date_sk:o.order_date}}). Placeholders stand for identifiers the caller has
 * checked and quoted, or for SQL fragments it built from them, never for values: values travel as bind
 * parameters. A file of several statements names each after a {@code -- name: <name>} line
 * ({@link #named}).
 *
 * <p>Every error names the resource and, where one is at fault, the placeholder or statement.
 */
public final class SqlResources {

    /** {@code {name}} or {@code {name:arguments}}. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*)(?::([^{}]+))?}");

    private static final String NAME_MARKER = "-- name:";

    /** The value of a placeholder, from its name and its arguments (null when it has none). */
    @FunctionalInterface
    public interface Values {
        /** The value, or null when there is none (then rendering fails, naming the placeholder). */
        String of(String name, String arguments);
    }

    /** One resource as read: the classpath path it was found at and its text as written. */
    public record Resource(String path, String text) {}

    private final List<String> folders;
    private final Map<String, Resource> cache = new ConcurrentHashMap<>();

    private SqlResources(List<String> folders) {
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("SqlResources needs at least one classpath folder to look in");
        }
        this.folders = List.copyOf(folders);
    }

    /** Resources in these classpath folders (no leading slash), searched in the order given. */
    public static SqlResources in(String... folders) {
        return new SqlResources(List.of(folders));
    }

    /**
     * The resource {@code name} from the first folder that holds {@code <name>.sql}.
     *
     * @throws IllegalStateException naming every path looked at when no folder holds it
     */
    public Resource resource(String name) {
        return cache.computeIfAbsent(name, this::read);
    }

    /** Whether a folder holds {@code <name>.sql}: whether {@link #resource} finds it. */
    public boolean has(String name) {
        return cache.containsKey(name)
                || folders.stream()
                        .anyMatch(folder ->
                                SqlResources.class.getClassLoader().getResource(folder + "/" + name + ".sql") != null);
    }

    /** The text of resource {@code name} as written, comments included. */
    public String text(String name) {
        return resource(name).text();
    }

    /** The statement of resource {@code name} without its whole-line comments, with no placeholders. */
    public String statement(String name) {
        return statement(name, Map.of());
    }

    /**
     * The statement of resource {@code name} without its whole-line comments (which document it for
     * people, and may mention placeholders) and with each placeholder replaced by {@code values}' entry.
     *
     * @throws IllegalStateException when a placeholder has no value, naming both
     */
    public String statement(String name, Map<String, String> values) {
        Resource resource = resource(name);
        return fill(
                        withoutComments(resource.text()),
                        resource.path(),
                        (placeholder, arguments) -> values.get(placeholder))
                .strip();
    }

    /**
     * The whole text of resource {@code name}, comments included, with every placeholder replaced.
     *
     * @throws IllegalStateException when a placeholder has no value, naming both
     */
    public String render(String name, Map<String, String> values) {
        return render(name, (placeholder, arguments) -> values.get(placeholder));
    }

    /** As {@link #render(String, Map)}, with values (and tokens with arguments) from a function. */
    public String render(String name, Values values) {
        Resource resource = resource(name);
        return fill(resource.text(), resource.path(), values);
    }

    /**
     * The statements of resource {@code name}, each after a {@code -- name: <name>} line, without comment
     * lines, blank lines and the final semicolon. With several names, the statements of all those
     * resources, which must not repeat a name.
     *
     * @throws IllegalStateException when a statement is empty or its name repeats
     */
    public Named named(String... names) {
        Map<String, String> statements = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>();
        for (String name : names) {
            Resource resource = resource(name);
            paths.add(resource.path());
            parseNamed(resource.text(), resource.path()).forEach((statement, sql) -> {
                if (statements.putIfAbsent(statement, sql) != null) {
                    throw new IllegalStateException(
                            "Statement '" + statement + "' is repeated in " + paths + ": give each its own name");
                }
            });
        }
        return new Named(String.join(", ", paths), statements);
    }

    /** Statements by name, as {@link #named} reads them. */
    public static final class Named {
        private final String source;
        private final Map<String, String> statements;

        Named(String source, Map<String, String> statements) {
            this.source = source;
            this.statements = Map.copyOf(statements);
        }

        /**
         * The statement called {@code name}.
         *
         * @throws IllegalStateException naming the statement and the resources when there is none
         */
        public String get(String name) {
            String sql = statements.get(name);
            if (sql == null) {
                throw new IllegalStateException(
                        "No statement '" + name + "' in " + source + ": add it after a '-- name: " + name + "' line");
            }
            return sql;
        }

        public Map<String, String> all() {
            return statements;
        }
    }

    /**
     * {@code template} with every placeholder replaced.
     *
     * @param source what the template is, for the error message (its resource path)
     * @throws IllegalStateException when a placeholder has no value, naming it and {@code source}
     */
    public static String fill(String template, String source, Values values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String placeholder = matcher.group(1);
            String value;
            try {
                value = values.of(placeholder, matcher.group(2));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("SQL resource " + source + ": " + e.getMessage(), e);
            }
            if (value == null) {
                throw new IllegalStateException("SQL resource " + source + " needs {" + placeholder
                        + "}; pass a value for it when rendering the statement");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** {@code sql} without its whole-line {@code --} comments. */
    public static String withoutComments(String sql) {
        return sql.lines()
                .filter(line -> !line.strip().startsWith("--"))
                .map(line -> line + "\n")
                .collect(Collectors.joining());
    }

    static Map<String, String> parseNamed(String text, String source) {
        Map<String, String> statements = new LinkedHashMap<>();
        String name = null;
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith(NAME_MARKER)) {
                putNamed(statements, name, sql, source);
                name = trimmed.substring(NAME_MARKER.length()).strip();
                sql.setLength(0);
            } else if (name != null && !trimmed.isEmpty() && !trimmed.startsWith("--")) {
                sql.append(sql.length() == 0 ? "" : "\n").append(line.stripTrailing());
            }
        }
        putNamed(statements, name, sql, source);
        return statements;
    }

    private static void putNamed(Map<String, String> statements, String name, StringBuilder sql, String source) {
        if (name == null) {
            return;
        }
        String statement = sql.toString().strip();
        if (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1);
        }
        if (statement.isEmpty() || statements.putIfAbsent(name, statement) != null) {
            throw new IllegalStateException("Statement '" + name + "' in " + source
                    + " is empty or repeated: give each statement its own name");
        }
    }

    private Resource read(String name) {
        List<String> looked = new ArrayList<>();
        for (String folder : folders) {
            String path = folder + "/" + name + ".sql";
            looked.add(path);
            try (InputStream in = SqlResources.class.getClassLoader().getResourceAsStream(path)) {
                if (in != null) {
                    return new Resource(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read SQL resource " + path + " from the classpath", e);
            }
        }
        throw new IllegalStateException("SQL resource " + name + ".sql is missing: looked for "
                + String.join(" and ", looked) + " on the classpath; add the file or rebuild the module that ships it");
    }
}
