package io.esteira.loader.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.embedded.junit.SqlServerDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The SQL Server migrations on SQL Server 2022 (Testcontainers); skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
class DwSchemaSqlServerIT extends WarehouseSchemaScenario {

    private static final String UNCOMMENTED =
            """
            SELECT 'schema ' + s.name
            FROM sys.schemas s
            WHERE s.name IN ('dim', 'fact', 'stg', 'ctl', 'audit', 'mart')
              AND NOT EXISTS (SELECT 1 FROM sys.extended_properties p
                              WHERE p.class = 3 AND p.major_id = s.schema_id AND p.name = 'MS_Description')
            UNION ALL
            SELECT CASE o.type WHEN 'V' THEN 'view ' ELSE 'table ' END + s.name + '.' + o.name
            FROM sys.objects o
            JOIN sys.schemas s ON s.schema_id = o.schema_id
            WHERE o.type IN ('U', 'V') AND s.name IN ('dim', 'fact', 'stg', 'ctl', 'audit', 'mart')
              AND o.name <> 'flyway_schema_history'
              AND NOT EXISTS (SELECT 1 FROM sys.extended_properties p
                              WHERE p.class = 1 AND p.major_id = o.object_id AND p.minor_id = 0
                                AND p.name = 'MS_Description')
            UNION ALL
            SELECT 'column ' + s.name + '.' + o.name + '.' + c.name
            FROM sys.columns c
            JOIN sys.objects o ON o.object_id = c.object_id
            JOIN sys.schemas s ON s.schema_id = o.schema_id
            WHERE o.type IN ('U', 'V') AND s.name IN ('dim', 'fact', 'stg', 'ctl', 'audit', 'mart')
              AND o.name <> 'flyway_schema_history'
              AND NOT EXISTS (SELECT 1 FROM sys.extended_properties p
                              WHERE p.class = 1 AND p.major_id = o.object_id AND p.minor_id = c.column_id
                                AND p.name = 'MS_Description')
            """;

    private static final String BI_READER_GRANTS =
            """
            SELECT s.name
            FROM sys.database_permissions p
            JOIN sys.schemas s ON p.class = 3 AND s.schema_id = p.major_id
            WHERE p.grantee_principal_id = DATABASE_PRINCIPAL_ID('bi_reader')
              AND p.permission_name = 'SELECT' AND p.state = 'G'
            ORDER BY s.name
            """;

    /** Each schema with the permissions quality_reader holds there: {@code G:SELECT}, {@code D:DELETE}, …. */
    private static final String QUALITY_READER_PERMISSIONS =
            """
            SELECT s.name + ' ' + p.state + ':' + p.permission_name
            FROM sys.database_permissions p
            JOIN sys.schemas s ON p.class = 3 AND s.schema_id = p.major_id
            WHERE p.grantee_principal_id = DATABASE_PRINCIPAL_ID('quality_reader')
            ORDER BY s.name, p.state DESC, p.permission_name
            """;

    @RegisterExtension
    static final SqlServerDatabase sqlServer = new SqlServerDatabase();

    @RegisterExtension
    static final PostgresDatabase reference = new PostgresDatabase("dw_reference");

    private SQLServerDataSource dataSource;

    /** A database of its own on the container (its JDBC URL points at master). */
    @Override
    String vendor() {
        return "sqlserver";
    }

    @Override
    DataSource dataSource() {
        if (dataSource == null) {
            try {
                sqlServer.createDatabase("esteira_dw");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the test warehouse database on SQL Server", e);
            }
            dataSource = new SQLServerDataSource();
            dataSource.setURL(sqlServer.jdbcUrl());
            dataSource.setDatabaseName("esteira_dw");
            dataSource.setUser(sqlServer.username());
            dataSource.setPassword(sqlServer.password());
        }
        return dataSource;
    }

    @Test
    void shouldCommentEverySchemaTableViewAndColumn() throws SQLException {
        assertThat(strings(UNCOMMENTED))
                .as("objects without MS_Description: describe them in " + DwSchema.DESCRIPTIONS)
                .isEmpty();
    }

    @Test
    void shouldRefuseAWarehouseWithoutReadCommittedSnapshot() throws SQLException {
        try (Connection connection = sqlServer.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE dw_locking_reads");
        }
        SQLServerDataSource lockingReads = new SQLServerDataSource();
        lockingReads.setURL(sqlServer.jdbcUrl());
        lockingReads.setDatabaseName("dw_locking_reads");
        lockingReads.setUser(sqlServer.username());
        lockingReads.setPassword(sqlServer.password());

        assertThatThrownBy(() -> DwSchema.migrate(lockingReads))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ALTER DATABASE [dw_locking_reads] SET READ_COMMITTED_SNAPSHOT ON");
    }

    @Test
    void shouldLetBiReaderSelectFromDimFactAndMartOnly() throws SQLException {
        assertThat(strings(BI_READER_GRANTS)).containsExactly("dim", "fact", "mart");
    }

    @Test
    void shouldLetQualityReaderSelectEverySchemaOfTheChecksAndDenyEveryWrite() throws SQLException {
        List<String> expected = new ArrayList<>();
        for (String schema : List.of("audit", "ctl", "dim", "fact", "mart", "raw", "stg")) {
            expected.add(schema + " G:SELECT");
            for (String denied : List.of("ALTER", "DELETE", "EXECUTE", "INSERT", "UPDATE")) {
                expected.add(schema + " D:" + denied);
            }
        }
        assertThat(strings(QUALITY_READER_PERMISSIONS)).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldHaveTheColumnsOfThePostgresqlReference() throws SQLException {
        DwSchema.migrate(reference.dataSource());

        assertThat(Catalog.contractColumns(dataSource())).isEqualTo(Catalog.contractColumns(reference.dataSource()));
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
