package io.esteira.loader.schema;

import io.esteira.embedded.junit.PostgresDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

class KpiViewsPostgresIT extends KpiViewsScenario {

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("dw_kpi");

    @Override
    DataSource dataSource() {
        return dw.dataSource();
    }
}
