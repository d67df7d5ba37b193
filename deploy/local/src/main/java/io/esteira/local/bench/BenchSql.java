package io.esteira.local.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The benchmark's statements, kept in {@code postgresql.sql} next to this class, each after a {@code -- name:} line. */
final class BenchSql {

    private static final String RESOURCE = "postgresql.sql";
    private static final String MARKER = "-- name:";
    private static final Map<String, String> STATEMENTS = load();

    private BenchSql() {}

    static String get(String name) {
        String sql = STATEMENTS.get(name);
        if (sql == null) {
            throw new IllegalStateException("No statement '" + name + "' in " + RESOURCE + " of the benchmark");
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
        try (InputStream in = BenchSql.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The benchmark's " + RESOURCE + " is missing from the jar; rebuild it");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the benchmark's " + RESOURCE, e);
        }
    }
}
