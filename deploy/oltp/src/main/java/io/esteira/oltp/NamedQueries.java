package io.esteira.oltp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Statements kept in a {@code .sql} resource, each after a {@code -- name: <name>} line. */
final class NamedQueries {

    private static final String MARKER = "-- name:";

    private final String resource;
    private final Map<String, String> statements;

    private NamedQueries(String resource, Map<String, String> statements) {
        this.resource = resource;
        this.statements = statements;
    }

    static NamedQueries load(String resource) {
        try (InputStream in = NamedQueries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + resource + " is missing from the classpath");
            }
            return new NamedQueries(resource, parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    static Map<String, String> parse(String text) {
        Map<String, String> statements = new HashMap<>();
        String name = null;
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith(MARKER)) {
                put(statements, name, sql);
                name = trimmed.substring(MARKER.length()).strip();
                sql.setLength(0);
            } else if (name != null && !trimmed.isEmpty() && !trimmed.startsWith("--")) {
                sql.append(sql.length() == 0 ? "" : "\n").append(line.stripTrailing());
            }
        }
        put(statements, name, sql);
        return statements;
    }

    private static void put(Map<String, String> statements, String name, StringBuilder sql) {
        if (name == null) {
            return;
        }
        String statement = sql.toString().strip();
        if (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1);
        }
        if (statement.isEmpty() || statements.putIfAbsent(name, statement) != null) {
            throw new IllegalStateException("Statement '" + name + "' is empty or repeated");
        }
    }

    String get(String name) {
        String sql = statements.get(name);
        if (sql == null) {
            throw new IllegalStateException("No statement '" + name + "' in " + resource);
        }
        return sql;
    }
}
