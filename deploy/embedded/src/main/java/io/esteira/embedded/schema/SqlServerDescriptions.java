package io.esteira.embedded.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The objects that the SQL Server migration scripts give an {@code MS_Description}, read from the
 * scripts themselves, so that a machine without SQL Server can still compare them with the PostgreSQL
 * reference. Each object is named as {@code Descriptions.Description#object()} names it: {@code schema stg},
 * {@code table stg.affected}, {@code view mart.vendas}, {@code column stg.affected.key_value}.
 *
 * <p>Reads the house form, {@code EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value =
 * N'…', @level0type = N'SCHEMA', @level0name = N'…' …;}, with named arguments; {@code
 * sp_updateextendedproperty} also describes, {@code sp_dropextendedproperty} takes the description
 * away. A call in another form (positional arguments, dynamic SQL) is refused rather than missed.
 */
public final class SqlServerDescriptions {

    private static final Pattern CALL = Pattern.compile("(?i)\\bsp_(add|update|drop)extendedproperty\\b");

    private static final Pattern ARGUMENT = Pattern.compile("(?i)@(\\w+)\\s*=\\s*N?'((?:[^']|'')*)'");

    private SqlServerDescriptions() {}

    /** What the scripts under {@code <root>/sqlserver} ({@code db/dw}, {@code db/oltp}) describe, in version order. */
    public static Set<String> ofMigrations(String root) {
        Set<String> described = new TreeSet<>();
        for (String file : MigrationScripts.of(root, "sqlserver")) {
            if (file.endsWith(".sql")) {
                apply(read("/" + root + "/sqlserver/" + file), file, described);
            }
        }
        return described;
    }

    /** What one script describes. */
    public static Set<String> of(String script) {
        Set<String> described = new TreeSet<>();
        apply(script, "the script", described);
        return described;
    }

    private static void apply(String script, String file, Set<String> described) {
        String code = withoutComments(script);
        Matcher call = CALL.matcher(code);
        int from = 0;
        while (call.find(from)) {
            int end = statementEnd(code, call.end());
            String statement = code.substring(call.start(), end);
            Map<String, String> arguments = new LinkedHashMap<>();
            Matcher argument = ARGUMENT.matcher(statement);
            while (argument.find()) {
                arguments.put(
                        argument.group(1).toLowerCase(Locale.ROOT),
                        argument.group(2).replace("''", "'"));
            }
            if (!arguments.containsKey("name")) {
                throw new IllegalArgumentException(file + ": cannot read the named arguments of " + statement.strip()
                        + "; write it as EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'…',"
                        + " @level0type = N'SCHEMA', @level0name = N'…', …;");
            }
            if ("MS_Description".equalsIgnoreCase(arguments.get("name"))) {
                String object = object(arguments, file, statement);
                if ("drop".equalsIgnoreCase(call.group(1))) {
                    described.remove(object);
                } else {
                    described.add(object);
                }
            }
            from = end;
        }
    }

    /** {@code schema s}, {@code table s.t}, {@code view s.v} or {@code column s.t.c}, lower-cased. */
    private static String object(Map<String, String> arguments, String file, String statement) {
        String level0 = level(arguments, 0, file, statement);
        String level1 = level(arguments, 1, file, statement);
        String level2 = level(arguments, 2, file, statement);
        if (!"schema".equals(level0)) {
            throw new IllegalArgumentException(file + ": a description outside a schema (" + statement.strip()
                    + "); the schemas describe schemas, tables, views and their columns only.");
        }
        String name = lower(arguments.get("level0name"));
        if (level1 == null) {
            return "schema " + name;
        }
        name += "." + lower(arguments.get("level1name"));
        if (level2 == null) {
            return level1 + " " + name;
        }
        return level2 + " " + name + "." + lower(arguments.get("level2name"));
    }

    private static String level(Map<String, String> arguments, int level, String file, String statement) {
        String type = arguments.get("level" + level + "type");
        if (type == null) {
            return null;
        }
        if (!arguments.containsKey("level" + level + "name")) {
            throw new IllegalArgumentException(
                    file + ": @level" + level + "type without @level" + level + "name in " + statement.strip());
        }
        return lower(type);
    }

    /** Index after the {@code ;} that ends the statement starting before {@code from}, quotes respected. */
    private static int statementEnd(String code, int from) {
        boolean quoted = false;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return i + 1;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("An unterminated string literal after: "
                    + code.substring(from, Math.min(code.length(), from + 200)));
        }
        return code.length();
    }

    /** The script without {@code --} line comments (outside string literals). */
    public static String withoutComments(String script) {
        StringBuilder code = new StringBuilder(script.length());
        boolean quoted = false;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
                while (i < script.length() && script.charAt(i) != '\n') {
                    i++;
                }
                c = '\n';
            }
            code.append(c);
        }
        return code.toString();
    }

    private static String lower(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    public static String read(String resource) {
        try (InputStream in = SqlServerDescriptions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        resource + " is not on the test classpath; build the module that ships it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
