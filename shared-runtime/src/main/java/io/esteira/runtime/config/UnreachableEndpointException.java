package io.esteira.runtime.config;

/** A configured database or broker that does not answer at start-up. */
public class UnreachableEndpointException extends RuntimeException {

    private final String property;

    public UnreachableEndpointException(String property, Endpoint endpoint, Throwable cause) {
        super(
                property + ".url (" + endpoint.safeUrl() + ") is unreachable or refuses the login "
                        + (endpoint.username().isEmpty() ? "" : "'" + endpoint.username() + "' ")
                        + ": " + rootMessage(cause) + ". Check " + property + ".url|username|password (environment "
                        + envName(property) + "_URL, _USERNAME, _PASSWORD) and that the service is running.",
                cause);
        this.property = property;
    }

    /** The property prefix at fault, e.g. {@code esteira.dw}. */
    public String property() {
        return property;
    }

    static String envName(String property) {
        return property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
