package io.esteira.alerting.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.alerting.config.AlertingProperties.EmailReceiver;
import io.esteira.alerting.config.AlertingProperties.InhibitRuleProperties;
import io.esteira.alerting.config.AlertingProperties.ReceiverProperties;
import io.esteira.alerting.config.AlertingProperties.ReceiverType;
import io.esteira.alerting.config.AlertingProperties.RouteProperties;
import io.esteira.alerting.config.AlertingProperties.Webhook;
import io.esteira.alerting.config.AlertingProperties.WebhookReceiver;
import io.esteira.alerting.delivery.WebhookTargetPolicy;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertingConfigValidatorTest {

    private static final WebhookTargetPolicy POLICY =
            new WebhookTargetPolicy(List.of("hooks.example.com"), List.of("https"), host ->
                    new InetAddress[] {InetAddress.getByName("93.184.216.34")});

    private static RouteProperties route(String receiver, List<String> matchers, List<RouteProperties> routes) {
        return new RouteProperties(receiver, matchers, null, null, null, null, null, routes);
    }

    private static ReceiverProperties email(String to) {
        return new ReceiverProperties(
                ReceiverType.EMAIL, new EmailReceiver(List.of(to), List.of(), null, null, null), null, null, null);
    }

    private static ReceiverProperties webhook(String url) {
        return new ReceiverProperties(
                ReceiverType.WEBHOOK, null, new WebhookReceiver(url, null, Map.of(), "secret"), null, null);
    }

    private static AlertingProperties properties(
            RouteProperties root, Map<String, ReceiverProperties> receivers, String fallback) {
        return new AlertingProperties(
                null,
                root,
                receivers,
                List.of(new InhibitRuleProperties(
                        List.of("kind=pipeline-failure"), List.of("kind=sla"), List.of("entity"))),
                new Webhook(List.of("hooks.example.com"), List.of("https"), null, null, null, null),
                null,
                new AlertingProperties.Delivery(fallback, null),
                null,
                null);
    }

    @Test
    void shouldResolveInheritedSettingsAndTheFallbackRoute() {
        AlertingSetup setup = AlertingConfigValidator.validate(
                properties(
                        new RouteProperties(
                                "ops",
                                List.of(),
                                List.of("entity"),
                                Duration.ofMillis(200),
                                null,
                                null,
                                null,
                                List.of(route("hooks", List.of("severity=critical"), List.of()))),
                        Map.of("ops", email("ops@example.com"), "hooks", webhook("https://hooks.example.com/a")),
                        "ops"),
                POLICY);

        assertThat(setup.root().children()).singleElement().satisfies(child -> {
            assertThat(child.receiver()).isEqualTo("hooks");
            assertThat(child.groupBy()).containsExactly("entity");
            assertThat(child.groupWait()).isEqualTo(Duration.ofMillis(200));
            assertThat(child.id()).isEqualTo("esteira.alerting.route.routes[0]");
        });
        assertThat(setup.fallbackRoute())
                .hasValueSatisfying(r -> assertThat(r.receiver()).isEqualTo("ops"));
        assertThat(setup.inhibitRules()).hasSize(1);
    }

    @Test
    void shouldNameTheRouteThatNamesAnUnknownReceiverOrHasABadMatcher() {
        assertThatThrownBy(() -> AlertingConfigValidator.validate(
                        properties(
                                route(
                                        "ops",
                                        List.of(),
                                        List.of(
                                                route("pager", List.of("severity=critical"), List.of()),
                                                route(null, List.of("team=data"), List.of()))),
                                Map.of("ops", email("ops@example.com")),
                                null),
                        POLICY))
                .isInstanceOf(InvalidAlertingConfigurationException.class)
                .hasMessageContaining("esteira.alerting.route.routes[0].receiver 'pager' names no receiver")
                .hasMessageContaining("esteira.alerting.route.routes[1].matchers[0]: label 'team' is unknown");
    }

    @Test
    void shouldRefuseAWebhookOutsideTheAllowListNamingTheReceiver() {
        assertThatThrownBy(() -> AlertingConfigValidator.validate(
                        properties(
                                route("hooks", List.of(), List.of()),
                                Map.of("hooks", webhook("https://evil.test/x")),
                                null),
                        POLICY))
                .hasMessageContaining("esteira.alerting.receivers.hooks.webhook.url is refused")
                .hasMessageContaining("not in esteira.alerting.webhook.allowed-hosts");
    }

    @Test
    void shouldRefuseIncompleteReceiversAndAnUnknownFallback() {
        ReceiverProperties noRecipients = new ReceiverProperties(
                ReceiverType.EMAIL, new EmailReceiver(List.of(), List.of(), null, null, null), null, null, null);
        ReceiverProperties badTemplate = new ReceiverProperties(
                ReceiverType.EMAIL,
                new EmailReceiver(List.of("ops@example.com\r\nBcc: x@evil.test"), List.of(), null, "{nope}", null),
                null,
                null,
                null);

        assertThatThrownBy(() -> AlertingConfigValidator.validate(
                        properties(
                                route("a", List.of(), List.of()),
                                Map.of("a", noRecipients, "b", badTemplate),
                                "missing"),
                        POLICY))
                .hasMessageContaining("esteira.alerting.receivers.a.email.to is empty")
                .hasMessageContaining("esteira.alerting.receivers.b.email.to[0]")
                .hasMessageContaining("esteira.alerting.receivers.b.email.subject uses unknown placeholders [nope]")
                .hasMessageContaining("esteira.alerting.delivery.fallback-receiver 'missing' names no receiver");
    }

    @Test
    void shouldRefuseSmtpCredentialsOrAnSslBundleWithoutTls() {
        AlertingProperties plain =
                properties(route("ops", List.of(), List.of()), Map.of("ops", email("ops@example.com")), null);
        AlertingProperties withLogin = withSmtp(
                plain,
                new AlertingProperties.Smtp(
                        "mail.example.com", 25, "alerts", "secret", null, null, null, "corporate-ca"));

        assertThatThrownBy(() -> AlertingConfigValidator.validate(withLogin, POLICY))
                .isInstanceOf(InvalidAlertingConfigurationException.class)
                .hasMessageContaining(
                        "esteira.alerting.smtp.username is set but esteira.alerting.smtp.security is none")
                .hasMessageContaining("set esteira.alerting.smtp.security to starttls or smtps")
                .hasMessageContaining("esteira.alerting.smtp.ssl-bundle is set but");
        AlertingProperties overTls = withSmtp(
                plain,
                new AlertingProperties.Smtp(
                        "mail.example.com",
                        465,
                        "alerts",
                        "secret",
                        null,
                        null,
                        AlertingProperties.SmtpSecurity.SMTPS,
                        "corporate-ca"));
        assertThat(AlertingConfigValidator.validate(overTls, POLICY).receivers())
                .containsKey("ops");
    }

    private static AlertingProperties withSmtp(AlertingProperties properties, AlertingProperties.Smtp smtp) {
        return new AlertingProperties(
                properties.api(),
                properties.route(),
                properties.receivers(),
                properties.inhibitRules(),
                properties.webhook(),
                smtp,
                properties.delivery(),
                null,
                null);
    }
}
