package io.esteira.oltp;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The quick start's in-memory H2: the same scenario, with the Java tombstone trigger. */
class H2OltpIT extends OltpScenario {

    @Override
    TestDatabase freshDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:oltp_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return new TestDatabase() {
            @Override
            public DataSource dataSource() {
                return dataSource;
            }

            @Override
            public void close() {
                try (Connection connection = dataSource.getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot shut the in-memory H2 database down", e);
                }
            }
        };
    }

    @Override
    String rowVersionAsNumber() {
        return "row_version";
    }

    @Override
    String truncateRefusal(String table) {
        // H2's own refusal (90106, "Cannot truncate"): the foreign keys of core.capture_guard.
        return "Cannot truncate";
    }
}
