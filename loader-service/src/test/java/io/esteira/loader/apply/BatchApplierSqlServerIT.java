package io.esteira.loader.apply;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.embedded.junit.SqlServerDatabase;
import io.esteira.loader.schema.DwSchema;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same scenario on SQL Server 2022 (Testcontainers); skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
class BatchApplierSqlServerIT extends BatchApplierScenario {

    @RegisterExtension
    static final SqlServerDatabase sqlServer = new SqlServerDatabase();

    private static final SQLServerDataSource dw = new SQLServerDataSource();

    /** A database of its own on the container (its JDBC URL points at master), migrated. */
    @BeforeAll
    static void migrate() throws SQLException {
        sqlServer.createDatabase("loader_apply");
        dw.setURL(sqlServer.jdbcUrl());
        dw.setDatabaseName("loader_apply");
        dw.setUser(sqlServer.username());
        dw.setPassword(sqlServer.password());
        DwSchema.migrate(dw);
    }

    @Override
    protected DataSource warehouse() {
        return dw;
    }

    @Override
    protected Vendor vendor() {
        return Vendor.SQLSERVER;
    }
}
