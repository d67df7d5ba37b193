package io.esteira.loader.apply;

import io.esteira.contracts.dialect.Vendor;
import io.esteira.loader.schema.DwSchema;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;

/** The same scenario on H2, which the zero-install quick start runs on. */
class BatchApplierH2IT extends BatchApplierScenario {

    private static final JdbcDataSource h2 = new JdbcDataSource();

    @BeforeAll
    static void migrate() {
        h2.setURL("jdbc:h2:mem:dw_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1;"
                + DwSchema.H2_SETTINGS);
        DwSchema.migrate(h2);
    }

    @Override
    protected DataSource warehouse() {
        return h2;
    }

    @Override
    protected Vendor vendor() {
        return Vendor.H2;
    }
}
