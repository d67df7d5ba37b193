package io.esteira.local.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's statements, kept in {@code postgresql.sql} and {@code reference-postgresql.sql} (the
 * reference build) next to this class, each after a {@code -- name:} line.
 */
final class BenchSql {

    private static final List<String> RESOURCES = List.of("postgresql.sql", "reference-postgresql.sql");
    private static final String MARKER = "-- name:";
    private static final Map<String, String> STATEMENTS = load();

    private BenchSql() {}

    static String get(String name) {
        String sql = STATEMENTS.get(name);
        if (sql == null) {
            throw new IllegalStateException("No statement '" + name + "' in " + RESOURCES + " of the benchmark");
        }
        return sql;
    }

    static Map<String, String> parse(String text) {
        Map<String, String> statements = new LinkedHashMap<>();
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
            throw new IllegalStateException("Statement '" + name + "' of the benchmark is empty or repeated");
        }
    }

    private static Map<String, String> load() {
        Map<String, String> statements = new LinkedHashMap<>();
        for (String resource : RESOURCES) {
            try (InputStream in = BenchSql.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "The benchmark's " + resource + " is missing from the jar; rebuild it");
                }
                parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).forEach((name, sql) -> {
                    if (statements.putIfAbsent(name, sql) != null) {
                        throw new IllegalStateException("Statement '" + name + "' of the benchmark is repeated");
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the benchmark's " + resource, e);
            }
        }
        return statements;
    }
}
