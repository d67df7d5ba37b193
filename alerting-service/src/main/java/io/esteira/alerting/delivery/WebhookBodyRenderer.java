package io.esteira.alerting.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.esteira.alerting.config.AlertingProperties.WebhookFormat;
import io.esteira.alerting.dispatch.Notification;
import io.esteira.alerting.dispatch.NotifiedAlert;
import io.esteira.alerting.model.Labels;
import io.esteira.contracts.AlertEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON body of a webhook notification, in one of the {@link WebhookFormat}s:
 *
 * <ul>
 *   <li>{@code generic}: {@code {"version":"esteira.notification/1", "notificationId", "receiver", "status",
 *       "groupKey", "groupLabels", "alerts":[{"status", "startsAt", "endsAt", "event":{AlertEvent}}]}}
 *   <li>{@code alertmanager}: Alertmanager's webhook body, version 4 (labels {@code alertname} = kind,
 *       source, kind, severity, entity; annotations summary, description, and one per link)
 *   <li>{@code slack}: an incoming-webhook message with one attachment per alert; event text is escaped
 *       so that it cannot mention people or forge links
 *   <li>{@code teams}: an Office 365 connector {@code MessageCard} with one section per alert
 *   <li>{@code teams-workflows}: a Teams {@code message} whose one attachment is an Adaptive Card (version
 *       1.4): the headline, then per alert its summary and a fact set, as the Workflows webhook trigger
 *       posts it to a channel
 * </ul>
 */
public final class WebhookBodyRenderer {

    public static final String GENERIC_VERSION = "esteira.notification/1";
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private final ObjectMapper json;

    public WebhookBodyRenderer() {
        this.json = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    public String render(Notification notification, WebhookFormat format) {
        Object body =
                switch (format) {
                    case GENERIC -> generic(notification);
                    case ALERTMANAGER -> alertmanager(notification);
                    case SLACK -> slack(notification);
                    case TEAMS -> teams(notification);
                    case TEAMS_WORKFLOWS -> teamsWorkflows(notification);
                };
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Cannot write the " + format + " body of notification " + notification.id(), e);
        }
    }

    private Map<String, Object> generic(Notification n) {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (NotifiedAlert alert : n.alerts()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("status", alert.event().status());
            a.put("startsAt", alert.startsAt());
            a.put("endsAt", alert.endsAt());
            a.put("event", alert.event());
            alerts.add(a);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", GENERIC_VERSION);
        body.put("notificationId", n.id());
        body.put("receiver", n.receiver());
        body.put("status", n.status());
        body.put("groupKey", n.groupKey());
        body.put("groupLabels", n.groupLabels());
        body.put("alerts", alerts);
        return body;
    }

    private Map<String, Object> alertmanager(Notification n) {
        List<Map<String, Object>> alerts = new ArrayList<>();
        List<Map<String, String>> allLabels = new ArrayList<>();
        List<Map<String, String>> allAnnotations = new ArrayList<>();
        for (NotifiedAlert alert : n.alerts()) {
            Map<String, String> labels = amLabels(alert.event());
            Map<String, String> annotations = amAnnotations(alert.event());
            allLabels.add(labels);
            allAnnotations.add(annotations);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("status", alert.event().status().name());
            a.put("labels", labels);
            a.put("annotations", annotations);
            a.put(
                    "startsAt",
                    alert.startsAt() == null ? ZERO_TIME : alert.startsAt().toString());
            a.put("endsAt", alert.endsAt() == null ? ZERO_TIME : alert.endsAt().toString());
            a.put("generatorURL", alert.event().links().getOrDefault("runbook", ""));
            a.put("fingerprint", alert.event().fingerprint());
            alerts.add(a);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", "4");
        body.put("groupKey", n.groupKey());
        body.put("truncatedAlerts", 0);
        body.put("status", n.status().name());
        body.put("receiver", n.receiver());
        body.put("groupLabels", n.groupLabels());
        body.put("commonLabels", common(allLabels));
        body.put("commonAnnotations", common(allAnnotations));
        body.put("externalURL", "");
        body.put("alerts", alerts);
        return body;
    }

    private static Map<String, String> amLabels(AlertEvent event) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", event.kind() == null ? "" : event.kind().json());
        Labels.of(event).forEach((k, v) -> {
            if (!k.equals(Labels.FINGERPRINT) && !v.isEmpty()) {
                labels.put(k, v);
            }
        });
        return labels;
    }

    private static Map<String, String> amAnnotations(AlertEvent event) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", event.summary() == null ? "" : event.summary());
        if (!event.details().isEmpty()) {
            annotations.put("description", lines(event.details()));
        }
        event.links().forEach((name, url) -> annotations.put(name.equals("runbook") ? "runbook_url" : name, url));
        return annotations;
    }

    private static Map<String, String> common(List<Map<String, String>> maps) {
        if (maps.isEmpty()) {
            return Map.of();
        }
        Map<String, String> common = new LinkedHashMap<>(maps.get(0));
        for (Map<String, String> m : maps) {
            common.entrySet().removeIf(e -> !e.getValue().equals(m.get(e.getKey())));
        }
        return common;
    }

