package io.esteira.embedded.junit;

import io.esteira.embedded.EmbeddedPostgresServer;
import io.esteira.embedded.TemporaryPostgres;

/**
 * The PostgreSQL server the tests use, decided once per JVM: the configured one (127.0.0.1:5432, or
 * {@code ESTEIRA_TEST_PG_*}) when it answers; otherwise, outside CI, an embedded PostgreSQL started in
 * this JVM ({@link EmbeddedPostgresServer#shared()}), so a machine with only a JDK runs every PostgreSQL
 * test instead of skipping it. With {@code CI=true} the configured server is mandatory: CI fails, saying
 * so, rather than test on another server than the one it was given.
 */
public final class TestPostgres {

    private static TemporaryPostgres.Server chosen;

    private TestPostgres() {}

    public static synchronized TemporaryPostgres.Server server() {
        if (chosen == null) {
            chosen = choose();
        }
        return chosen;
    }

    private static TemporaryPostgres.Server choose() {
        TemporaryPostgres.Server configured = TemporaryPostgres.Server.fromEnvironment();
        String reason = configured.unreachableReason();
        if (reason == null) {
            return configured;
        }
        if (RequiredServices.inCi()) {
            throw new IllegalStateException(reason
                    + ". CI=true makes the configured PostgreSQL mandatory: start PostgreSQL on 127.0.0.1:5432"
                    + " (trust auth, user postgres) or point ESTEIRA_TEST_PG_HOST/PORT/USER/PASSWORD at one.");
        }
        EmbeddedPostgresServer embedded = EmbeddedPostgresServer.shared();
        RequiredServices.announce(
                reason + ";",
                "the PostgreSQL tests of this run use an embedded PostgreSQL at "
                        + embedded.server().jdbcUrl("") + " instead (CI=true would fail here).");
        return embedded.server();
    }
}
