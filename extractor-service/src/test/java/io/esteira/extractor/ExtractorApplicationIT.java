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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@AutoConfigureObservability
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"esteira.security.username=ops", "esteira.security.password=correct-horse"})
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

    @Test
    void shouldAnswerAReplayOfAnUnknownEntityWith400AndTheReason() {
        ResponseEntity<String> response = replay("{\"entity\":\"nosuch\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("\"error\":\"Bad Request\"").contains("Unknown entity 'nosuch'");
    }

    @Test
    void shouldAnswerAReplayWithoutEntityOrWithAnUnreadableBodyWith400() {
        ResponseEntity<String> missing = replay("{}");
        ResponseEntity<String> unreadable = replay("{\"entity\":");

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody()).contains("entity must not be blank");
        assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unreadable.getBody()).contains("the request body could not be read");
    }

    private ResponseEntity<String> replay(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("ops", "correct-horse")
                .postForEntity("/api/replay", new HttpEntity<>(json, headers), String.class);
    }
}
