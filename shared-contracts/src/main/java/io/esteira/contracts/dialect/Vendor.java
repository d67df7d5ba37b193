package io.esteira.contracts.dialect;

import java.util.Locale;

/** A database product Esteira runs on, with its identifier quoting and folder name for vendor SQL. */
public enum Vendor {
    POSTGRESQL("postgresql", "jdbc:postgresql:", "\"", "\""),
    SQLSERVER("sqlserver", "jdbc:sqlserver:", "[", "]");

    private final String id;
    private final String urlPrefix;
    private final String openQuote;
    private final String closeQuote;

    Vendor(String id, String urlPrefix, String openQuote, String closeQuote) {
        this.id = id;
        this.urlPrefix = urlPrefix;
        this.openQuote = openQuote;
        this.closeQuote = closeQuote;
    }

    /** Lower-case name used in resource folders, e.g. {@code db/migration/postgresql}. */
    public String id() {
        return id;
    }

    /** The JDBC URL prefix, e.g. {@code jdbc:postgresql:}. */
    public String urlPrefix() {
        return urlPrefix;
    }

    String quote(String plainIdentifier) {
        return openQuote + plainIdentifier + closeQuote;
    }

    static Vendor ofJdbcUrl(String jdbcUrl) {
        if (jdbcUrl != null) {
            String lower = jdbcUrl.toLowerCase(Locale.ROOT);
            for (Vendor vendor : values()) {
                if (lower.startsWith(vendor.urlPrefix)) {
                    return vendor;
                }
            }
        }
        throw new IllegalArgumentException("JDBC URL " + shownPrefix(jdbcUrl)
                + " is not supported; use a URL starting with jdbc:postgresql: or jdbc:sqlserver:.");
    }

    /** Only the scheme part, so credentials in the URL never reach a log. */
    private static String shownPrefix(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            return "(none)";
        }
        int first = jdbcUrl.indexOf(':');
        int second = first < 0 ? -1 : jdbcUrl.indexOf(':', first + 1);
        return "'"
                + (second < 0
                        ? jdbcUrl.substring(0, Math.min(jdbcUrl.length(), 20))
                        : jdbcUrl.substring(0, second + 1) + "…")
                + "'";
    }
}
