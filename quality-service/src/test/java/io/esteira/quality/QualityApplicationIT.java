package io.esteira.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.quality.scenario.Fixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@AutoConfigureObservability
// Closed after the class: its databases and broker go with it, and a service left running against them kept
// its routes in flight until the fork's exit, which then waited for them.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QualityApplicationIT {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("oltp");

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("dw");

    @RegisterExtension
    static final ArtemisBroker broker = new ArtemisBroker();

    /** The shipped checks validate their tables and SQL at start-up: migrate both databases, empty. */
    @BeforeAll
    static void migrate() {
        Fixture.migrate(oltp.dataSource(), dw.dataSource());
    }

    @DynamicPropertySource
    static void connections(DynamicPropertyRegistry registry) {
        registry.add("esteira.oltp.url", oltp::jdbcUrl);
        registry.add("esteira.oltp.username", oltp::username);
        registry.add("esteira.dw.url", dw::jdbcUrl);
        registry.add("esteira.dw.username", dw::username);
        registry.add("esteira.broker.url", broker::url);
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void shouldReportHealthUpAndExposePrometheusMetrics() {
        assertThat(http.getForObject("/actuator/health", String.class)).contains("\"status\":\"UP\"");
        assertThat(http.getForObject("/actuator/health/readiness", String.class))
                .contains("UP");
        assertThat(http.getForObject("/actuator/prometheus", String.class))
                .contains("application=\"quality-service\"")
                .contains("jvm_memory_used_bytes")
                .contains("esteira_quality_check_status{application=\"quality-service\",check=\"freshness\"");
    }
}
