package io.esteira.alerting;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.esteira.alerting.config.AlertingProperties;
import io.esteira.alerting.delivery.WebhookTargetPolicy;
import io.esteira.contracts.AlertEvent.Kind;
import io.esteira.contracts.AlertEvent.Severity;
import io.esteira.contracts.ContractCodec;
import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.embedded.junit.PostgresDatabase;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The webhook connection goes to the address the allow-list checked, found by one lookup: the policy's
 * resolver knows {@code hooks.esteira.test} (the machine's DNS does not), so a delivery reaches the sink
 * only when the connection uses the checked answer and makes no lookup of its own.
 */
class WebhookConnectionIT {

    private static final String HOST = "hooks.esteira.test";
    private static final AtomicInteger LOOKUPS = new AtomicInteger();

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("alerting_webhook_dns");

    @RegisterExtension
    static final ArtemisBroker broker = new ArtemisBroker();

    @RegisterExtension
    static final WireMockExtension hooks = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    /** Replaces the service's policy: the same lists, with a resolver the test controls and counts. */
    @Configuration(proxyBeanMethods = false)
    static class TestDns {
        @Bean
        WebhookTargetPolicy webhookTargetPolicy(AlertingProperties properties) {
            return new WebhookTargetPolicy(
                    properties.webhook().allowedHosts(), properties.webhook().allowedSchemes(), host -> {
                        LOOKUPS.incrementAndGet();
                        if (!host.equals(HOST)) {
                            throw new UnknownHostException(host);
                        }
                        return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
                    });
        }
    }

    @Test
    void shouldConnectToTheAddressTheAllowListCheckedWithOneLookup() throws Exception {
        hooks.stubFor(post("/dns").willReturn(ok()));
        DwTestSchema.create(dw);
        String alerting = "--esteira.alerting.";
        ConfigurableApplicationContext service = new SpringApplicationBuilder(AlertingApplication.class, TestDns.class)
                .run(
                        "--server.port=0",
                        "--spring.main.allow-bean-definition-overriding=true",
                        "--spring.flyway.enabled=false",
                        "--spring.jmx.enabled=false",
                        "--esteira.dw.url=" + dw.jdbcUrl(),
                        "--esteira.dw.username=" + dw.username(),
                        "--esteira.broker.url=" + broker.url(),
                        alerting + "api.username=ops",
                        alerting + "api.password=it-password",
                        alerting + "flush-interval=100ms",
                        alerting + "webhook.allowed-schemes[0]=http",
                        alerting + "webhook.allowed-hosts[0]=" + HOST,
                        // The sink is on loopback: the address itself must be listed.
                        alerting + "webhook.allowed-hosts[1]=127.0.0.1",
                        alerting + "route.receiver=hook",
                        alerting + "route.group-wait=100ms",
                        alerting + "receivers.hook.type=webhook",
                        alerting + "receivers.hook.retry.max-attempts=1",
                        alerting + "receivers.hook.webhook.url=http://" + HOST + ":" + hooks.getPort() + "/dns");
        try {
            int lookupsBefore = LOOKUPS.get();
            String fingerprint = "dns-" + UUID.randomUUID();
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            new RestTemplateBuilder()
                    .rootUri("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port"))
                    .basicAuthentication("ops", "it-password")
                    .build()
                    .postForEntity(
                            "/api/alerts",
                            new HttpEntity<>(
                                    ContractCodec.standard()
                                            .write(Alerts.firing(
                                                    Kind.QUALITY,
                                                    Severity.critical,
                                                    "orders",
                                                    fingerprint,
                                                    Instant.now())),
                                    headers),
                            String.class);

            await().atMost(Duration.ofSeconds(15)).until(() -> !hooks.findAll(postRequestedFor(urlEqualTo("/dns")))
                    .isEmpty());
            assertThat(hooks.findAll(postRequestedFor(urlEqualTo("/dns")))
                            .get(0)
                            .getHeader("Host"))
                    .isEqualTo(HOST + ":" + hooks.getPort());
            assertThat(LOOKUPS.get() - lookupsBefore)
                    .as("lookups of the delivery")
                    .isOne();
        } finally {
            BeforeBrokerStops.stop(service);
            service.close();
        }
    }
}
