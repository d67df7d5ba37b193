package io.esteira.embedded.junit;

import io.esteira.embedded.TemporaryPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class a fresh PostgreSQL database, created with a unique name before the first
 * test and dropped after the last:
 *
 * <pre>{@code
 * @RegisterExtension static final PostgresDatabase dw = new PostgresDatabase("dw");
 * }</pre>
 *
 * <p>When PostgreSQL is unreachable: with {@code CI=true} the tests fail, saying so; elsewhere they
 * are skipped with a loud message on standard error.
 */
public final class PostgresDatabase implements BeforeAllCallback, AfterAllCallback {

    private final String purpose;
    private TemporaryPostgres database;

    public PostgresDatabase(String purpose) {
        this.purpose = purpose;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        TemporaryPostgres.Server server = TemporaryPostgres.Server.fromEnvironment();
        String reason = server.unreachableReason();
        if (reason != null) {
            if (RequiredServices.inCi()) {
                throw new IllegalStateException(reason
                        + ". CI=true makes PostgreSQL-backed tests mandatory: start PostgreSQL on 127.0.0.1:5432"
                        + " (trust auth, user postgres) or point ESTEIRA_TEST_PG_HOST/PORT/USER/PASSWORD at one.");
            }
            RequiredServices.warnSkipped(context.getDisplayName(), reason);
            Assumptions.abort(reason + " (skipped outside CI)");
        }
        database = TemporaryPostgres.create(server, purpose);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    private TemporaryPostgres database() {
        if (database == null) {
            throw new IllegalStateException("The " + purpose + " database exists only between beforeAll and afterAll;"
                    + " register PostgresDatabase as a static @RegisterExtension field");
        }
        return database;
    }

    public String jdbcUrl() {
        return database().jdbcUrl();
    }

    public String username() {
        return database().username();
    }

    public String password() {
        return database().password();
    }

    public String databaseName() {
        return database().databaseName();
    }

    public DataSource dataSource() {
        return database().dataSource();
    }

    public Connection connect() throws SQLException {
        return database().connect();
    }
}
