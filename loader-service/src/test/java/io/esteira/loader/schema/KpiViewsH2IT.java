package io.esteira.loader.schema;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;

class KpiViewsH2IT extends KpiViewsScenario {

    private final H2Warehouse h2 = new H2Warehouse(DwSchema.H2_SETTINGS);

    @Override
    DataSource dataSource() {
        return h2.dataSource();
    }

    @AfterAll
    void dropDatabase() throws SQLException {
        h2.close();
    }
}
