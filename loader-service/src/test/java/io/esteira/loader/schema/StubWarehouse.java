package io.esteira.loader.schema;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A data source whose only answers are its JDBC URL and one row for one query: what the loader's start-up checks
 * of a warehouse server read ({@link SqlServerWarehouse}, {@link PostgresWarehouse}), for servers that cannot
 * run here.
 */
final class StubWarehouse {

    private StubWarehouse() {}

    /** The data source, and the row's result set for the caller to stub its columns on. */
    record Stub(DataSource dataSource, ResultSet row) {}

    static Stub answering(String url, String query) throws SQLException {
        DataSource dataSource = mock(DataSource.class);
        Connection connection = mock(Connection.class);
        DatabaseMetaData meta = mock(DatabaseMetaData.class);
        Statement statement = mock(Statement.class);
        ResultSet rs = mock(ResultSet.class);
        when(dataSource.getConnection()).thenReturn(connection);
        when(connection.getMetaData()).thenReturn(meta);
        when(meta.getURL()).thenReturn(url);
        when(connection.createStatement()).thenReturn(statement);
        when(statement.executeQuery(query)).thenReturn(rs);
        when(rs.next()).thenReturn(true, false);
        return new Stub(dataSource, rs);
    }
}
