package io.esteira.loader.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** A private in-memory H2 database, opened with the given settings (e.g. {@link DwSchema#H2_SETTINGS}). */
final class H2Warehouse implements AutoCloseable {

    private final JdbcDataSource dataSource = new JdbcDataSource();

    H2Warehouse(String settings) {
        dataSource.setURL(
                "jdbc:h2:mem:dw_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1;" + settings);
        dataSource.setUser("sa");
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }
}
