package io.esteira.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.esteira.alerting.delivery.WebhookSignature;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's alert sink over real SMTP and HTTP: what it received shows on its page and in its JSON,
 * newest first, with the webhook signature checked, and alert text never becomes markup.
 */
class AlertSinkTest {

    private static final String SECRET = "demo-secret";
    private static final String HOSTILE = "</pre><script>alert('owned')</script><img src=x onerror=alert(1)>";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private AlertSink sink;

    @BeforeEach
    void start() {
        sink = AlertSink.start(SECRET);
    }

    @AfterEach
    void stop() {
        sink.close();
    }

    @Test
    void shouldShowEveryDeliveryNewestFirstWithItsDetailsAndTheSignatureChecked() throws Exception {
        String firing = notification("demo-webhook", "firing", "A change batch of regions was moved to its DLQ");
        postSigned(firing, SECRET);
        String email = "[firing] critical dlq regions: A change batch of regions was moved to its DLQ";
        mail(email, "Batch 42 could not be applied after 5 attempts");
        String resolved = notification("demo-webhook", "resolved", "The batch of regions was applied after a replay");
        postSigned(resolved, "some other secret");

        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
        String html = page.body();
        assertThat(html)
                .contains("2 webhook calls", "1 email", "<script src=\"/sink.js\" defer></script>")
                .contains("to receiver <b class=receiver>demo-webhook</b>")
                .contains(
                        "<span class=\"status resolved\">resolved</span>",
                        "<span class=\"status firing\">firing</span>")
                .contains("X-esteira-signature")
                .contains("verified with the receiver's secret", "does not match the body and timestamp")
                .contains("<span class=subject>" + email + "</span>")
                .contains(
                        "<dd class=to>data-team@esteira.local, ops@esteira.local</dd>",
                        "<dt>Cc</dt><dd>lead@esteira.local</dd>")
                .contains("Batch 42 could not be applied after 5 attempts");
        // Pretty-printed: one field a line, indented.
        assertThat(html).contains("{\n  &quot;version&quot; : &quot;esteira.notification/1&quot;,\n");
        // Newest first: the resolved webhook, the email, the firing webhook.
        assertThat(html.indexOf("The batch of regions was applied after a replay"))
                .isLessThan(html.indexOf("<span class=subject>"))
                .isPositive();
        assertThat(html.indexOf("<span class=subject>"))
                .isLessThan(html.indexOf("A change batch of regions was moved to its DLQ&quot;"));
        // The verdicts follow the same order: the newest call was signed with another secret.
        assertThat(html.indexOf("does not match the body and timestamp"))
                .isLessThan(html.indexOf("verified with the receiver's secret"));

        JsonNode json = new ObjectMapper().readTree(get("/api/deliveries").body());
        assertThat(json.path("webhooks").asInt()).isEqualTo(2);
        assertThat(json.path("emails").asInt()).isEqualTo(1);
        JsonNode deliveries = json.path("deliveries");
        assertThat(deliveries).hasSize(3);
        assertThat(deliveries.get(0).path("status").asText()).isEqualTo("resolved");
        assertThat(deliveries.get(0).path("signature").asText()).isEqualTo("mismatch");
        assertThat(deliveries.get(1).path("kind").asText()).isEqualTo("email");
        assertThat(deliveries.get(1).path("to").toString())
                .isEqualTo("[\"data-team@esteira.local\",\"ops@esteira.local\"]");
        assertThat(deliveries.get(2).path("signature").asText()).isEqualTo("verified");
        assertThat(deliveries.get(2).path("receiver").asText()).isEqualTo("demo-webhook");
        assertThat(deliveries
                        .get(2)
                        .path("body")
                        .path("alerts")
                        .get(0)
                        .path("event")
                        .path("summary")
                        .asText())
                .isEqualTo("A change batch of regions was moved to its DLQ");
    }

    @Test
    void shouldEscapeAlertTextSoThatItNeverBecomesMarkup() throws Exception {
        postSigned(notification(HOSTILE, "firing", HOSTILE), SECRET);
        post("/webhook", "not json " + HOSTILE, "X-Esteira-Signature", HOSTILE);
        mail("[firing] " + HOSTILE, "body " + HOSTILE);

        for (String path : new String[] {"/", "/deliveries"}) {
            String html = get(path).body();
            assertThat(html)
                    .as(path)
                    .doesNotContain("<script>", "<img", "</pre><script")
                    .contains(
                            "&lt;/pre&gt;&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")
                    .contains("not json &lt;/pre&gt;")
                    .contains("body &lt;/pre&gt;&lt;script&gt;")
                    .contains("does not match the body and timestamp");
        }
        // The page's only script is the sink's own, and the policy forbids any other.
        String page = get("/").body();
        assertThat(page.split("<script", -1)).hasSize(2);
        HttpResponse<String> script = get("/sink.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("fetch('/deliveries'");
        assertThat(get("/sink.css").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldSaySoWhenNothingWasDeliveredAndRefuseWhatItDoesNotServe() throws Exception {
        assertThat(get("/").body()).contains("0 webhook calls", "0 emails", "Nothing delivered yet");
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
        HttpResponse<String> getWebhook = get("/webhook");
        assertThat(getWebhook.statusCode()).isEqualTo(405);
        assertThat(sink.webhooks()).isEmpty();
    }

    /** A body as the alerting service's generic webhook format has it. */
    private static String notification(String receiver, String status, String summary) throws Exception {
        ObjectMapper json = new ObjectMapper();
        var alert = json.createObjectNode();
        alert.put("status", status);
        alert.putObject("event").put("summary", summary).put("kind", "dlq").put("entity", "regions");
        var body = json.createObjectNode();
        body.put("version", "esteira.notification/1");
        body.put("receiver", receiver);
        body.put("status", status);
        body.putArray("alerts").add(alert);
        return json.writeValueAsString(body);
    }

    private void postSigned(String body, String secret) throws Exception {
        long now = Instant.now().getEpochSecond();
        post(
                "/webhook",
                body,
                "X-Esteira-Timestamp",
                Long.toString(now),
                "X-Esteira-Signature",
                WebhookSignature.sign(secret, now, body));
    }

    private void post(String path, String body, String... headers) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sink.pageUrl().replaceAll("/$", "") + path))
                .headers(headers)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);
        nextMillisecond();
    }

    private void mail(String subject, String body) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(sink.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("esteira@esteira.local"));
        message.setRecipients(
                Message.RecipientType.TO, InternetAddress.parse("data-team@esteira.local, ops@esteira.local"));
        message.setRecipients(Message.RecipientType.CC, InternetAddress.parse("lead@esteira.local"));
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        Transport.send(message);
        // Three recipients, one message: the sink lists it once.
        Awaitility.await("the email listed").atMost(Duration.ofSeconds(10)).until(() -> sink.emails().stream()
                .anyMatch(e -> e.subject().equals(subject)));
        nextMillisecond();
    }

    /** Deliveries are ordered by the millisecond they arrived in: the next one arrives in a later one. */
    private static void nextMillisecond() {
        long now = Instant.now().toEpochMilli();
        Awaitility.await()
                .pollInterval(Duration.ofMillis(1))
                .atMost(Duration.ofSeconds(1))
                .until(() -> Instant.now().toEpochMilli() > now + 1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sink.pageUrl().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
