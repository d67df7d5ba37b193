package io.esteira.loader.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.embedded.TemporaryPostgres;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.embedded.junit.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reference migrations on a real PostgreSQL, plus what only PostgreSQL has: the bi_reader grants. */
class DwSchemaPostgresIT extends WarehouseSchemaScenario {

    /** PostgreSQL's "insufficient_privilege". */
    private static final String PERMISSION_DENIED = "42501";

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("dw_schema");

    @RegisterExtension
    static final PostgresDatabase shortCalendar = new PostgresDatabase("dw_calendar");

    @Override
    String vendor() {
        return "postgresql";
    }

    @Override
    DataSource dataSource() {
        return dw.dataSource();
    }

    @Test
    void shouldKeepAutoanalyzeOffTheDeriveQueueAndEveryWorkTableButNotTheMirror() throws SQLException {
        try (Connection connection = dw.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT n.nspname || '.' || c.relname,"
                        + " COALESCE('autovacuum_analyze_threshold=2147483647' = ANY (c.reloptions), FALSE)"
                        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind = 'r' AND n.nspname IN ('stg', 'ctl')")) {
            java.util.Map<String, Boolean> withoutAutoanalyze = new java.util.TreeMap<>();
            while (rs.next()) {
                withoutAutoanalyze.put(rs.getString(1), rs.getBoolean(2));
            }
            // Every work table, including the incoming table of each entity (one added later too).
            withoutAutoanalyze.forEach((table, off) -> assertThat(off)
                    .as(table)
                    .isEqualTo(table.startsWith("stg.incoming_")
                            || List.of("ctl.derive_queue", "stg.derive_keys", "stg.affected", "stg.scd_change")
                                    .contains(table)));
            assertThat(withoutAutoanalyze).containsKeys("stg.incoming_order_items", "stg.orders", "ctl.derive_queue");
        }
    }

    @Test
    void shouldLetBiReaderReadMartAndDimensions() throws SQLException {
        try (Connection connection = dw.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SET ROLE bi_reader");

            assertThat(count(statement, "SELECT COUNT(*) FROM mart.kpi_vendas_diarias"))
                    .isZero();
            assertThat(count(statement, "SELECT COUNT(*) FROM mart.vendas")).isZero();
            assertThat(count(statement, "SELECT COUNT(*) FROM dim.dim_regiao WHERE regiao_sk = 0"))
                    .isEqualTo(1);
            assertThat(count(statement, "SELECT COUNT(*) FROM fact.fact_vendas"))
                    .isZero();
        }
    }

    @Test
    void shouldRefuseBiReaderWritingFacts() throws SQLException {
        try (Connection connection = dw.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SET ROLE bi_reader");

            assertThatThrownBy(() -> statement.executeUpdate(
                            "INSERT INTO fact.fact_metas (sales_target_id, vendedor_id, vendedor_sk, data_sk, ano, mes,"
                                    + " valor_meta) VALUES (99, 10, 0, 20240301, 2024, 3, 100.00)"))
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(PERMISSION_DENIED));
        }
    }

    @Test
    void shouldRefuseBiReaderReadingControlAndStaging() throws SQLException {
        try (Connection connection = dw.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SET ROLE bi_reader");

            for (String table : List.of("ctl.etl_control", "stg.orders", "audit.etl_run")) {
                assertThatThrownBy(() -> statement.executeQuery("SELECT COUNT(*) FROM " + table))
                        .as("SELECT from %s as bi_reader", table)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                                .isEqualTo(PERMISSION_DENIED));
            }
        }
    }

    @Test
    void shouldGenerateTheConfiguredCalendarRange() throws SQLException {
        CalendarRange leapYear = new CalendarRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));

        DwSchema.migrate(shortCalendar.dataSource(), leapYear);

        try (Connection connection = shortCalendar.connect();
                Statement statement = connection.createStatement()) {
            assertThat(count(statement, "SELECT COUNT(*) FROM dim.dim_data")).isEqualTo(366 + 1);
            assertThat(count(statement, "SELECT MIN(data_sk) FROM dim.dim_data WHERE data_sk <> 0"))
                    .isEqualTo(20240101);
            assertThat(count(statement, "SELECT MAX(data_sk) FROM dim.dim_data"))
                    .isEqualTo(20241231);
        }
    }

    @Test
    void shouldMigrateTwoDatabasesOfOneServerAtTheSameTime() throws Exception {
        TemporaryPostgres.Server server = TestPostgres.server();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (TemporaryPostgres first = TemporaryPostgres.create(server, "dw_parallel");
                TemporaryPostgres second = TemporaryPostgres.create(server, "dw_parallel")) {
            CompletableFuture<MigrateResult> one =
                    CompletableFuture.supplyAsync(() -> DwSchema.migrate(first.dataSource()), pool);
            CompletableFuture<MigrateResult> two =
                    CompletableFuture.supplyAsync(() -> DwSchema.migrate(second.dataSource()), pool);

            assertThat(List.of(one.get(2, TimeUnit.MINUTES), two.get(2, TimeUnit.MINUTES)))
                    .allSatisfy(result ->
                            assertThat(result.migrationsExecuted).isEqualTo(Migrations.applied("postgresql")));
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
