package io.esteira.loader.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The loader's start-up check of a SQL Server warehouse, with the catalog query answered by a stub: SQL
 * Server cannot run here ({@code DwSchemaSqlServerIT} runs the same check on a real server where Docker
 * exists).
 */
class SqlServerWarehouseTest {

    @Test
    void shouldRefuseAWarehouseWithoutReadCommittedSnapshotNamingTheStatementThatFixesIt() throws SQLException {
        DataSource dw = sqlServer("esteira_dw", false, 16, 3);

        assertThatThrownBy(() -> DwSchema.vendor(dw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("esteira_dw")
                .hasMessageContaining("esteira.dw.url")
                .hasMessageContaining("deadlock (error 1205)")
                .hasMessageContaining(
                        "ALTER DATABASE [esteira_dw] SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;");
    }

    @Test
    void shouldAcceptASqlServer2022WarehouseWithReadCommittedSnapshot() throws SQLException {
        assertThat(DwSchema.vendor(sqlServer("esteira_dw", true, 16, 3))).isEqualTo("sqlserver");
    }

    @Test
    void shouldRefuseASqlServerOlderThan2022ButNotAzureSql() throws SQLException {
        assertThatThrownBy(() -> DwSchema.vendor(sqlServer("dw", true, 15, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SQL Server 15.x")
                .hasMessageContaining("2022 (16.x)")
                .hasMessageNotContaining("READ_COMMITTED_SNAPSHOT");
        // Azure SQL Database reports ProductMajorVersion 12 and has every feature the SQL uses
        assertThat(DwSchema.vendor(sqlServer("dw", true, 12, 5))).isEqualTo("sqlserver");
    }

    @Test
    void shouldBracketADatabaseNameWithAClosingBracketInTheFix() throws SQLException {
        assertThatThrownBy(() -> DwSchema.vendor(sqlServer("dw]x", false, 16, 3)))
                .hasMessageContaining("ALTER DATABASE [dw]]x] SET READ_COMMITTED_SNAPSHOT ON");
    }

    /** A data source whose only answers are a SQL Server URL and the catalog row the check reads. */
    private static DataSource sqlServer(String database, boolean rcsi, int majorVersion, int engineEdition)
            throws SQLException {
        StubWarehouse.Stub stub = StubWarehouse.answering(
                "jdbc:sqlserver://db:1433;databaseName=" + database, SqlServerWarehouse.SETTINGS);
        when(stub.row().getString(1)).thenReturn(database);
        when(stub.row().getBoolean(2)).thenReturn(rcsi);
        when(stub.row().getInt(3)).thenReturn(majorVersion);
        when(stub.row().getInt(4)).thenReturn(engineEdition);
        return stub.dataSource();
    }
}
