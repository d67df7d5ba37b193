package io.esteira.alerting;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.esteira.alerting.dispatch.Dispatcher;
import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.AlertEvent.Kind;
import io.esteira.contracts.AlertEvent.Severity;
import io.esteira.contracts.ContractCodec;
import io.esteira.contracts.Queues;
import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.embedded.junit.PostgresDatabase;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestTemplate;

/**
 * Crashes, deploys and replicas (issue 16): the service is started and stopped by hand, several times
 * on one DW and one broker, and what reaches the webhook sink is counted. Timings are shrunk: group_wait
 * 2 s (long enough to stop the service inside it), group_interval 1 s, repeat_interval 1 h.
 */
class AlertingDurabilityIT {

    private static final String USER = "ops";
    private static final String PASSWORD = "it-password";

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("alerting_durability");

    @RegisterExtension
    static final ArtemisBroker broker = new ArtemisBroker();

    @RegisterExtension
    static final WireMockExtension hooks = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @BeforeEach
    void emptyState() {
        DwTestSchema.create(dw);
        new JdbcTemplate(dw.dataSource())
                .execute("TRUNCATE ctl.alert_group, ctl.alert_event_seen, ctl.alert_silence, audit.alert_notification");
    }

    @AfterEach
    void stopAll() throws Exception {
        for (ConfigurableApplicationContext context : running) {
            stop(context);
        }
    }

    @Test
    void shouldDeliverAnAlertAcceptedBeforeARestartDuringGroupWait() throws Exception {
        hooks.stubFor(post("/sink").willReturn(ok()));
        String fingerprint = fingerprint();
        ConfigurableApplicationContext first = start();

        publish(Alerts.firing(Kind.QUALITY, Severity.critical, "orders", fingerprint, Instant.now()));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> first.getBean(Dispatcher.class).pendingGroups() == 1);
        stop(first);
        assertThat(calls(fingerprint))
                .as("nothing sent before group_wait ended")
                .isEmpty();
        start();

        await().atMost(Duration.ofSeconds(20)).until(() -> calls(fingerprint).size() == 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> calls(fingerprint).size() == 1);
    }

    @Test
    void shouldRetryAFailedDeliveryAtTheNextGroupIntervalNotTheRepeatInterval() throws Exception {
        hooks.stubFor(post("/sink")
                .inScenario("down then up")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serverError())
                .willSetStateTo("failed once"));
        hooks.stubFor(post("/sink")
                .inScenario("down then up")
                .whenScenarioStateIs("failed once")
                .willReturn(serverError())
                .willSetStateTo("up"));
        hooks.stubFor(post("/sink")
                .inScenario("down then up")
                .whenScenarioStateIs("up")
                .willReturn(ok()));
        String fingerprint = fingerprint();
        start();

        publish(Alerts.firing(Kind.SLA, Severity.critical, "customers", fingerprint, Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> calls(fingerprint).size() == 3);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> calls(fingerprint).size() == 3);
    }

    @Test
    void shouldSendEachNotificationOnceFromTwoReplicas() throws Exception {
        hooks.stubFor(post("/sink").willReturn(ok()));
        String fingerprint = fingerprint();
        ConfigurableApplicationContext one = start();
        ConfigurableApplicationContext two = start();
        AlertEvent event = Alerts.firing(Kind.DLQ, Severity.critical, "products", fingerprint, Instant.now());

        // Prometheus sends every alert to every Alertmanager it knows; a service may post to either replica.
        assertThat(postAlert(one, event).is2xxSuccessful()).isTrue();
        assertThat(postAlert(two, event).is2xxSuccessful()).isTrue();

        await().atMost(Duration.ofSeconds(20)).until(() -> calls(fingerprint).size() == 1);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(6))
                .until(() -> calls(fingerprint).size() == 1);
    }

    private ConfigurableApplicationContext start() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.flyway.enabled", "false");
        // Two replicas run in one JVM here: their MBeans would clash.
        properties.put("spring.jmx.enabled", "false");
        properties.put("camel.main.jmx-enabled", "false");
        properties.put("esteira.dw.url", dw.jdbcUrl());
        properties.put("esteira.dw.username", dw.username());
        properties.put("esteira.broker.url", broker.url());
        String alerting = "esteira.alerting.";
        properties.put(alerting + "api.username", USER);
        properties.put(alerting + "api.password", PASSWORD);
        properties.put(alerting + "flush-interval", "100ms");
        properties.put(alerting + "webhook.allowed-schemes[0]", "http");
        properties.put(alerting + "webhook.allowed-hosts[0]", "127.0.0.1");
        properties.put(alerting + "webhook.connect-timeout", "3s");
        properties.put(alerting + "webhook.response-timeout", "3s");
        properties.put(alerting + "route.receiver", "sink");
        properties.put(alerting + "route.group-wait", "2s");
        properties.put(alerting + "route.group-interval", "1s");
        properties.put(alerting + "route.repeat-interval", "1h");
        properties.put(alerting + "receivers.sink.type", "webhook");
        properties.put(alerting + "receivers.sink.webhook.url", "http://127.0.0.1:" + hooks.getPort() + "/sink");
        properties.put(alerting + "receivers.sink.retry.max-attempts", "1");
        // Arguments, not default properties: those would lose to application.yml.
        String[] arguments = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AlertingApplication.class).run(arguments);
        running.add(context);
        return context;
    }

    private static void stop(ConfigurableApplicationContext context) throws Exception {
        if (context.isActive()) {
            BeforeBrokerStops.stop(context);
            context.close();
        }
    }

    private static HttpStatusCode postAlert(ConfigurableApplicationContext context, AlertEvent event) {
        RestTemplate rest = new RestTemplateBuilder()
                .rootUri("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"))
                .basicAuthentication(USER, PASSWORD)
                .build();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.postForEntity(
                        "/api/alerts", new HttpEntity<>(ContractCodec.standard().write(event), headers), String.class)
                .getStatusCode();
    }

    private static String fingerprint() {
        return "durable-" + UUID.randomUUID();
    }

    private static List<LoggedRequest> calls(String fingerprint) {
        return hooks.findAll(postRequestedFor(urlEqualTo("/sink")).withRequestBody(containing(fingerprint)));
    }

    private static void publish(AlertEvent event) throws Exception {
        try (Connection connection = broker.connectionFactory().createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(Queues.ALERTS));
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(ContractCodec.standard().write(event));
            producer.send(message);
            session.commit();
        }
    }
}
