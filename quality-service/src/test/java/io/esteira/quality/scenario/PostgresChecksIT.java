package io.esteira.quality.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.QualityResult.Status;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.quality.check.Evaluation;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

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

    /**
     * An initial load's backlog: more orders in flight than the check reconciles around. It warns without
     * reading them all (the quality service held 390,929 keys of a load in its heap, and its RSS went over
     * its target), so it can only say there are more than the cap.
     */
    @Test
    void shouldWarnThatTheDwIsTooFarBehindWithoutReadingEveryOrderInFlight() {
        new JdbcTemplate(oltp())
                .update("INSERT INTO core.orders (order_id, order_number, customer_id, seller_id,"
                        + " discount_id, status, order_date, channel, created_at, updated_at)"
                        + " SELECT g, 'PED-' || g, 1, 1, 1, 'paid', TIMESTAMP '2026-11-20 18:00:00', 'web',"
                        + " TIMESTAMP '2026-11-20 18:00:00', TIMESTAMP '2026-11-20 18:00:00'"
                        + " FROM generate_series(200000, 300000) g");

        Evaluation evaluation = check("reconciliation-vendas").evaluate();

        assertThat(evaluation.status()).as(evaluation.message()).isEqualTo(Status.warn);
        assertThat(evaluation.message())
                .contains("too far behind")
                .contains("more than 100000 order(s) and 0 target(s) not in it yet");
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
