package io.esteira.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ManagementPortDefaultsTest {

    private final ManagementPortDefaults defaults = new ManagementPortDefaults();

    @Test
    void shouldPutTheActuatorAThousandPortsAboveTheServer() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "8082");

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.server.port")).isEqualTo("9082");
    }

    @Test
    void shouldKeepAnExplicitManagementPort() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("server.port", "8082")
                .withProperty("management.server.port", "7000");

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.server.port")).isEqualTo("7000");
    }

    @Test
    void shouldHonourAnotherOffset() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("server.port", "8081")
                .withProperty("esteira.management.port-offset", "100");

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.server.port")).isEqualTo("8181");
    }

    @Test
    void shouldLeaveARandomServerPortAlone() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "0");

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.containsProperty("management.server.port")).isFalse();
    }

    @Test
    void shouldRefuseAPortBeyondTheRange() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "65000");

        assertThatThrownBy(() -> defaults.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("management.server.port");
    }
}
