package io.esteira.alerting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.esteira.alerting.delivery.WebhookSignature;
import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.AlertEvent.Kind;
import io.esteira.contracts.AlertEvent.Severity;
import io.esteira.contracts.ContractCodec;
import io.esteira.contracts.Queues;
import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.embedded.junit.PostgresDatabase;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service end to end: events in over Artemis and REST, notifications out to a real SMTP server
 * (GreenMail) and real HTTP webhooks (WireMock), attempts in a real PostgreSQL {@code audit.alert_log}.
 * Timings are shrunk (group_wait 200 ms, group_interval 300 ms, retries 50 ms); the webhook timeout
 * stays at 3 s so that a slow first answer on a busy machine is not taken for a failure.
 */
@AutoConfigureObservability
// The loader owns the DW schema: its Flyway (on the test classpath for DwSchema) must not run here.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.flyway.enabled=false")
@DirtiesContext
class AlertingDeliveryIT {

    private static final String SECRET = "it-webhook-secret";
    private static final String USER = "ops";
    private static final String PASSWORD = "it-password";

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("alerting");

    @RegisterExtension
    static final ArtemisBroker broker = new ArtemisBroker();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
                    new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withPerMethodLifecycle(false);

    @RegisterExtension
    static final WireMockExtension hooks = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private static ConfigurableApplicationContext application;

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        DwTestSchema.create(dw);
        registry.add("esteira.dw.url", dw::jdbcUrl);
        registry.add("esteira.dw.username", dw::username);
        registry.add("esteira.broker.url", broker::url);
        String alerting = "esteira.alerting.";
        registry.add(alerting + "api.username", () -> USER);
        registry.add(alerting + "api.password", () -> PASSWORD);
        registry.add(alerting + "flush-interval", () -> "50ms");
        registry.add(alerting + "smtp.host", () -> "127.0.0.1");
        registry.add(alerting + "smtp.port", () -> smtp.getSmtp().getPort());
        registry.add(alerting + "smtp.from", () -> "esteira@esteira.test");
        registry.add(alerting + "webhook.allowed-schemes[0]", () -> "http");
        registry.add(alerting + "webhook.allowed-hosts[0]", () -> "127.0.0.1");
        registry.add(alerting + "webhook.connect-timeout", () -> "3s");
        registry.add(alerting + "webhook.response-timeout", () -> "3s");

        registry.add(alerting + "route.receiver", () -> "log");
        registry.add(alerting + "route.group-wait", () -> "200ms");
        registry.add(alerting + "route.group-interval", () -> "300ms");
        registry.add(alerting + "route.repeat-interval", () -> "1h");
        registry.add(alerting + "route.routes[0].matchers[0]", () -> "entity=flaky");
        registry.add(alerting + "route.routes[0].receiver", () -> "flaky-hook");
        registry.add(alerting + "route.routes[1].matchers[0]", () -> "entity=down");
        registry.add(alerting + "route.routes[1].receiver", () -> "down-hook");
        registry.add(alerting + "route.routes[2].matchers[0]", () -> "severity=critical");
        registry.add(alerting + "route.routes[2].receiver", () -> "ops-email");
        registry.add(alerting + "route.routes[2].continue", () -> "true");
        registry.add(alerting + "route.routes[3].matchers[0]", () -> "severity=~critical");
        registry.add(alerting + "route.routes[3].receiver", () -> "critical-hook");

        registry.add(alerting + "receivers.log.type", () -> "log");
        registry.add(alerting + "receivers.ops-email.type", () -> "email");
        registry.add(alerting + "receivers.ops-email.email.to[0]", () -> "ops@esteira.test");
        registry.add(alerting + "receivers.fallback-email.type", () -> "email");
        registry.add(alerting + "receivers.fallback-email.email.to[0]", () -> "fallback@esteira.test");
        registry.add(alerting + "receivers.critical-hook.type", () -> "webhook");
        registry.add(
                alerting + "receivers.critical-hook.webhook.url",
                () -> "http://127.0.0.1:" + hooks.getPort() + "/critical");
        registry.add(alerting + "receivers.critical-hook.webhook.format", () -> "alertmanager");
        registry.add(alerting + "receivers.critical-hook.webhook.secret", () -> SECRET);
        registry.add(alerting + "receivers.critical-hook.webhook.headers.X-Team", () -> "data");
        registry.add(alerting + "receivers.flaky-hook.type", () -> "webhook");
        registry.add(
                alerting + "receivers.flaky-hook.webhook.url", () -> "http://127.0.0.1:" + hooks.getPort() + "/flaky");
        registry.add(alerting + "receivers.flaky-hook.retry.max-attempts", () -> "3");
        registry.add(alerting + "receivers.flaky-hook.retry.initial-delay", () -> "50ms");
        registry.add(alerting + "receivers.flaky-hook.retry.max-delay", () -> "200ms");
        registry.add(alerting + "receivers.down-hook.type", () -> "webhook");
        registry.add(
                alerting + "receivers.down-hook.webhook.url", () -> "http://127.0.0.1:" + hooks.getPort() + "/down");
        registry.add(alerting + "receivers.down-hook.retry.max-attempts", () -> "2");
        registry.add(alerting + "receivers.down-hook.retry.initial-delay", () -> "50ms");
        registry.add(alerting + "receivers.down-hook.retry.max-delay", () -> "100ms");
        registry.add(alerting + "delivery.fallback-receiver", () -> "fallback-email");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    void keep(ConfigurableApplicationContext context) {
        application = context;
    }

