package io.esteira.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.embedded.junit.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@AutoConfigureObservability
// The loader owns the DW schema: its Flyway (on the test classpath for DwSchema) must not run here.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.flyway.enabled=false")
@DirtiesContext
class AlertingApplicationIT {

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("dw");

    @RegisterExtension
    static final ArtemisBroker broker = new ArtemisBroker();

    @DynamicPropertySource
    static void connections(DynamicPropertyRegistry registry) {
        DwTestSchema.create(dw);
        registry.add("esteira.dw.url", dw::jdbcUrl);
        registry.add("esteira.dw.username", dw::username);
        registry.add("esteira.broker.url", broker::url);
    }

    @Autowired
    TestRestTemplate http;

    private static ConfigurableApplicationContext application;

    @Autowired
    void keep(ConfigurableApplicationContext context) {
        application = context;
    }

    /**
     * Stops Camel and the JMS connection while the broker still runs (the broker extension stops before
     * Spring closes the context).
     */
    @AfterAll
    static void stopBeforeBroker() throws Exception {
        BeforeBrokerStops.stop(application);
    }

    @Test
    void shouldReportHealthUpAndExposePrometheusMetrics() {
        assertThat(http.getForObject("/actuator/health", String.class)).contains("\"status\":\"UP\"");
        assertThat(http.getForObject("/actuator/health/readiness", String.class))
                .contains("UP");
        assertThat(http.getForObject("/actuator/prometheus", String.class))
                .contains("application=\"alerting-service\"")
                .contains("jvm_memory_used_bytes");
    }
}
