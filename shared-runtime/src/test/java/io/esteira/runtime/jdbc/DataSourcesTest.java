package io.esteira.runtime.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.esteira.embedded.TemporaryPostgres;
import io.esteira.embedded.junit.TestPostgres;
import io.esteira.runtime.config.Endpoint;
import io.esteira.runtime.config.TimeoutProperties;
import io.esteira.runtime.config.UnreachableEndpointException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DataSourcesTest {

    /** Nothing listens on port 1. */
    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/dw";

    private static final TimeoutProperties ONE_SECOND_CONNECT = new TimeoutProperties(
            Duration.ofSeconds(1),
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            Duration.ofSeconds(60),
            Duration.ofSeconds(30));

    private static HikariConfig config(String url, TimeoutProperties timeouts) {
        return DataSources.config("esteira.dw", new Endpoint(url, "u", "p"), 4, false, timeouts);
    }

    @Test
    void shouldGivePostgresqlTheShippedSocketConnectAndPoolTimeouts() {
        HikariConfig config = config("jdbc:postgresql://db:5432/dw", TimeoutProperties.DEFAULTS);

        assertThat(config.getConnectionTimeout()).isEqualTo(10_000);
        assertThat(config.getDataSourceProperties())
                .containsEntry("socketTimeout", "600")
                .containsEntry("connectTimeout", "10")
                .containsEntry("tcpKeepAlive", "true");
    }

    @Test
    void shouldKeepTwoConnectionsOpenWhenIdleAndGrowToTheMaximumOnDemand() {
        HikariConfig config = config("jdbc:postgresql://db:5432/dw", TimeoutProperties.DEFAULTS);

        assertThat(config.getMaximumPoolSize()).isEqualTo(4);
        assertThat(config.getMinimumIdle()).isEqualTo(2);
        assertThat(DataSources.config(
                                "esteira.oltp",
                                new Endpoint("jdbc:postgresql://db:5432/oltp", "u", "p"),
                                1,
                                true,
                                TimeoutProperties.DEFAULTS)
                        .getMinimumIdle())
                .isEqualTo(1);
    }

    @Test
    void shouldStopStartUpWhenTheDatabaseDoesNotAnswer() {
        assertThatThrownBy(() -> DataSources.pooled(
                        "esteira.dw", new Endpoint(UNREACHABLE, "u", "p"), 2, false, ONE_SECOND_CONNECT))
                .isInstanceOf(UnreachableEndpointException.class)
                .hasMessageContaining("esteira.dw");
    }

    @Test
    void shouldOpenNoConnectionInATrainingRunWhereNoDatabaseAnswers() {
        System.setProperty("spring.context.exit", "onRefresh");
        try (HikariDataSource pool =
                DataSources.pooled("esteira.dw", new Endpoint(UNREACHABLE, "u", "p"), 2, false, ONE_SECOND_CONNECT)) {
            assertThat(pool.getInitializationFailTimeout()).isNegative();
            assertThat(pool.getMinimumIdle()).isZero();
        } finally {
            System.clearProperty("spring.context.exit");
        }
    }

    @Test
    void shouldGiveSqlServerTheSocketTimeoutInMilliseconds() {
        HikariConfig config = config("jdbc:sqlserver://db:1433;databaseName=dw", TimeoutProperties.DEFAULTS);

        assertThat(config.getDataSourceProperties())
                .containsEntry("socketTimeout", "600000")
                .containsEntry("loginTimeout", "10");
    }

    @Test
    void shouldKeepATimeoutTheUrlSetsItself() {
        HikariConfig config = config("jdbc:postgresql://db:5432/dw?socketTimeout=5", TimeoutProperties.DEFAULTS);

        assertThat(config.getDataSourceProperties())
                .doesNotContainKey("socketTimeout")
                .containsEntry("connectTimeout", "10");
    }

    @Test
    void shouldDropAConnectionWhoseReplyDoesNotComeWithinTheSocketTimeoutAndServeANewOne() throws SQLException {
        // The machine's PostgreSQL, or outside CI an embedded one where none answers: never a skip.
        TemporaryPostgres.Server server = TestPostgres.server();
        TimeoutProperties oneSecond = new TimeoutProperties(
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                Duration.ofSeconds(30));
        try (HikariDataSource pool = DataSources.pooled(
                "esteira.dw",
                new Endpoint(server.jdbcUrl("postgres"), server.user(), server.password()),
                2,
                true,
                oneSecond)) {
            // A reply that takes 3 s stands for one that never comes (a stalled, half-open connection).
            assertThatThrownBy(() -> {
                        try (Connection connection = pool.getConnection();
                                Statement statement = connection.createStatement()) {
                            statement.execute("SELECT pg_sleep(3)");
                        }
                    })
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(ConnectionFailures.isConnectionFailure(e))
                            .as("taken for a lost connection: %s", e)
                            .isTrue());
            try (Connection connection = pool.getConnection();
                    Statement statement = connection.createStatement()) {
                assertThat(statement.execute("SELECT 1")).isTrue();
            }
        }
    }
}