    /**
     * Stops Camel and the JMS connection while the broker still runs (the broker extension stops before
     * Spring closes the context).
     */
    @AfterAll
    static void stopBeforeBroker() throws Exception {
        BeforeBrokerStops.stop(application);
    }

    private final JdbcTemplate jdbc = new JdbcTemplate(dw.dataSource());

    @Test
    void shouldDeliverACriticalEventOnceToTheEmailAndTheWebhookWithAVerifiableSignature() {
        hooks.stubFor(post("/critical").willReturn(ok()));
        String fingerprint = fingerprint();

        publish(Alerts.firing(Kind.QUALITY, Severity.critical, "customers", fingerprint, Instant.now()));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> webhookCalls("/critical", fingerprint).size() == 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mailsAbout(fingerprint).size() == 1);
        await().during(Duration.ofMillis(800))
                .atMost(Duration.ofSeconds(3))
                .until(() -> webhookCalls("/critical", fingerprint).size() == 1
                        && mailsAbout(fingerprint).size() == 1);

        LoggedRequest request = webhookCalls("/critical", fingerprint).get(0);
        assertThat(WebhookSignature.verify(
                        SECRET,
                        request.getHeader("X-Esteira-Timestamp"),
                        request.getBodyAsString(),
                        request.getHeader("X-Esteira-Signature"),
                        Instant.now(),
                        Duration.ofMinutes(5)))
                .isTrue();
        assertThat(request.getHeader("X-Team")).isEqualTo("data");
        assertThat(request.getBodyAsString()).contains("\"version\":\"4\"");
        MimeMessage mail = mailsAbout(fingerprint).get(0);
        assertThat(recipients(mail)).isEqualTo("ops@esteira.test");
        assertThat(rows(fingerprint))
                .extracting(r -> r.get("receiver") + ":" + r.get("outcome"))
                .containsExactlyInAnyOrder("ops-email:sent", "critical-hook:sent");
        assertThat(http.getForObject("/actuator/prometheus", String.class))
                .contains(
                        "esteira_alerting_notifications_sent_total{application=\"alerting-service\",receiver=\"critical-hook\"}")
                .contains("esteira_alerting_events_in_total")
                .contains("esteira_alerting_groups_pending");
    }

    @Test
    void shouldSendOneNotificationFor100IdenticalEventsWithinGroupWait() {
        hooks.stubFor(post("/critical").willReturn(ok()));
        String fingerprint = fingerprint();

        AlertEvent[] events = new AlertEvent[100];
        for (int i = 0; i < events.length; i++) {
            events[i] = Alerts.firing(Kind.DLQ, Severity.critical, "orders", fingerprint, Instant.now());
        }
        publish(events);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> webhookCalls("/critical", fingerprint).size() == 1);
        await().during(Duration.ofMillis(800))
                .atMost(Duration.ofSeconds(3))
                .until(() -> webhookCalls("/critical", fingerprint).size() == 1
                        && mailsAbout(fingerprint).size() == 1);
    }

    @Test
    void shouldSendAResolvedNotificationWhenTheAlertResolves() {
        hooks.stubFor(post("/critical").willReturn(ok()));
        String fingerprint = fingerprint();
        publish(Alerts.firing(Kind.SLA, Severity.critical, "products", fingerprint, Instant.now()));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> webhookCalls("/critical", fingerprint).size() == 1);

        publish(Alerts.resolved(Kind.SLA, Severity.critical, "products", fingerprint, Instant.now()));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> webhookCalls("/critical", fingerprint).size() == 2);
        assertThat(webhookCalls("/critical", fingerprint).get(1).getBodyAsString())
                .contains("\"status\":\"resolved\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsAbout(fingerprint).stream()
                .anyMatch(m -> subject(m).startsWith("[resolved]")));
    }

    @Test
    void shouldSendNothingForASilencedAlert() {
        hooks.stubFor(post("/critical").willReturn(ok()));
        String fingerprint = fingerprint();
        ResponseEntity<Map> silence = http.withBasicAuth(USER, PASSWORD)
                .postForEntity(
                        "/api/silences",
                        Map.of(
                                "matchers",
                                List.of("fingerprint=" + fingerprint),
                                "endsAt",
                                Instant.now().plus(Duration.ofHours(1)).toString(),
                                "createdBy",
                                "it",
                                "comment",
                                "maintenance"),
                        Map.class);
        assertThat(silence.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        AlertEvent event = Alerts.firing(Kind.QUALITY, Severity.critical, "sellers", fingerprint, Instant.now());

        ResponseEntity<Map> posted = postAlert(http.withBasicAuth(USER, PASSWORD), event);

        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(posted.getBody()).containsEntry("muted", true);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> rows(fingerprint).stream().anyMatch(r -> "suppressed".equals(r.get("outcome"))));
        await().during(Duration.ofMillis(800))
                .atMost(Duration.ofSeconds(3))
                .until(() -> webhookCalls("/critical", fingerprint).isEmpty()
                        && mailsAbout(fingerprint).isEmpty());
        assertThat(http.withBasicAuth(USER, PASSWORD).getForObject("/api/silences", String.class))
                .contains("fingerprint=" + fingerprint)
                .contains("\"state\":\"active\"");
    }

    @Test
    void shouldUpdateExpireAndFilterSilencesThroughTheApi() {
        TestRestTemplate api = http.withBasicAuth(USER, PASSWORD);
        String entity = "silenced_" + UUID.randomUUID().toString().substring(0, 8);
        String end = Instant.now().plus(Duration.ofHours(1)).toString();
        String id = (String) api.postForEntity(
                        "/api/silences", Map.of("matchers", List.of("entity=" + entity), "endsAt", end), Map.class)
                .getBody()
                .get("id");

        // POST with the id: same matchers, new end and comment, so the same silence changes.
        String later = Instant.now()
                .plus(Duration.ofHours(2))
                .truncatedTo(ChronoUnit.MILLIS)
                .toString();
        ResponseEntity<Map> extended = api.postForEntity(
                "/api/silences",
                Map.of("id", id, "matchers", List.of("entity=" + entity), "endsAt", later, "comment", "longer"),
                Map.class);
        assertThat(extended.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(extended.getBody()).containsEntry("id", id).containsEntry("comment", "longer");
        assertThat(Instant.parse((String) extended.getBody().get("endsAt"))).isEqualTo(Instant.parse(later));

        // Other matchers: a new silence replaces it, the old one is expired.
        ResponseEntity<Map> replaced = api.postForEntity(
                "/api/silences",
                Map.of("id", id, "matchers", List.of("entity=" + entity, "kind=sla"), "endsAt", later),
                Map.class);
        assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
        String replacement = (String) replaced.getBody().get("id");
        assertThat(replacement).isNotEqualTo(id);
        assertThat(api.getForObject("/api/silences/" + id, Map.class)).containsEntry("state", "expired");

        assertThat(api.getForObject("/api/silences?filter=entity={e}&filter=kind!=sla", List.class, entity))
                .extracting(s -> ((Map<?, ?>) s).get("id"))
                .containsExactly(id);
        assertThat(api.getForObject("/api/silences?filter=entity=~{e}&filter=kind=~sl.", List.class, entity))
                .extracting(s -> ((Map<?, ?>) s).get("id"))
                .containsExactly(replacement);
        assertThat(api.getForObject("/api/silences?filter=entity!~{e}", List.class, entity))
                .extracting(s -> ((Map<?, ?>) s).get("id"))
                .doesNotContain(id, replacement);

        assertThat(api.exchange("/api/silences/" + replacement, HttpMethod.DELETE, null, Map.class)
                        .getBody())
                .containsEntry("state", "expired");
        assertThat(api.postForEntity(
                                "/api/silences",
                                Map.of("id", "no-such-id", "matchers", List.of("entity=" + entity), "endsAt", later),
                                Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.getForEntity("/api/silences?filter=entity", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void shouldDeliverAPrometheusAlertPostedToTheAlertmanagerApiOnceThroughTheSameRoutes() {
        hooks.stubFor(post("/critical").willReturn(ok()));
        String alertname = "ItRule" + UUID.randomUUID().toString().replace("-", "");
        String firing =
                """
                [{"labels":{"alertname":"%s","severity":"critical","job":"loader-service"},
                  "annotations":{"summary":"%s fires"},
                  "startsAt":"%s","endsAt":"%s"}]
                """
                        .formatted(
                                alertname,
                                alertname,
                                Instant.now().minusSeconds(60),
                                Instant.now().plusSeconds(240));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        // Prometheus re-sends a firing alert at every evaluation: one notification all the same.
        for (int i = 0; i < 3; i++) {
            ResponseEntity<String> posted = http.withBasicAuth(USER, PASSWORD)
                    .postForEntity("/api/v2/alerts", new HttpEntity<>(firing, headers), String.class);
            assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        assertThat(http.postForEntity("/api/v2/alerts", new HttpEntity<>(firing, headers), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> webhookCalls("/critical", alertname).size() == 1);
        await().during(Duration.ofMillis(800))
                .atMost(Duration.ofSeconds(3))
                .until(() -> webhookCalls("/critical", alertname).size() == 1);
        assertThat(webhookCalls("/critical", alertname).get(0).getBodyAsString())
                .contains(alertname + " fires");
    }

    @Test
    void shouldRefuseTheApiWithoutCredentials() {
        AlertEvent event = Alerts.firing(Kind.QUALITY, Severity.info, "orders", fingerprint(), Instant.now());

        assertThat(postAlert(http, event).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(postAlert(http.withBasicAuth(USER, "wrong"), event).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/silences", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldDeliverOnTheThirdAttemptAfterTwo500sAndLogEveryAttempt() {
        hooks.stubFor(post("/flaky")
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serverError())
                .willSetStateTo("failed once"));
        hooks.stubFor(post("/flaky")
                .inScenario("flaky")
                .whenScenarioStateIs("failed once")
                .willReturn(serverError())
                .willSetStateTo("failed twice"));
        hooks.stubFor(post("/flaky")
                .inScenario("flaky")
                .whenScenarioStateIs("failed twice")
                .willReturn(ok()));
        String fingerprint = fingerprint();

        publish(Alerts.firing(Kind.PIPELINE_FAILURE, Severity.warning, "flaky", fingerprint, Instant.now()));

        await().atMost(Duration.ofSeconds(10)).until(() -> rows(fingerprint).size() == 3);
        assertThat(rows(fingerprint))
                .extracting(r -> r.get("attempt") + ":" + r.get("outcome") + ":" + r.get("response_code"))
                .containsExactly("1:failed:500", "2:failed:500", "3:sent:200");
        assertThat(rows(fingerprint)).allSatisfy(r -> {
            assertThat(r.get("receiver")).isEqualTo("flaky-hook");
            assertThat(r.get("latency_ms")).isNotNull();
            assertThat(r.get("event_status")).isEqualTo("firing");
        });
        assertThat(webhookCalls("/flaky", fingerprint)).hasSize(3);
    }

    @Test
    void shouldDeadLetterAWebhookThatNeverAnswersAndRaiseADeliveryAlertToTheFallback() {
        hooks.stubFor(
                post("/down").willReturn(aResponse().withFixedDelay(10_000).withStatus(200)));
        String fingerprint = fingerprint();

        publish(Alerts.firing(Kind.QUALITY, Severity.warning, "down", fingerprint, Instant.now()));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> rows(fingerprint).stream().anyMatch(r -> "dead".equals(r.get("outcome"))));
        assertThat(rows(fingerprint))
                .extracting(r -> r.get("attempt") + ":" + r.get("outcome"))
                // Then, not marked notified, the group is formed again at the next group_interval.
                .startsWith("1:failed", "2:failed", "2:dead");
        assertThat(jdbc.queryForList(
                        "SELECT reason FROM audit.alert_notification WHERE receiver = 'down-hook' AND state = 'dead'",
                        String.class))
                .isNotEmpty()
                .allSatisfy(reason -> assertThat(reason).contains("SocketTimeoutException"));

        // The operator lists the dead notification and, once the receiver answers, replays it as it was.
        ResponseEntity<Map[]> dead =
                http.withBasicAuth(USER, PASSWORD).getForEntity("/api/notifications?state=dead", Map[].class);
        assertThat(dead.getStatusCode()).isEqualTo(HttpStatus.OK);
        String deadId = Arrays.stream(dead.getBody())
                .filter(row -> "down-hook".equals(row.get("receiver")))
                .map(row -> String.valueOf(row.get("id")))
                .findFirst()
                .orElseThrow();
        hooks.stubFor(post("/down").willReturn(ok()));
        ResponseEntity<Map> replay = http.withBasicAuth(USER, PASSWORD)
                .postForEntity("/api/notifications/" + deadId + "/replay", null, Map.class);
        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent"
                .equals(jdbc.queryForObject(
                        "SELECT state FROM audit.alert_notification WHERE notification_id = ?", String.class, deadId)));
        assertThat(hooks.findAll(postRequestedFor(urlEqualTo("/down"))))
                .anyMatch(r -> deadId.equals(r.getHeader("X-Esteira-Notification-Id")));
        assertThat(http.withBasicAuth(USER, PASSWORD)
                        .postForEntity("/api/notifications/" + deadId + "/replay", null, Map.class)
                        .getStatusCode())
                .as("no longer dead")
                .isEqualTo(HttpStatus.NOT_FOUND);
        await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipients(m).contains("fallback@esteira.test"))
                .anyMatch(m -> subject(m).contains("delivery") && body(m).contains("down-hook")));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit.alert_log WHERE receiver = 'fallback-email' AND outcome = 'sent'"
                                + " AND fingerprint LIKE 'delivery/down-hook/%'",
                        Integer.class))
                .isPositive();
    }

    @Test
    void shouldNotAddEmailHeadersFromLineBreaksInTheSummary() throws Exception {
        hooks.stubFor(post("/critical").willReturn(ok()));
        String fingerprint = fingerprint();
        AlertEvent event = Alerts.event(
                Kind.QUALITY,
                Severity.critical,
                "returns",
                fingerprint,
                AlertEvent.Status.firing,
                Instant.now(),
                "Checks failed\r\nBcc: attacker@evil.test\r\nX-Injected: yes\r\n\r\nforged body");

        publish(event);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> mailsAbout(fingerprint).size() == 1);
        MimeMessage mail = mailsAbout(fingerprint).get(0);
        assertThat(mail.getHeader("X-Injected")).isNull();
        assertThat(mail.getHeader("Bcc")).isNull();
        assertThat(subject(mail)).doesNotContain("\r").doesNotContain("\n").contains("Bcc: attacker@evil.test");
        assertThat(smtp.getReceivedMessagesForDomain("evil.test")).isEmpty();
    }

    @Test
    void shouldSendAnInvalidEventToTheDeadLetterQueueWithTheReason() throws Exception {
        byte[] missingSummary = new String(
                        ContractCodec.standard()
                                .write(Alerts.firing(Kind.SLA, Severity.info, "orders", fingerprint(), Instant.now())),
                        StandardCharsets.UTF_8)
                .replaceAll("\"summary\":\"[^\"]*\",", "")
                .getBytes(StandardCharsets.UTF_8);

        send(missingSummary);

        try (Connection connection = broker.connectionFactory().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(Queues.deadLetter(Queues.ALERTS)));
            Message dead = consumer.receive(10_000);
            assertThat(dead)
                    .as("a message on " + Queues.deadLetter(Queues.ALERTS))
                    .isNotNull();
            assertThat(dead.getStringProperty(Queues.ERROR_HEADER)).contains("summary");
            assertThat(dead.getBody(byte[].class)).isEqualTo(missingSummary);
        }
    }

    private static String fingerprint() {
        return "it-" + UUID.randomUUID();
    }

    private static void publish(AlertEvent... events) {
        byte[][] messages = new byte[events.length][];
        for (int i = 0; i < events.length; i++) {
            messages[i] = ContractCodec.standard().write(events[i]);
        }
        send(messages);
    }

    private static void send(byte[]... messages) {
        try (Connection connection = broker.connectionFactory().createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(Queues.ALERTS));
            for (byte[] json : messages) {
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(json);
                producer.send(message);
            }
            session.commit();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + Queues.ALERTS, e);
        }
    }

    private static ResponseEntity<Map> postAlert(TestRestTemplate client, AlertEvent event) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange(
                "/api/alerts",
                HttpMethod.POST,
                new HttpEntity<>(ContractCodec.standard().write(event), headers),
                Map.class);
    }

    private static List<LoggedRequest> webhookCalls(String path, String fingerprint) {
        return hooks.findAll(postRequestedFor(urlEqualTo(path)).withRequestBody(containing(fingerprint)));
    }

    private static List<MimeMessage> mailsAbout(String fingerprint) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> body(m).contains(fingerprint))
                .toList();
    }

    private static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipients(MimeMessage message) {
        try {
            return GreenMailUtil.getAddressList(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> rows(String fingerprint) {
        return jdbc.queryForList(
                "SELECT receiver, attempt, outcome, response_code, latency_ms, event_status FROM audit.alert_log"
                        + " WHERE fingerprint = ? ORDER BY alert_log_id",
                fingerprint);
    }
}
