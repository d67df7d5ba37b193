package io.esteira.loader.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every vendor's migrations must give: the contract's tables and views, unknown members, the
 * calendar, the control rows, enforced fact-to-dimension keys, and a second run that changes nothing.
 * One subclass per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WarehouseSchemaScenario {

    MigrateResult firstRun;

    /** The empty database to migrate; available from {@code @BeforeAll} on. */
    abstract DataSource dataSource();

    /** {@code postgresql} or {@code sqlserver}. */
    abstract String vendor();

    @BeforeAll
    void migrate() {
        firstRun = DwSchema.migrate(dataSource());
    }

    @Test
    void shouldApplyEveryMigrationToAnEmptyDatabase() {
        assertThat(firstRun.success).isTrue();
        assertThat(firstRun.migrationsExecuted).isEqualTo(Migrations.applied(vendor()));
    }

    @Test
    void shouldChangeNothingWhenMigratedAgain() {
        MigrateResult again = DwSchema.migrate(dataSource());

        assertThat(again.success).isTrue();
        assertThat(again.migrationsExecuted).isZero();
        assertThat(DwSchema.flyway(dataSource(), CalendarRange.DEFAULT).info().pending())
                .isEmpty();
    }

    @Test
    void shouldCreateEveryTableAndViewOfTheContract() throws SQLException {
        assertThat(Catalog.tables(dataSource())).containsAll(WarehouseContract.TABLES);
        assertThat(Catalog.views(dataSource())).containsAll(WarehouseContract.VIEWS);
    }

    @Test
    void shouldGiveEveryDimensionItsUnknownMemberZero() throws SQLException {
        List<String> names = new ArrayList<>();
        for (String[] member : WarehouseContract.UNKNOWN_MEMBERS) {
            names.add(queryString("SELECT " + member[2] + " FROM " + member[0] + " WHERE " + member[1] + " = 0"));
        }
        assertThat(names).hasSize(WarehouseContract.UNKNOWN_MEMBERS.size()).containsOnly("Desconhecido");
    }

    @Test
    void shouldCoverTheDefaultCalendarRangePlusTheUnknownDay() throws SQLException {
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT COUNT(*), MIN(data), MAX(data) FROM dim.dim_data WHERE data_sk <> 0")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(CalendarRange.DEFAULT.days());
            assertThat(rs.getDate(2)).isEqualTo(Date.valueOf(CalendarRange.DEFAULT.from()));
            assertThat(rs.getDate(3)).isEqualTo(Date.valueOf(CalendarRange.DEFAULT.to()));
        }
        assertThat(queryString("SELECT nome_dia_semana FROM dim.dim_data WHERE data_sk = 0"))
                .isEqualTo("Desconhecido");
    }

    @Test
    void shouldDescribeEachDayWithIsoWeekdayAndPortugueseNames() throws SQLException {
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT data_sk, data, ano, trimestre, mes, dia, dia_semana, nome_mes, nome_dia_semana,"
                                + " fim_de_semana FROM dim.dim_data WHERE data_sk IN (20240302, 20241230)"
                                + " ORDER BY data_sk")) {
            rs.next();
            assertThat(rs.getDate("data")).isEqualTo(Date.valueOf(LocalDate.of(2024, 3, 2)));
            assertThat(List.of(rs.getInt("ano"), rs.getInt("trimestre"), rs.getInt("mes"), rs.getInt("dia")))
                    .containsExactly(2024, 1, 3, 2);
            assertThat(rs.getInt("dia_semana")).isEqualTo(6);
            assertThat(rs.getString("nome_mes")).isEqualTo("Março");
            assertThat(rs.getString("nome_dia_semana")).isEqualTo("Sábado");
            assertThat(rs.getBoolean("fim_de_semana")).isTrue();
            rs.next();
            assertThat(rs.getInt("trimestre")).isEqualTo(4);
            assertThat(rs.getInt("dia_semana")).isEqualTo(1);
            assertThat(rs.getString("nome_mes")).isEqualTo("Dezembro");
            assertThat(rs.getString("nome_dia_semana")).isEqualTo("Segunda-feira");
            assertThat(rs.getBoolean("fim_de_semana")).isFalse();
        }
    }

    @Test
    void shouldSeedOneEnabledControlRowPerCatalogEntityFromWatermarkZero() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT entity, enabled, watermark_version, watermark_key, batch_size, schedule"
                                + " FROM ctl.etl_control")) {
            while (rs.next()) {
                rows.add(rs.getString("entity") + " " + rs.getBoolean("enabled") + " "
                        + rs.getLong("watermark_version") + "/" + rs.getLong("watermark_key") + " "
                        + rs.getInt("batch_size") + " " + rs.getString("schedule"));
            }
        }
        assertThat(rows)
                .containsExactlyInAnyOrderElementsOf(WarehouseContract.ENTITIES.stream()
                        .map(entity -> entity + " true 0/0 2500 PT5S")
                        .toList());
    }

    @Test
    void shouldRefuseAFactThatPointsAtAMissingDimensionRow() throws SQLException {
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                            "INSERT INTO fact.fact_metas (sales_target_id, vendedor_id, vendedor_sk, data_sk, ano, mes,"
                                    + " valor_meta) VALUES (1, 10, 424242, 20240301, 2024, 3, 100.00)"))
                    .isInstanceOf(SQLException.class);
            assertThat(statement.executeUpdate(
                            "INSERT INTO fact.fact_metas (sales_target_id, vendedor_id, vendedor_sk, data_sk, ano, mes,"
                                    + " valor_meta) VALUES (2, 10, 0, 20240301, 2024, 3, 100.00)"))
                    .isEqualTo(1);
            statement.executeUpdate("DELETE FROM fact.fact_metas WHERE sales_target_id = 2");
        }
    }

    String queryString(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).as("a row from %s", sql).isTrue();
            return rs.getString(1);
        }
    }
}
