package io.esteira.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TimeoutPropertiesTest {

    private static TimeoutProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("esteira.timeouts", TimeoutProperties.class);
    }

    @Test
    void shouldShipTimeoutsThatDetectAStalledConnectionInMinutes() {
        TimeoutProperties shipped = bind(Map.of());

        assertThat(shipped).isEqualTo(TimeoutProperties.DEFAULTS);
        assertThat(shipped.databaseConnect()).isEqualTo(Duration.ofSeconds(10));
        assertThat(shipped.databaseSocket()).isEqualTo(Duration.ofMinutes(10));
        assertThat(shipped.brokerCall()).isEqualTo(Duration.ofSeconds(10));
        assertThat(shipped.brokerConnectionTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(shipped.brokerFailureCheck()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldLetAnOperatorSetEachTimeout() {
        TimeoutProperties set = bind(Map.of(
                "esteira.timeouts.database-socket", "30s",
                "esteira.timeouts.broker-call", "5s",
                "esteira.timeouts.broker-failure-check", "10s",
                "esteira.timeouts.broker-connection-ttl", "20s"));

        assertThat(set.databaseSocket()).isEqualTo(Duration.ofSeconds(30));
        assertThat(set.brokerCall()).isEqualTo(Duration.ofSeconds(5));
        assertThat(set.brokerFailureCheck()).isEqualTo(Duration.ofSeconds(10));
        assertThat(set.brokerConnectionTtl()).isEqualTo(Duration.ofSeconds(20));
        assertThat(set.databaseConnect()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldRefuseATimeoutThatWouldWaitForEverOrABrokerCheckLongerThanItsTtl() {
        assertThatThrownBy(() -> bind(Map.of("esteira.timeouts.database-socket", "0s")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("esteira.timeouts.database-socket");
        assertThatThrownBy(() -> bind(Map.of("esteira.timeouts.broker-failure-check", "60s")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("esteira.timeouts.broker-failure-check")
                .hasMessageContaining("broker-connection-ttl");
    }
}
