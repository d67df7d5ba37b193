package io.esteira.embedded.junit;

import io.esteira.embedded.TemporaryPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
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
 * <p>The server is {@link TestPostgres#server()}: the machine's PostgreSQL, or, where none answers and
 * {@code CI} is not {@code true}, an embedded one.
 */
public final class PostgresDatabase implements BeforeAllCallback, AfterAllCallback {

    private final String purpose;
    private TemporaryPostgres database;

    public PostgresDatabase(String purpose) {
        this.purpose = purpose;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = TemporaryPostgres.create(TestPostgres.server(), purpose);
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
