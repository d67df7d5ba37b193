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
            Map.of(
                    "varchar",
                    "varchar",
                    "char",
                    "char",
                    "timestamp",
                    "timestamp",
                    "boolean",
                    "boolean",
                    "text",
                    "text",
                    "false",
                    "false",
                    "utc_now",
                    "(now() AT TIME ZONE 'UTC')",
                    "as_text",
                    "text",
                    "live",
                    "NOT source_deleted",
                    "deleted",
                    "source_deleted"),
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
