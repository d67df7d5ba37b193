package io.esteira.quality.scenario;

import io.esteira.loader.schema.DwSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;

/** The zero-install quick start's databases: an H2 OLTP (default mode) and an H2 DW (PostgreSQL mode). */
class H2ChecksIT extends AbstractChecksScenario {

    private static final DataSource OLTP = h2("oltp", "NON_KEYWORDS=VALUE,YEAR,MONTH");
    private static final DataSource DW = h2("dw", DwSchema.H2_SETTINGS);

    @BeforeAll
    static void migrate() {
        Fixture.migrate(OLTP, DW);
    }

    @Override
    protected DataSource oltp() {
        return OLTP;
    }

    @Override
    protected DataSource dw() {
        return DW;
    }

    @Override
    protected String maxVersionSql() {
        return "SELECT COALESCE(MAX(row_version), 0) FROM %s";
    }

    @Override
    protected void withoutForeignKeys(String... statements) {
        try (Connection connection = DW.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET REFERENTIAL_INTEGRITY FALSE");
            try {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            } finally {
                statement.execute("SET REFERENTIAL_INTEGRITY TRUE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DataSource h2(String name, String settings) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + "_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1;"
                + settings);
        return h2;
    }
}
