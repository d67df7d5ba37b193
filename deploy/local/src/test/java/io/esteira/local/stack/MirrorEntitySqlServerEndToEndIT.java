package io.esteira.local.stack;

import io.esteira.embedded.junit.SqlServerDatabase;
import io.esteira.runtime.config.Endpoint;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@link MirrorEntityScenario} on SQL Server 2022 (Testcontainers; skipped where there is no Docker engine):
 * OLTP and warehouse in two databases of one container, both with READ_COMMITTED_SNAPSHOT as
 * docs/operations.md asks. The source's types are those the SQL Server warehouse mirrors as they are
 * (docs/data-contract.md, "Mirror tables"): {@code nvarchar(n)}, {@code nchar(n)}, {@code datetime2} (7),
 * {@code datetimeoffset} (7), {@code time} (7), {@code uniqueidentifier}.
 */
@Testcontainers(disabledWithoutDocker = true)
class MirrorEntitySqlServerEndToEndIT extends MirrorEntityScenario {

    @RegisterExtension
    static final SqlServerDatabase server = new SqlServerDatabase();

    static final VendorSql SQLSERVER = new VendorSql(
            Map.ofEntries(
                    Map.entry("varchar", "nvarchar"),
                    Map.entry("char", "nchar"),
                    Map.entry("timestamp", "datetime2"),
                    Map.entry("boolean", "bit"),
                    Map.entry("text", "nvarchar(max)"),
                    Map.entry("false", "0"),
                    Map.entry("utc_now", "SYSUTCDATETIME()"),
                    Map.entry("as_text", "nvarchar(max)"),
                    Map.entry("live", "source_deleted = 0"),
                    Map.entry("deleted", "source_deleted = 1"),
                    Map.entry("uuid", "uniqueidentifier"),
                    Map.entry("timestamptz", "datetimeoffset"),
                    Map.entry("time", "time"),
                    Map.entry("alter_type", "")),
            "ALTER TABLE core.payments ALTER COLUMN amount decimal(14,4) NOT NULL");

    @BeforeAll
    static void databases() throws SQLException {
        server.createDatabase("mirror_oltp");
        server.createDatabase("mirror_dw");
    }

    @Override
    Endpoint oltp() {
        return database("mirror_oltp");
    }

    @Override
    Endpoint dw() {
        return database("mirror_dw");
    }

    @Override
    VendorSql sql() {
        return SQLSERVER;
    }

    private static Endpoint database(String name) {
        return new Endpoint(server.jdbcUrl() + ";databaseName=" + name, server.username(), server.password());
    }
}
