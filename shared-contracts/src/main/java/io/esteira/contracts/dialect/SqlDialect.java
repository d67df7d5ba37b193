package io.esteira.contracts.dialect;

import io.esteira.contracts.Identifiers;

/**
 * The vendor-specific part of the SQL a service runs. Deliberately small: each service extends it
 * with the statements it needs (kept in {@code .sql} resources per {@link Vendor#id()}), and chooses
 * the implementation with {@link #vendorOf(String)}.
 */
public interface SqlDialect {

    Vendor vendor();

    /**
     * The identifier quoted for this vendor: {@code "orders"} or {@code [orders]}.
     *
     * @throws IllegalArgumentException when the identifier is not plain ({@link Identifiers#PLAIN})
     */
    default String quoteIdentifier(String identifier) {
        return vendor().quote(Identifiers.requirePlain(identifier, "SQL identifier"));
    }

    /**
     * A {@code table} or {@code schema.table} name with each part quoted: {@code "core"."orders"}.
     *
     * @throws IllegalArgumentException when a part is not plain
     */
    default String quoteQualifiedName(String name) {
        Identifiers.requireQualified(name, "SQL table name");
        int dot = name.indexOf('.');
        return dot < 0
                ? quoteIdentifier(name)
                : quoteIdentifier(name.substring(0, dot)) + "." + quoteIdentifier(name.substring(dot + 1));
    }

    /**
     * The vendor a JDBC URL points at.
     *
     * @throws IllegalArgumentException for a URL of any other database; the message shows only the URL's
     *     scheme, never its credentials
     */
    static Vendor vendorOf(String jdbcUrl) {
        return Vendor.ofJdbcUrl(jdbcUrl);
    }
}
