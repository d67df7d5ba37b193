package io.esteira.quality.dialect;

import io.esteira.contracts.dialect.SqlDialect;
import io.esteira.contracts.dialect.Vendor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The vendor-specific SQL of the quality service. Statements live in {@code sql/<vendor>/<name>.sql};
 * a statement that every vendor writes the same way lives once in {@code sql/ansi/<name>.sql}. A
 * template names configured identifiers as {@code {placeholder}}; they are filled only with names
 * that were resolved against the catalog and quoted ({@link #quoteIdentifier}), never with values,
 * which are always bind parameters.
 */
public final class QualityDialect implements SqlDialect {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private final Vendor vendor;
    private final Map<String, String> templates = new ConcurrentHashMap<>();

    public QualityDialect(Vendor vendor) {
        this.vendor = vendor;
    }

    /** The dialect of the database behind {@code dataSource}, from its JDBC URL. */
    public static QualityDialect of(DataSource dataSource, String role) {
        try (Connection connection = dataSource.getConnection()) {
            return new QualityDialect(
                    SqlDialect.vendorOf(connection.getMetaData().getURL()));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot read the JDBC URL of the " + role + " database: " + e.getMessage() + ". Check esteira."
                            + role + ".url.",
                    e);
        }
    }

    @Override
    public Vendor vendor() {
        return vendor;
    }

    /** The statement {@code name} with no placeholders. */
    public String sql(String name) {
        return sql(name, Map.of());
    }

    /**
     * The statement {@code name} with each {@code {placeholder}} replaced by {@code identifiers}' value,
     * which must already be quoted.
     *
     * @throws IllegalStateException when the statement does not exist or a placeholder has no value
     */
    public String sql(String name, Map<String, String> identifiers) {
        String template = templates.computeIfAbsent(name, this::load);
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            String value = identifiers.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException(
                        "SQL statement " + name + " needs {" + matcher.group(1) + "}; pass it to QualityDialect.sql.");
            }
            matcher.appendReplacement(sql, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(sql);
        return sql.toString().strip();
    }

    private String load(String name) {
        for (String folder : new String[] {vendor.id(), "ansi"}) {
            String path = "sql/" + folder + "/" + name + ".sql";
            try (InputStream in = QualityDialect.class.getClassLoader().getResourceAsStream(path)) {
                if (in != null) {
                    return withoutComments(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + path + " from the classpath", e);
            }
        }
        throw new IllegalStateException("No SQL statement " + name + " for " + vendor.id() + ": add sql/" + vendor.id()
                + "/" + name + ".sql or sql/ansi/" + name + ".sql.");
    }

    /** Drops whole-line {@code --} comments, which document the statement for people. */
    private static String withoutComments(String text) {
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.strip().startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        return sql.toString();
    }
}
