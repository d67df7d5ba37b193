package io.esteira.loader;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.embedded.junit.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@AutoConfigureObservability
// Closed after the class: its database and broker go with it, and a loader left running against them kept
// deriving until the fork's exit, which then waited for it.
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"esteira.security.username=ops", "esteira.security.password=correct-horse"})
@ExtendWith(OutputCaptureExtension.class)
class LoaderApplicationIT {

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("dw");

    @RegisterExtension
    static final ArtemisBroker broker = new ArtemisBroker();

    @DynamicPropertySource
    static void connections(DynamicPropertyRegistry registry) {
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
                .contains("application=\"loader-service\"")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void shouldAnswerAnUnknownDlqEntityWith400AndTheReasonLoggedAtWarnWithoutStackTrace(CapturedOutput output) {
        ResponseEntity<String> response =
                http.withBasicAuth("ops", "correct-horse").getForEntity("/api/dlq?entity=nosuch", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(response.getBody())
                .contains("\"error\":\"Bad Request\"")
                .contains("\"message\":\"Unknown entity 'nosuch'; use one of: ");
        assertThat(output.getOut())
                .contains("WARN")
                .contains("GET /api/dlq?entity=nosuch answered 400: Unknown entity 'nosuch'")
                .doesNotContain("java.lang.IllegalArgumentException");
    }

    @Test
    void shouldAnswerAMalformedDlqTimeWith400NamingTheParameter() {
        ResponseEntity<String> response =
                http.withBasicAuth("ops", "correct-horse").getForEntity("/api/dlq?from=yesterday", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("from 'yesterday' is not an ISO-8601 instant");
    }

    @Test
    void shouldRefuseToRetryTheParkedKeysOfAnUnknownEntityWith400() {
        ResponseEntity<String> response = http.withBasicAuth("ops", "correct-horse")
                .postForEntity("/api/dlq/derive/retry?entity=nosuch", null, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("Unknown entity 'nosuch'");
        assertThat(http.withBasicAuth("ops", "correct-horse")
                        .postForEntity("/api/dlq/derive/retry?entity=orders", null, String.class)
                        .getBody())
                .isEqualTo("{\"queued\":0}");
    }
}
