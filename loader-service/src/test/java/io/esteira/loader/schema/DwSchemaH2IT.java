package io.esteira.loader.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.embedded.junit.PostgresDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The H2 migrations (zero-install quick start), checked against the PostgreSQL reference. Opened with the
 * required settings only, without {@code NON_KEYWORDS}, so that the migrations prove they quote H2's
 * keywords.
 */
class DwSchemaH2IT extends WarehouseSchemaScenario {

    private static final String UNCOMMENTED =
            """
            SELECT 'schema ' || LOWER(schema_name) FROM information_schema.schemata
            WHERE LOWER(schema_name) IN ('dim', 'fact', 'stg', 'ctl', 'audit', 'mart') AND remarks IS NULL
            UNION ALL
            SELECT LOWER(table_type) || ' ' || LOWER(table_schema) || '.' || LOWER(table_name)
            FROM information_schema.tables
            WHERE LOWER(table_schema) IN ('dim', 'fact', 'stg', 'ctl', 'audit', 'mart')
              AND LOWER(table_name) <> 'flyway_schema_history' AND remarks IS NULL
            UNION ALL
            SELECT 'column ' || LOWER(table_schema) || '.' || LOWER(table_name) || '.' || LOWER(column_name)
            FROM information_schema.columns
            WHERE LOWER(table_schema) IN ('dim', 'fact', 'stg', 'ctl', 'audit', 'mart')
              AND LOWER(table_name) <> 'flyway_schema_history' AND remarks IS NULL
            """;

    @RegisterExtension
    static final PostgresDatabase reference = new PostgresDatabase("dw_reference");

    private final H2Warehouse h2 = new H2Warehouse("MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");

    @Override
    String vendor() {
        return "h2";
    }

    @Override
    DataSource dataSource() {
        return h2.dataSource();
    }

    @AfterAll
    void dropDatabase() throws SQLException {
        h2.close();
    }

    @Test
    void shouldCommentEverySchemaTableViewAndColumn() throws SQLException {
        List<String> missing = new ArrayList<>();
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(UNCOMMENTED)) {
            while (rs.next()) {
                missing.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        assertThat(missing).as("objects without COMMENT ON in db/dw/h2").isEmpty();
    }

    @Test
    void shouldRefuseAnH2DatabaseInItsDefaultModeNamingTheSettings() throws SQLException {
        try (H2Warehouse defaultMode = new H2Warehouse("")) {
            assertThatThrownBy(() -> DwSchema.migrate(defaultMode.dataSource()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("MODE=REGULAR and DATABASE_TO_LOWER=false")
                    .hasMessageContaining(DwSchema.H2_SETTINGS)
                    .hasMessageContaining("esteira.dw.url");
        }
    }

    @Test
    void shouldHaveTheColumnsOfThePostgresqlReference() throws SQLException {
        DwSchema.migrate(reference.dataSource());

        assertThat(Catalog.contractColumns(dataSource())).isEqualTo(Catalog.contractColumns(reference.dataSource()));
    }
}
