package io.esteira.runtime.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.runtime.config.Endpoint;
import io.esteira.runtime.config.EsteiraProperties;
import io.esteira.runtime.config.TimeoutProperties;
import io.esteira.runtime.config.UnreachableEndpointException;
import java.time.Duration;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

class BrokerConfigurationTest {

    /** Nothing listens on port 1. */
    private static final Endpoint UNREACHABLE = new Endpoint("tcp://127.0.0.1:1", "", "");

    @Test
    void shouldStopStartUpWhenTheBrokerDoesNotAnswer() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BrokerConfiguration()
                        .jmsConnectionFactory(
                                new EsteiraProperties(UNREACHABLE, UNREACHABLE, UNREACHABLE),
                                TimeoutProperties.DEFAULTS))
                .isInstanceOf(UnreachableEndpointException.class)
                .hasMessageContaining("esteira.broker");
    }

    @Test
    void shouldNotContactTheBrokerInATrainingRun() {
        System.setProperty("spring.context.exit", "onRefresh");
        try {
            assertThat(new BrokerConfiguration()
                            .jmsConnectionFactory(
                                    new EsteiraProperties(UNREACHABLE, UNREACHABLE, UNREACHABLE),
                                    TimeoutProperties.DEFAULTS))
                    .isNotNull();
        } finally {
            System.clearProperty("spring.context.exit");
        }
    }

    @Test
    void shouldSetEveryBrokerTimeoutExplicitly() {
        TimeoutProperties timeouts = new TimeoutProperties(
                Duration.ofSeconds(10),
                Duration.ofMinutes(10),
                Duration.ofSeconds(7),
                Duration.ofSeconds(40),
                Duration.ofSeconds(15));

        try (ActiveMQConnectionFactory factory =
                BrokerConfiguration.artemis(new Endpoint("tcp://127.0.0.1:61616", "", ""), timeouts)) {
            assertThat(factory.getCallTimeout()).isEqualTo(7_000);
            assertThat(factory.getCallFailoverTimeout()).isEqualTo(7_000);
            assertThat(factory.getConnectionTTL()).isEqualTo(40_000);
            assertThat(factory.getClientFailureCheckPeriod()).isEqualTo(15_000);
        }
    }

    @Test
    void shouldApplyTheShippedDefaults() {
        try (ActiveMQConnectionFactory factory = BrokerConfiguration.artemis(
                new Endpoint("tcp://127.0.0.1:61616", "", ""), TimeoutProperties.DEFAULTS)) {
            assertThat(factory.getCallTimeout()).isEqualTo(10_000);
            assertThat(factory.getCallFailoverTimeout()).isEqualTo(10_000);
            assertThat(factory.getConnectionTTL()).isEqualTo(60_000);
            assertThat(factory.getClientFailureCheckPeriod()).isEqualTo(30_000);
        }
    }

    @Test
    void shouldKeepATimeoutTheUrlSetsItself() {
        try (ActiveMQConnectionFactory factory = BrokerConfiguration.artemis(
                new Endpoint("tcp://127.0.0.1:61616?callTimeout=5000", "", ""), TimeoutProperties.DEFAULTS)) {
            assertThat(factory.getCallTimeout()).isEqualTo(5_000);
            assertThat(factory.getConnectionTTL()).isEqualTo(60_000);
        }
    }

    @Test
    void shouldTakeABrokerPairWithItsOwnReconnectionFromTheUrl() {
        try (ActiveMQConnectionFactory factory = BrokerConfiguration.running(
                new Endpoint("(tcp://artemis:61616,tcp://artemis-backup:61616)?ha=true&reconnectAttempts=-1", "", ""),
                TimeoutProperties.DEFAULTS)) {
            assertThat(factory.isHA()).isTrue();
            assertThat(factory.getStaticConnectors()).hasSize(2);
            assertThat(factory.getReconnectAttempts()).isEqualTo(-1);
            assertThat(factory.getRetryInterval()).isEqualTo(500);
            assertThat(factory.getCallTimeout()).isEqualTo(10_000);
            assertThat(factory.getMinLargeMessageSize()).isEqualTo(BrokerConfiguration.MIN_LARGE_MESSAGE_SIZE);
        }
    }

    @Test
    void shouldPrefetchNoMessageUnlessTheUrlSaysOtherwise() {
        try (ActiveMQConnectionFactory byDefault = BrokerConfiguration.running(
                        new Endpoint("tcp://127.0.0.1:61616", "", ""), TimeoutProperties.DEFAULTS);
                ActiveMQConnectionFactory fromUrl = BrokerConfiguration.running(
                        new Endpoint("tcp://127.0.0.1:61616?consumerWindowSize=65536", "", ""),
                        TimeoutProperties.DEFAULTS)) {
            assertThat(byDefault.getConsumerWindowSize()).isZero();
            assertThat(fromUrl.getConsumerWindowSize()).isEqualTo(65_536);
        }
    }

    @Test
    void shouldReconnectAFewTimesWhenTheUrlDoesNotSay() {
        try (ActiveMQConnectionFactory factory = BrokerConfiguration.running(
                new Endpoint("tcp://127.0.0.1:61616", "", ""), TimeoutProperties.DEFAULTS)) {
            assertThat(factory.isHA()).isFalse();
            assertThat(factory.getReconnectAttempts()).isEqualTo(3);
            assertThat(factory.getRetryIntervalMultiplier()).isEqualTo(2.0);
        }
    }

    @Test
    void shouldNameTheBrokerUrlWhenItIsNotAnArtemisUrl() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BrokerConfiguration.artemis(
                        new Endpoint("htp://artemis:61616", "", ""), TimeoutProperties.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("esteira.broker.url");
    }
}
