package io.esteira.loader.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.loader.LoaderApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service migrates its warehouse at start-up with spring.flyway.* (vendor folder, ctl history, calendar). */
// Closed after the class: its database and broker go with it, and a loader left running against them kept
// deriving until the fork's exit, which then waited for it.
@DirtiesContext
@SpringBootTest(classes = LoaderApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class FlywayAtStartupIT {

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("dw_startup");

    @RegisterExtension
    static final ArtemisBroker broker = new ArtemisBroker();

    @DynamicPropertySource
    static void connections(DynamicPropertyRegistry registry) {
        registry.add("esteira.dw.url", dw::jdbcUrl);
        registry.add("esteira.dw.username", dw::username);
        registry.add("esteira.broker.url", broker::url);
        registry.add(CalendarRange.FROM_PROPERTY, () -> "2024-01-01");
        registry.add(CalendarRange.TO_PROPERTY, () -> "2024-01-31");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldMigrateTheWarehouseWithTheConfiguredCalendarAtStartup() {
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM ctl.flyway_schema_history WHERE success AND type <> 'SCHEMA'",
                        Integer.class))
                .isEqualTo(Migrations.applied("postgresql"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dim.dim_data WHERE data_sk <> 0", Integer.class))
                .isEqualTo(31);
        assertThat(jdbc.queryForObject("SELECT MAX(data_sk) FROM dim.dim_data", Integer.class))
                .isEqualTo(20240131);
    }
}
