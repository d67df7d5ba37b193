package io.esteira.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.loader.schema.DwSchema;
import io.esteira.oltp.OltpSchema;
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
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExtractorApplicationIT {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("oltp");

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("dw");

    @RegisterExtension
    static final ArtemisBroker broker = new ArtemisBroker();

    @BeforeAll
    static void schemas() {
        OltpSchema.migrate(oltp.dataSource());
        DwSchema.migrate(dw.dataSource());
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
                .contains("application=\"extractor-service\"")
                .contains("jvm_memory_used_bytes")
                .contains("esteira_extractor_lag_seconds{application=\"extractor-service\",entity=\"orders\"}");
    }
}
