package io.esteira.local.bench;

import io.esteira.contracts.sql.SqlResources;

/**
 * The benchmark's statements, kept in {@code postgresql.sql} and {@code reference-postgresql.sql} (the
 * reference build) next to this class, each after a {@code -- name:} line, read by {@link SqlResources}.
 */
final class BenchSql {

    private static final SqlResources.Named STATEMENTS =
            SqlResources.in("io/esteira/local/bench").named("postgresql", "reference-postgresql");

    private BenchSql() {}

    static String get(String name) {
        return STATEMENTS.get(name);
    }
}
