package io.esteira.extractor.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The extractor refuses to capture from a SQL Server readable secondary, whose MIN_ACTIVE_ROWVERSION() does
 * not see the primary's open transactions. The catalog answer comes from a stub: SQL Server (let alone an
 * availability group) cannot run here.
 */
class SqlServerCapturePrimaryTest {

    private static final String PRIMARY_URL = "jdbc:sqlserver://oltp:1433;databaseName=erp;encrypt=true";

    @Test
    void shouldRefuseAnOltpUrlThatAsksForAReadOnlyIntentBeforeAskingTheServer() {
        Connection connection = mock(Connection.class);

        assertThatThrownBy(() ->
                        StartupChecks.requireSqlServerPrimary(PRIMARY_URL + ";ApplicationIntent=ReadOnly", connection))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("esteira.oltp.url")
                .hasMessageContaining("remove applicationIntent=ReadOnly");
        verifyNoInteractions(connection);
    }

    @Test
    void shouldRefuseASecondaryReplicaNamingTheDatabase() throws SQLException {
        assertThatThrownBy(() -> StartupChecks.requireSqlServerPrimary(PRIMARY_URL, database("READ_ONLY")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The OLTP database erp")
                .hasMessageContaining("readable secondary replica")
                .hasMessageContaining("listener or the primary");
    }

    @Test
    void shouldAcceptAWritableDatabaseThePrimaryOrOneOutsideAnAvailabilityGroup() throws SQLException {
        assertThatCode(() -> StartupChecks.requireSqlServerPrimary(PRIMARY_URL, database("READ_WRITE")))
                .doesNotThrowAnyException();
    }

    /** A connection answering DATABASEPROPERTYEX(DB_NAME(), 'Updateability') for database erp. */
    private static Connection database(String updateability) throws SQLException {
        Connection connection = mock(Connection.class);
        Statement statement = mock(Statement.class);
        ResultSet rs = mock(ResultSet.class);
        when(connection.createStatement()).thenReturn(statement);
        when(statement.executeQuery(StartupChecks.SQL_SERVER_UPDATEABILITY)).thenReturn(rs);
        when(rs.next()).thenReturn(true, false);
        when(rs.getString(1)).thenReturn(updateability);
        when(rs.getString(2)).thenReturn("erp");
        return connection;
    }
}
