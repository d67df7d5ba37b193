package io.esteira.local.stack;

import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.runtime.config.Endpoint;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link MirrorEntityScenario} on PostgreSQL: OLTP and warehouse in two databases of the tests' server. */
class MirrorEntityEndToEndIT extends MirrorEntityScenario {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("mirror_oltp");

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("mirror_dw");

    static final VendorSql POSTGRESQL = new VendorSql(
            Map.ofEntries(
                    Map.entry("varchar", "varchar"),
                    Map.entry("char", "char"),
                    Map.entry("timestamp", "timestamp"),
                    Map.entry("boolean", "boolean"),
                    Map.entry("text", "text"),
                    Map.entry("false", "false"),
                    Map.entry("utc_now", "(now() AT TIME ZONE 'UTC')"),
                    Map.entry("as_text", "text"),
                    Map.entry("live", "NOT source_deleted"),
                    Map.entry("deleted", "source_deleted"),
                    Map.entry("uuid", "uuid"),
                    Map.entry("timestamptz", "timestamptz"),
                    Map.entry("time", "time"),
                    Map.entry("alter_type", "TYPE ")),
            "ALTER TABLE core.payments ALTER COLUMN amount TYPE numeric(14,4)");

    @Override
    Endpoint oltp() {
        return new Endpoint(oltp.jdbcUrl(), oltp.username(), oltp.password());
    }

    @Override
    Endpoint dw() {
        return new Endpoint(dw.jdbcUrl(), dw.username(), dw.password());
    }

    @Override
    VendorSql sql() {
        return POSTGRESQL;
    }
}
