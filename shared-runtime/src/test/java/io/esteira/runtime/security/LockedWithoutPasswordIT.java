package io.esteira.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.embedded.junit.ArtemisBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without esteira.security.password the service still starts, answers its probes, and lets nobody in. */
// Metrics export (the prometheus endpoint) is off in tests unless asked for.
@AutoConfigureObservability
// Closed after the class: its databases and broker go with it, and a service left running against them kept
// its routes in flight until the fork's exit, which then waited for them.
@DirtiesContext
@SpringBootTest(
        classes = SecuredTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
class LockedWithoutPasswordIT {

    @RegisterExtension
    static final ArtemisBroker broker = new ArtemisBroker();

    @DynamicPropertySource
    static void connections(DynamicPropertyRegistry registry) {
        registry.add("esteira.broker.url", broker::url);
    }

    @LocalServerPort
    int serverPort;

    @LocalManagementPort
    int managementPort;

    @Test
    void shouldStillAnswerHealthAndMetrics() {
        assertThat(Http.get(managementPort, "/actuator/health").statusCode()).isEqualTo(200);
        assertThat(Http.get(managementPort, "/actuator/prometheus").statusCode())
                .isEqualTo(200);
    }

    @Test
    void shouldLetNobodyIntoTheProtectedEndpoints() {
        assertThat(Http.get(managementPort, "/actuator/env", "operator", "").statusCode())
                .isEqualTo(401);
        assertThat(Http.get(managementPort, "/actuator/hawtio", "operator", "operator")
                        .statusCode())
                .isEqualTo(401);
        assertThat(Http.get(serverPort, "/api/ping", "operator", "").statusCode())
                .isEqualTo(401);
    }
}
