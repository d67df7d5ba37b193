package io.esteira.loader.apply;

import io.esteira.contracts.dialect.Vendor;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.loader.schema.DwSchema;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

class BatchApplierPostgresIT extends BatchApplierScenario {

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("loader_apply");

    @BeforeAll
    static void migrate() {
        DwSchema.migrate(dw.dataSource());
    }

    @Override
    protected DataSource warehouse() {
        return dw.dataSource();
    }

    @Override
    protected Vendor vendor() {
        return Vendor.POSTGRESQL;
    }
}
