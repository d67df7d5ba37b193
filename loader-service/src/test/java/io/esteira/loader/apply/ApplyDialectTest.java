package io.esteira.loader.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.microsoft.sqlserver.jdbc.ISQLServerConnection;
import io.esteira.contracts.dialect.Vendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class ApplyDialectTest {

    private static final String INSERT = "INSERT INTO [stg].[incoming_regions] ([region_id]) VALUES (?)";

    @Test
    void shouldSpellDateKeysAndMonthStartsPerVendor() {
        ApplyDialect ansi = ApplyDialect.of(Vendor.POSTGRESQL);
        ApplyDialect sqlServer = ApplyDialect.of(Vendor.SQLSERVER);

        assertThat(ansi.token("date_sk", "o.order_date"))
                .isEqualTo("CAST(EXTRACT(YEAR FROM o.order_date) * 10000 + EXTRACT(MONTH FROM o.order_date) * 100"
                        + " + EXTRACT(DAY FROM o.order_date) AS INTEGER)");
        assertThat(sqlServer.token("date_sk", "o.order_date"))
                .isEqualTo("(YEAR(o.order_date) * 10000 + MONTH(o.order_date) * 100 + DAY(o.order_date))");
        assertThat(ansi.token("month_start", "t.year, t.month"))
                .isEqualTo("CAST(CAST(t.year AS VARCHAR(4)) || '-' || LPAD(CAST(t.month AS VARCHAR(2)), 2, '0')"
                        + " || '-01' AS DATE)");
        assertThat(sqlServer.token("month_start", "t.year, t.month")).isEqualTo("DATEFROMPARTS(t.year, t.month, 1)");
    }

    @Test
    void shouldReadAQueueRowsKeysAsAnArrayOnPostgresAndRefuseTheTokenOnSqlServer() {
        assertThat(ApplyDialect.of(Vendor.POSTGRESQL).token("queue_row_keys", "q"))
                .isEqualTo("COALESCE(CAST(string_to_array(q.keys, ',') AS bigint[]), ARRAY[q.key_value])");
        assertThatThrownBy(() -> ApplyDialect.of(Vendor.SQLSERVER).token("queue_row_keys", "q"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one key per row");
    }

    @Test
    void shouldTreatANameWithoutArgumentsOtherThanTrueOrFalseAsAPlaceholder() {
        assertThat(ApplyDialect.of(Vendor.SQLSERVER).token("true", null)).isEqualTo("1");
        assertThat(ApplyDialect.of(Vendor.POSTGRESQL).token("false", null)).isEqualTo("FALSE");
        assertThat(ApplyDialect.of(Vendor.SQLSERVER).token("incoming", null)).isNull();
    }

    @Test
    void shouldRefuseAnUnknownTokenOrAWrongNumberOfArguments() {
        assertThatThrownBy(() -> ApplyDialect.of(Vendor.SQLSERVER).token("date_sk", "a, b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{date_sk:a, b}");
        assertThatThrownBy(() -> ApplyDialect.of(Vendor.POSTGRESQL).token("today", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldPrepareTheSqlServerStagingInsertForBulkCopyAndRestoreTheConnection() throws SQLException {
        ISQLServerConnection connection = mock(ISQLServerConnection.class);
        PreparedStatement prepared = mock(PreparedStatement.class);
        when(connection.isWrapperFor(ISQLServerConnection.class)).thenReturn(true);
        when(connection.unwrap(ISQLServerConnection.class)).thenReturn(connection);
        when(connection.prepareStatement(INSERT)).thenReturn(prepared);

        PreparedStatement statement = ApplyDialect.of(Vendor.SQLSERVER).prepareBatchInsert(connection, INSERT);

        assertThat(statement).isSameAs(prepared);
        InOrder order = inOrder(connection);
        order.verify(connection).setUseBulkCopyForBatchInsert(true);
        order.verify(connection).prepareStatement(INSERT);
        order.verify(connection).setUseBulkCopyForBatchInsert(false);
    }

    @Test
    void shouldPrepareAPlainStatementOnPostgresql() throws SQLException {
        Connection connection = mock(Connection.class);

        ApplyDialect.of(Vendor.POSTGRESQL).prepareBatchInsert(connection, INSERT);

        verify(connection).prepareStatement(INSERT);
        verify(connection, never()).unwrap(ISQLServerConnection.class);
    }
}
