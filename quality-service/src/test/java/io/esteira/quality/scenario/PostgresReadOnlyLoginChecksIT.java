package io.esteira.quality.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Every scenario of {@link PostgresChecksIT} with the checks reading the DW through a login of role
 * {@code quality_reader} (loader migration V70) whose sessions are read-only, as the runbook sets it up:
 * the role's grants are enough for every shipped check, and the login cannot write.
 */
class PostgresReadOnlyLoginChecksIT extends PostgresChecksIT {

    private static String login;

    private static DataSource reader;

    @BeforeAll
    static void readerLogin() {
        login = Fixture.createReaderLogin(dw.dataSource());
        reader = new DriverManagerDataSource(dw.jdbcUrl(), login, "");
    }

    @AfterAll
    static void dropReaderLogin() {
        Fixture.dropLogin(dw.dataSource(), login);
    }

    @Override
    protected DataSource checksDw() {
        return reader;
    }

    @Test
    void shouldRefuseEveryWriteOfTheReaderLoginEvenOutsideAReadOnlyTransaction() throws SQLException {
        try (Connection connection = reader.getConnection();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() ->
                            statement.execute("WITH x AS (DELETE FROM fact.fact_vendas RETURNING 1) SELECT * FROM x"))
                    .hasMessageContaining("read-only transaction");
            statement.execute("SET default_transaction_read_only = off");
            assertThatThrownBy(() -> statement.execute("DELETE FROM fact.fact_vendas"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.execute("CREATE TABLE fact.copia (x int)"))
                    .hasMessageContaining("permission denied");
        }
        assertThat(new JdbcTemplate(dw.dataSource())
                        .queryForObject("SELECT COUNT(*) FROM fact.fact_vendas", Long.class))
                .isEqualTo(4L);
    }
}
