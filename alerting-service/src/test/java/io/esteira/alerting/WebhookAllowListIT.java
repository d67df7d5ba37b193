package io.esteira.alerting;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.alerting.config.InvalidAlertingConfigurationException;
import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.embedded.junit.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The service refuses to start when a webhook receiver points outside the allow-list. */
class WebhookAllowListIT {

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("alerting_allowlist");

    @RegisterExtension
    static final ArtemisBroker broker = new ArtemisBroker();

    private static SpringApplicationBuilder service(String webhookUrl) {
        DwTestSchema.create(dw);
        return new SpringApplicationBuilder(AlertingApplication.class)
                .properties(
                        "server.port=0",
                        "spring.flyway.enabled=false",
                        "esteira.dw.url=" + dw.jdbcUrl(),
                        "esteira.dw.username=" + dw.username(),
                        "esteira.broker.url=" + broker.url(),
                        "esteira.alerting.webhook.allowed-schemes[0]=https",
                        "esteira.alerting.webhook.allowed-hosts[0]=hooks.slack.com",
                        "esteira.alerting.receivers.team-hook.type=webhook",
                        "esteira.alerting.receivers.team-hook.webhook.url=" + webhookUrl,
                        "esteira.alerting.route.routes[0].matchers[0]=severity=critical",
                        "esteira.alerting.route.routes[0].receiver=team-hook");
    }

    @Test
    void shouldRefuseToStartWithAWebhookOutsideTheAllowList() {
        assertThatThrownBy(() -> {
                    try (ConfigurableApplicationContext ignored =
                            service("https://collector.evil.test/alerts").run()) {
                        // started: the assertion below fails
                    }
                })
                .hasRootCauseInstanceOf(InvalidAlertingConfigurationException.class)
                .rootCause()
                .hasMessageContaining("esteira.alerting.receivers.team-hook.webhook.url is refused")
                .hasMessageContaining("'collector.evil.test', which is not in esteira.alerting.webhook.allowed-hosts");
    }

    @Test
    void shouldRefuseToStartWithAWebhookToTheMetadataAddress() {
        assertThatThrownBy(() -> {
                    try (ConfigurableApplicationContext ignored =
                            service("https://169.254.169.254/latest/meta-data").run()) {
                        // started: the assertion below fails
                    }
                })
                .hasRootCauseInstanceOf(InvalidAlertingConfigurationException.class)
                .rootCause()
                .hasMessageContaining("esteira.alerting.receivers.team-hook.webhook.url is refused");
    }
}
