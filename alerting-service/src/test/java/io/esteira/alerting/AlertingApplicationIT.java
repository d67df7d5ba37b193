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
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@AutoConfigureObservability
// The loader owns the DW schema: its Flyway (on the test classpath for DwSchema) must not run here.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.flyway.enabled=false",
            // The actuator on a port of its own, as in production.
            "management.server.port=0",
            "esteira.security.username=ops",
            "esteira.security.password=correct-horse",
            "esteira.alerting.api.username=prometheus",
            "esteira.alerting.api.password=api-secret"
        })
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

    @LocalManagementPort
    int managementPort;

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
        assertThat(http.getForObject(management("/actuator/health"), String.class))
                .contains("\"status\":\"UP\"");
        assertThat(http.getForObject(management("/actuator/health/readiness"), String.class))
                .contains("UP");
        assertThat(http.getForObject(management("/actuator/prometheus"), String.class))
                .contains("application=\"alerting-service\"")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void shouldOpenTheActuatorAndHawtioToTheOperatorLoginOfEveryService() {
        TestRestTemplate operator = http.withBasicAuth("ops", "correct-horse");

        assertThat(status(operator, management("/actuator/env"))).isEqualTo(HttpStatus.OK);
        assertThat(status(operator, management("/actuator/hawtio/index.html"))).isEqualTo(HttpStatus.OK);
        assertThat(operator.getForObject(management("/actuator/jolokia/version"), String.class))
                .contains("\"agent\"");
    }

    @Test
    void shouldKeepTheManagementEndpointsClosedToTheApiLoginAndToStrangers() {
        assertThat(status(http.withBasicAuth("prometheus", "api-secret"), management("/actuator/env")))
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(http.withBasicAuth("prometheus", "api-secret"), management("/actuator/hawtio/index.html")))
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(http, management("/actuator/env"))).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldOpenTheApiToTheApiLoginAndToTheOperatorLogin() {
        assertThat(status(http.withBasicAuth("prometheus", "api-secret"), "/api/silences"))
                .isEqualTo(HttpStatus.OK);
        assertThat(status(http.withBasicAuth("ops", "correct-horse"), "/api/silences"))
                .isEqualTo(HttpStatus.OK);
        assertThat(status(http.withBasicAuth("ops", "api-secret"), "/api/silences"))
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(http, "/api/silences")).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldAnswerAParameterOfTheWrongTypeWith400NamingIt() {
        ResponseEntity<String> response =
                http.withBasicAuth("ops", "correct-horse").getForEntity("/api/notifications?limit=lots", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody())
                .contains("\"error\":\"Bad Request\"")
                .contains("limit 'lots' is not a whole number; give e.g. limit=1.");
    }

    private String management(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }

    private static HttpStatus status(TestRestTemplate client, String url) {
        return HttpStatus.valueOf(
                client.getForEntity(url, String.class).getStatusCode().value());
    }
}