    private Map<String, Object> slack(Notification n) {
        List<Map<String, Object>> attachments = new ArrayList<>();
        for (NotifiedAlert alert : n.alerts()) {
            AlertEvent e = alert.event();
            List<Map<String, Object>> fields = new ArrayList<>();
            fields.add(
                    field("severity", e.severity() == null ? "" : e.severity().name()));
            fields.add(field("kind", e.kind() == null ? "" : e.kind().json()));
            fields.add(field("source", e.source()));
            fields.add(field("entity", e.entity()));
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("color", alert.resolved() ? "good" : color(e.severity()));
            a.put("title", slackEscape("[" + e.status() + "] " + e.summary()));
            StringBuilder text = new StringBuilder(slackEscape(lines(e.details())));
            e.links().forEach((name, url) -> text.append(text.isEmpty() ? "" : "\n")
                    .append(slackEscape(name))
                    .append(": ")
                    .append(slackEscape(url)));
            a.put("text", text.toString());
            a.put("fields", fields);
            a.put("footer", "fingerprint " + slackEscape(e.fingerprint()));
            attachments.add(a);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", slackEscape(headline(n)));
        body.put("attachments", attachments);
        return body;
    }

    private static Map<String, Object> field(String title, String value) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("title", title);
        f.put("value", slackEscape(value == null ? "" : value));
        f.put("short", true);
        return f;
    }

    private Map<String, Object> teams(Notification n) {
        List<Map<String, Object>> sections = new ArrayList<>();
        for (NotifiedAlert alert : n.alerts()) {
            AlertEvent e = alert.event();
            List<Map<String, String>> facts = new ArrayList<>();
            teamsFacts(e).forEach((name, value) -> facts.add(pair("name", name, value)));
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("activityTitle", e.summary() == null ? "" : e.summary());
            section.put("activitySubtitle", "fingerprint " + e.fingerprint());
            section.put("facts", facts);
            sections.add(section);
        }
        boolean resolved = n.status() == AlertEvent.Status.resolved;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@type", "MessageCard");
        body.put("@context", "https://schema.org/extensions");
        body.put("themeColor", resolved ? "2EB886" : "D00000");
        body.put("summary", headline(n));
        body.put("title", headline(n));
        body.put("sections", sections);
        return body;
    }

    /** The facts both Teams formats show for an alert, in order: its fields, then details and links by name. */
    private static Map<String, String> teamsFacts(AlertEvent e) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("status", e.status().name());
        facts.put("severity", e.severity() == null ? "" : e.severity().name());
        facts.put("kind", e.kind() == null ? "" : e.kind().json());
        facts.put("source", e.source() == null ? "" : e.source());
        facts.put("entity", e.entity() == null ? "" : e.entity());
        new java.util.TreeMap<>(e.details()).forEach(facts::putIfAbsent);
        new java.util.TreeMap<>(e.links()).forEach(facts::putIfAbsent);
        return facts;
    }

    private Map<String, Object> teamsWorkflows(Notification n) {
        boolean resolved = n.status() == AlertEvent.Status.resolved;
        List<Map<String, Object>> body = new ArrayList<>();
        body.add(textBlock(headline(n), "Large", resolved ? "Good" : "Attention"));
        for (NotifiedAlert alert : n.alerts()) {
            AlertEvent e = alert.event();
            Map<String, Object> summary = textBlock(e.summary() == null ? "" : e.summary(), "Medium", "Default");
            summary.put("separator", true);
            body.add(summary);
            List<Map<String, String>> facts = new ArrayList<>();
            teamsFacts(e).forEach((name, value) -> facts.add(pair("title", name, value)));
            facts.add(pair("title", "fingerprint", e.fingerprint()));
            Map<String, Object> factSet = new LinkedHashMap<>();
            factSet.put("type", "FactSet");
            factSet.put("facts", facts);
            body.add(factSet);
        }
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("body", body);
        card.put("msteams", Map.of("width", "Full"));
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.put("contentUrl", null);
        attachment.put("content", card);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "message");
        message.put("attachments", List.of(attachment));
        return message;
    }

    /** {@code {<nameKey>: name, "value": value}}, in that order. */
    private static Map<String, String> pair(String nameKey, String name, String value) {
        Map<String, String> pair = new LinkedHashMap<>();
        pair.put(nameKey, name);
        pair.put("value", value);
        return pair;
    }

    private static Map<String, Object> textBlock(String text, String size, String color) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "TextBlock");
        block.put("text", text);
        block.put("size", size);
        block.put("weight", "Bolder");
        block.put("color", color);
        block.put("wrap", true);
        return block;
    }

    private static String headline(Notification n) {
        NotifiedAlert first = n.alerts().get(0);
        String kind = first.event().kind() == null ? "" : first.event().kind().json();
        return "[" + n.status().name().toUpperCase(java.util.Locale.ROOT)
                + (n.alerts().size() > 1 ? ":" + n.alerts().size() : "") + "] " + kind
                + (first.event().entity() == null ? "" : " " + first.event().entity())
                + ": " + first.event().summary();
    }

    private static String color(AlertEvent.Severity severity) {
        if (severity == AlertEvent.Severity.critical) {
            return "danger";
        }
        return severity == AlertEvent.Severity.warning ? "warning" : "#439FE0";
    }

    /** Slack's escaping for message text: {@code &}, {@code <} and {@code >} become entities. */
    static String slackEscape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String lines(Map<String, String> map) {
        List<String> lines = new ArrayList<>();
        new java.util.TreeMap<>(map).forEach((k, v) -> lines.add(k + ": " + v));
        return String.join("\n", lines);
    }
}
