package io.esteira.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.embedded.junit.ArtemisBroker;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The management endpoints on their own port refuse anonymous callers beyond health, info and
 * prometheus; the operator login opens them, the Hawtio console and {@code /api/**}.
 */
// Metrics export (the prometheus endpoint) is off in tests unless asked for.
@AutoConfigureObservability
// Closed after the class: its databases and broker go with it, and a service left running against them kept
// its routes in flight until the fork's exit, which then waited for them.
@DirtiesContext
@SpringBootTest(
        classes = SecuredTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "esteira.security.username=ops",
            "esteira.security.password=correct-horse"
        })
class ManagementSecurityIT {

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

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator/health",
                "/actuator/health/liveness",
                "/actuator/health/readiness",
                "/actuator/info",
                "/actuator/prometheus"
            })
    void shouldAnswerProbesAndMetricsWithoutLogin(String path) {
        HttpResponse<String> response = Http.get(managementPort, path);

        assertThat(response.statusCode()).as(path).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator",
                "/actuator/env",
                "/actuator/beans",
                "/actuator/configprops",
                "/actuator/loggers",
                "/actuator/metrics",
                "/actuator/hawtio",
                "/actuator/hawtio/index.html",
                "/actuator/jolokia/version"
            })
    void shouldRefuseOtherManagementEndpointsWithoutLogin(String path) {
        HttpResponse<String> response = Http.get(managementPort, path);

        assertThat(response.statusCode()).as(path).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    }

    @Test
    void shouldRefuseTheApiWithoutLogin() {
        assertThat(Http.get(serverPort, "/api/ping").statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRefuseAWrongPassword() {
        assertThat(Http.get(managementPort, "/actuator/env", "ops", "wrong").statusCode())
                .isEqualTo(401);
        assertThat(Http.get(serverPort, "/api/ping", "operator", "correct-horse")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void shouldOpenEverythingToTheOperator() {
        assertThat(Http.get(serverPort, "/api/ping", "ops", "correct-horse").body())
                .isEqualTo("pong");
        assertThat(Http.get(managementPort, "/actuator/env", "ops", "correct-horse")
                        .statusCode())
                .isEqualTo(200);
        assertThat(Http.get(managementPort, "/actuator/beans", "ops", "correct-horse")
                        .statusCode())
                .isEqualTo(200);
        assertThat(Http.get(managementPort, "/actuator/jolokia/version", "ops", "correct-horse")
                        .body())
                .contains("\"agent\"");
        assertThat(Http.get(managementPort, "/actuator/hawtio/index.html", "ops", "correct-horse")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void shouldKeepTheActuatorOffTheServerPort() {
        assertThat(Http.get(serverPort, "/actuator/env", "ops", "correct-horse").statusCode())
                .isEqualTo(404);
    }
}
