package io.esteira.contracts;

import java.util.regex.Pattern;

/**
 * The one rule for names that end up in SQL or queue names (entities, tables, columns): plain
 * identifiers only, {@code [A-Za-z_][A-Za-z0-9_]{0,62}}. Anything else (quotes, brackets, spaces,
 * semicolons, dots inside a name) is refused, so a validated name can be quoted without escaping.
 */
public final class Identifiers {

    /** A plain identifier: a letter or underscore, then up to 62 letters, digits or underscores. */
    public static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private static final int SHOWN_LENGTH = 80;

    private Identifiers() {}

    public static boolean isPlain(String identifier) {
        return identifier != null && PLAIN.matcher(identifier).matches();
    }

    /**
     * Returns {@code identifier} when it is plain.
     *
     * @param role what the identifier names, for the error message, e.g. {@code "column of entity orders"}
     * @throws IllegalArgumentException naming the bad identifier
     */
    public static String requirePlain(String identifier, String role) {
        if (!isPlain(identifier)) {
            throw new IllegalArgumentException(
                    role + " " + shown(identifier)
                            + " is not a plain identifier; use 1 to 63 letters, digits or underscores, not starting with a digit.");
        }
        return identifier;
    }

    /**
     * Returns {@code name} when it is a plain identifier or two joined by one dot ({@code core.orders}).
     *
     * @throws IllegalArgumentException naming the bad name
     */
    public static String requireQualified(String name, String role) {
        if (name == null) {
            throw new IllegalArgumentException(role + " is missing; give a table name such as core.orders.");
        }
        String[] parts = name.split("\\.", -1);
        if (parts.length > 2 || !isPlain(parts[0]) || (parts.length == 2 && !isPlain(parts[1]))) {
            throw new IllegalArgumentException(
                    role + " " + shown(name)
                            + " is not a plain [schema.]table name; use plain identifiers (letters, digits, underscores) joined by at most one dot.");
        }
        return name;
    }

    static String shown(String identifier) {
        if (identifier == null) {
            return "null";
        }
        String cut = identifier.length() > SHOWN_LENGTH ? identifier.substring(0, SHOWN_LENGTH) + "…" : identifier;
        return "'" + cut + "'";
    }
}
