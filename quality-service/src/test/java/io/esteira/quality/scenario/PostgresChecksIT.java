package io.esteira.quality.scenario;

import io.esteira.embedded.junit.PostgresDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresChecksIT extends AbstractChecksScenario {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("oltp");

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("dw");

    @BeforeAll
    static void migrate() {
        Fixture.migrate(oltp.dataSource(), dw.dataSource());
    }

    @Override
    protected DataSource oltp() {
        return oltp.dataSource();
    }

    @Override
    protected DataSource dw() {
        return dw.dataSource();
    }

    @Override
    protected String maxVersionSql() {
        return "SELECT COALESCE(MAX(CAST(CAST(row_version AS text) AS bigint)), 0) FROM %s";
    }

    /** {@code session_replication_role = replica} turns foreign-key triggers off for this session. */
    @Override
    protected void withoutForeignKeys(String... statements) {
        try (Connection connection = dw.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            for (String sql : statements) {
                statement.execute(sql);
            }
            statement.execute("SET session_replication_role = DEFAULT");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
