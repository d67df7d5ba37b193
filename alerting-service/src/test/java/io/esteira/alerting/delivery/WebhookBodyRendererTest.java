package io.esteira.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.esteira.alerting.Alerts;
import io.esteira.alerting.config.AlertingProperties.WebhookFormat;
import io.esteira.alerting.dispatch.Notification;
import io.esteira.alerting.dispatch.NotifiedAlert;
import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.AlertEvent.Kind;
import io.esteira.contracts.AlertEvent.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookBodyRendererTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
    private final WebhookBodyRenderer renderer = new WebhookBodyRenderer();
    private final ObjectMapper json = new ObjectMapper();

    private static Notification notification(NotifiedAlert... alerts) {
        return new Notification(
                "n-1",
                "hooks",
                "root",
                "root{entity=orders}",
                Map.of("entity", "orders"),
                AlertEvent.Status.firing,
                List.of(alerts),
                AT,
                true);
    }

    @Test
    void shouldRenderAnAlertmanagerVersion4Body() throws Exception {
        AlertEvent firing = Alerts.firing(Kind.SLA, Severity.critical, "orders", "fp-1", AT);
        AlertEvent resolved = Alerts.resolved(Kind.SLA, Severity.critical, "orders", "fp-2", AT.plusSeconds(60));

        JsonNode body = json.readTree(renderer.render(
                notification(new NotifiedAlert(firing, AT, null), new NotifiedAlert(resolved, AT, AT.plusSeconds(60))),
                WebhookFormat.ALERTMANAGER));

        assertThat(body.path("version").asText()).isEqualTo("4");
        assertThat(body.path("status").asText()).isEqualTo("firing");
        assertThat(body.path("groupLabels").path("entity").asText()).isEqualTo("orders");
        assertThat(body.path("commonLabels").path("alertname").asText()).isEqualTo("sla");
        JsonNode first = body.path("alerts").get(0);
        assertThat(first.path("labels").path("severity").asText()).isEqualTo("critical");
        assertThat(first.path("annotations").path("summary").asText()).isEqualTo("Something broke on orders");
        assertThat(first.path("annotations").path("runbook_url").asText())
                .isEqualTo("https://runbooks.example.com/sla");
        assertThat(first.path("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(body.path("alerts").get(1).path("status").asText()).isEqualTo("resolved");
        assertThat(body.path("alerts").get(1).path("endsAt").asText()).isEqualTo("2026-11-22T10:01:00Z");
    }

    @Test
    void shouldCarryTheEventsInTheGenericBody() throws Exception {
        AlertEvent firing = Alerts.firing(Kind.DLQ, Severity.warning, "orders", "fp-1", AT);

        JsonNode body = json.readTree(
                renderer.render(notification(new NotifiedAlert(firing, AT, null)), WebhookFormat.GENERIC));

        assertThat(body.path("version").asText()).isEqualTo(WebhookBodyRenderer.GENERIC_VERSION);
        JsonNode event = body.path("alerts").get(0).path("event");
        assertThat(event.path("kind").asText()).isEqualTo("dlq");
        assertThat(event.path("occurredAt").asText()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(event.path("fingerprint").asText()).isEqualTo("fp-1");
    }

    @Test
    void shouldEscapeEventTextInSlackMessagesSoItCannotMentionOrLink() throws Exception {
        AlertEvent event = Alerts.event(
                Kind.QUALITY,
                Severity.info,
                "orders",
                "fp-1",
                AlertEvent.Status.firing,
                AT,
                "<!channel> see <http://x|y>");

        JsonNode body =
                json.readTree(renderer.render(notification(new NotifiedAlert(event, AT, null)), WebhookFormat.SLACK));

        assertThat(body.path("text").asText()).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
        assertThat(body.path("attachments").get(0).path("title").asText()).doesNotContain("<http");
    }

    @Test
    void shouldRenderTheLegacyTeamsMessageCardExactly() {
        AlertEvent event = Alerts.firing(Kind.PIPELINE_FAILURE, Severity.critical, "orders", "fp-1", AT);

        String body = renderer.render(notification(new NotifiedAlert(event, AT, null)), WebhookFormat.TEAMS);

        assertThat(body)
                .isEqualTo("{\"@type\":\"MessageCard\",\"@context\":\"https://schema.org/extensions\","
                        + "\"themeColor\":\"D00000\","
                        + "\"summary\":\"[FIRING] pipeline-failure orders: Something broke on orders\","
                        + "\"title\":\"[FIRING] pipeline-failure orders: Something broke on orders\","
                        + "\"sections\":[{\"activityTitle\":\"Something broke on orders\","
                        + "\"activitySubtitle\":\"fingerprint fp-1\",\"facts\":["
                        + "{\"name\":\"status\",\"value\":\"firing\"},"
                        + "{\"name\":\"severity\",\"value\":\"critical\"},"
                        + "{\"name\":\"kind\",\"value\":\"pipeline-failure\"},"
                        + "{\"name\":\"source\",\"value\":\"loader-service\"},"
                        + "{\"name\":\"entity\",\"value\":\"orders\"},"
                        + "{\"name\":\"batch\",\"value\":\"b-1\"},"
                        + "{\"name\":\"runbook\",\"value\":\"https://runbooks.example.com/pipeline-failure\"}]}]}");
    }

    @Test
    void shouldRenderATeamsWorkflowsAdaptiveCardExactly() {
        AlertEvent firing = Alerts.firing(Kind.PIPELINE_FAILURE, Severity.critical, "orders", "fp-1", AT);
        Notification resolved = new Notification(
                "n-2",
                "teams",
                "root",
                "root{entity=orders}",
                Map.of("entity", "orders"),
                AlertEvent.Status.resolved,
                List.of(new NotifiedAlert(
                        Alerts.resolved(Kind.SLA, Severity.warning, "orders", "fp-2", AT), AT, AT.plusSeconds(60))),
                AT,
                true);

        String body = renderer.render(notification(new NotifiedAlert(firing, AT, null)), WebhookFormat.TEAMS_WORKFLOWS);

        assertThat(body)
                .isEqualTo("{\"type\":\"message\",\"attachments\":[{"
                        + "\"contentType\":\"application/vnd.microsoft.card.adaptive\",\"contentUrl\":null,"
                        + "\"content\":{\"$schema\":\"http://adaptivecards.io/schemas/adaptive-card.json\","
                        + "\"type\":\"AdaptiveCard\",\"version\":\"1.4\",\"body\":["
                        + "{\"type\":\"TextBlock\","
                        + "\"text\":\"[FIRING] pipeline-failure orders: Something broke on orders\","
                        + "\"size\":\"Large\",\"weight\":\"Bolder\",\"color\":\"Attention\",\"wrap\":true},"
                        + "{\"type\":\"TextBlock\",\"text\":\"Something broke on orders\",\"size\":\"Medium\","
                        + "\"weight\":\"Bolder\",\"color\":\"Default\",\"wrap\":true,\"separator\":true},"
                        + "{\"type\":\"FactSet\",\"facts\":["
                        + "{\"title\":\"status\",\"value\":\"firing\"},"
                        + "{\"title\":\"severity\",\"value\":\"critical\"},"
                        + "{\"title\":\"kind\",\"value\":\"pipeline-failure\"},"
                        + "{\"title\":\"source\",\"value\":\"loader-service\"},"
                        + "{\"title\":\"entity\",\"value\":\"orders\"},"
                        + "{\"title\":\"batch\",\"value\":\"b-1\"},"
                        + "{\"title\":\"runbook\",\"value\":\"https://runbooks.example.com/pipeline-failure\"},"
                        + "{\"title\":\"fingerprint\",\"value\":\"fp-1\"}]}],"
                        + "\"msteams\":{\"width\":\"Full\"}}}]}");
        assertThat(renderer.render(resolved, WebhookFormat.TEAMS_WORKFLOWS))
                .contains("\"text\":\"[RESOLVED] sla orders: Recovered: orders\"")
                .contains("\"color\":\"Good\"");
    }
}
