package io.esteira.loader.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The loader's start-up check of a PostgreSQL warehouse's server version, with the settings query answered by a
 * stub: only PostgreSQL 15 and 17 run here, and every test that migrates a warehouse runs the same check on one
 * of them.
 */
class PostgresWarehouseTest {

    @Test
    void shouldRefuseAPostgresqlOlderThan15BeforeMigratingNamingTheVersionAndWhatItLacks() throws SQLException {
        assertThatThrownBy(() -> DwSchema.vendor(postgres("esteira_dw", 140011, "14.11")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("esteira_dw")
                .hasMessageContaining("esteira.dw.url")
                .hasMessageContaining("PostgreSQL 14.11")
                .hasMessageContaining("PostgreSQL 15 or later (MERGE");
    }

    @Test
    void shouldAcceptPostgresql15AndLater() throws SQLException {
        assertThat(DwSchema.vendor(postgres("esteira_dw", 150000, "15.0"))).isEqualTo("postgresql");
        assertThat(DwSchema.vendor(postgres("esteira_dw", 170004, "17.4 (Debian 17.4-1)")))
                .isEqualTo("postgresql");
    }

    /** A data source whose only answers are a PostgreSQL URL and the settings row the check reads. */
    private static DataSource postgres(String database, int versionNum, String version) throws SQLException {
        StubWarehouse.Stub stub =
                StubWarehouse.answering("jdbc:postgresql://db:5432/" + database, PostgresWarehouse.SETTINGS);
        when(stub.row().getString(1)).thenReturn(database);
        when(stub.row().getInt(2)).thenReturn(versionNum);
        when(stub.row().getString(3)).thenReturn(version);
        return stub.dataSource();
    }
}
