package io.esteira.loader.apply;

import io.esteira.contracts.dialect.Vendor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loader's SQL, read from {@code apply/<vendor>/<name>.sql}, falling back to
 * {@code apply/ansi/<name>.sql} (standard SQL that PostgreSQL 15+ reads as it is, and SQL Server
 * through the tokens of {@link ApplyDialect}). Templates name identifiers as {@code {placeholder}};
 * only identifiers the caller has checked and quoted are substituted. Values always travel as named
 * parameters ({@code :token}, {@code :now}, …).
 */
public final class ApplySql {

    /** {@code {name}}: a placeholder or a token; {@code {name:arguments}}: a token. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9_]+)(?::([^{}]+))?}");

    private static final Pattern STATEMENT_END = Pattern.compile(";\\s*$", Pattern.MULTILINE);

    private final Vendor vendor;
    private final ApplyDialect dialect;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public ApplySql(Vendor vendor) {
        this.vendor = vendor;
        this.dialect = ApplyDialect.of(vendor);
    }

    public Vendor vendor() {
        return vendor;
    }

    /**
     * Whether a batch lands in one statement ({@code land.sql}: an upsert that queues the changed keys),
     * or stepwise (count new keys, mark, merge, enqueue). PostgreSQL has {@code INSERT … ON CONFLICT}
     * with data-modifying {@code WITH}; SQL Server keeps the stepwise form.
     */
    public boolean landsInOneStatement() {
        return vendor == Vendor.POSTGRESQL;
    }

    /** The statements of a resource with every placeholder and token replaced, ready to run. */
    public List<String> statements(String name, Map<String, String> placeholders) {
        return parts(name, placeholders).stream().map(dialect::terminate).toList();
    }

    /** A resource that must hold exactly one statement, rendered and ready to run. */
    public String statement(String name, Map<String, String> placeholders) {
        return dialect.terminate(fragment(name, placeholders));
    }

    /** A resource that must hold exactly one statement, rendered to be embedded in another (a subquery). */
    public String fragment(String name, Map<String, String> placeholders) {
        List<String> statements = parts(name, placeholders);
        if (statements.size() != 1) {
            throw new IllegalStateException(
                    "SQL resource " + name + " must hold one statement, found " + statements.size());
        }
        return statements.get(0);
    }

    private List<String> parts(String name, Map<String, String> placeholders) {
        String text = render(template(name), placeholders, name);
        List<String> statements = new ArrayList<>();
        for (String part : STATEMENT_END.split(text)) {
            if (!stripComments(part).isBlank()) {
                statements.add(part.strip());
            }
        }
        return statements;
    }

    String template(String name) {
        return cache.computeIfAbsent(name, n -> {
            String text = read("/apply/" + vendor.id() + "/" + n + ".sql");
            if (text == null) {
                text = read("/apply/ansi/" + n + ".sql");
            }
            if (text == null) {
                throw new IllegalStateException("Loader SQL " + n + ".sql is missing for " + vendor.id()
                        + " (looked in apply/" + vendor.id() + " and apply/ansi)");
            }
            return text;
        });
    }

    private String render(String template, Map<String, String> placeholders, String name) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value;
            try {
                value = dialect.token(matcher.group(1), matcher.group(2));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Loader SQL " + name + ": " + e.getMessage(), e);
            }
            if (value == null) {
                value = placeholders.get(matcher.group(1));
            }
            if (value == null) {
                throw new IllegalStateException("Loader SQL " + name + " needs {" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String stripComments(String sql) {
        return sql.replaceAll("(?m)^\\s*--.*$", "");
    }

    private static String read(String resource) {
        try (InputStream in = ApplySql.class.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
