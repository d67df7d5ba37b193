package io.esteira.alerting.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.esteira.contracts.AlertEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the body Prometheus posts to an Alertmanager ({@code POST /api/v2/alerts}: a JSON array of
 * {@code {labels, annotations, startsAt, endsAt, generatorURL}}) as {@link AlertEvent}s, so that its
 * rules travel the same routes, silences and receivers as the services' own alerts.
 *
 * <ul>
 *   <li>{@code fingerprint}: {@code prometheus/<alertname>/} and a hash of all labels (sorted), as
 *       Alertmanager identifies an alert by its label set;
 *   <li>{@code status}: resolved when {@code endsAt} is not after now, else firing;
 *   <li>{@code kind}, {@code severity}, {@code entity}: the labels of those names when they hold a value
 *       the contract allows; else {@code pipeline-failure}, {@code warning} and none;
 *   <li>{@code id}: derived from the fingerprint, the status and when it started (or ended), so that
 *       Prometheus's re-sends of an unchanged alert are recognised as duplicates;
 *   <li>{@code summary}: annotation {@code summary} (else {@code description}, else the alert name);
 *       the other labels and annotations go to {@code details}, {@code runbook_url} to
 *       {@code links.runbook}.
 * </ul>
 */
public final class PrometheusAlerts {

    public static final String SOURCE = "prometheus";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENTITY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private PrometheusAlerts() {}

    /**
     * @throws IllegalArgumentException naming the element at fault when the body is not an array of
     *     alerts with labels (and an {@code alertname})
     */
    public static List<AlertEvent> read(byte[] body, Instant now) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("body is not JSON: post Alertmanager's v2 body, an array of alerts");
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(
                    "body must be a JSON array of alerts ({labels, annotations, startsAt, endsAt}), as Prometheus posts");
        }
        List<AlertEvent> events = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            events.add(event(root.get(i), "[" + i + "]", now));
        }
        return events;
    }

    private static AlertEvent event(JsonNode alert, String at, Instant now) {
        Map<String, String> labels = strings(alert.get("labels"), at + ".labels");
        Map<String, String> annotations = strings(alert.get("annotations"), at + ".annotations");
        String alertname = labels.get("alertname");
        if (alertname == null || alertname.isBlank()) {
            throw new IllegalArgumentException(at + ".labels.alertname is missing: every Prometheus alert has one");
        }
        Instant startsAt = instant(alert.get("startsAt"), at + ".startsAt", now);
        Instant endsAt = instant(alert.get("endsAt"), at + ".endsAt", null);
        boolean resolved = endsAt != null && !endsAt.isAfter(now);
        String fingerprint = "prometheus/" + clip(alertname, 100) + "/" + hash(new TreeMap<>(labels).toString());
        Instant occurredAt = resolved ? endsAt : startsAt;
        String status = resolved ? "resolved" : "firing";

        Map<String, String> details = new LinkedHashMap<>();
        labels.forEach((name, value) -> details.put(name, value));
        annotations.forEach((name, value) -> {
            if (!name.equals("summary") && !name.equals("runbook_url")) {
                details.put("annotation." + name, value);
            }
        });
        if (alert.hasNonNull("generatorURL")) {
            details.put("generatorURL", alert.get("generatorURL").asText());
        }
        String summary = annotations.getOrDefault("summary", annotations.getOrDefault("description", alertname));
        String entity = labels.get("entity");
        return new AlertEvent(
                AlertEvent.SCHEMA,
                "prometheus-" + hash(fingerprint + "\n" + status + "\n" + occurredAt),
                SOURCE,
                kind(labels.get("kind")),
                severity(labels.get("severity")),
                entity != null && ENTITY.matcher(entity).matches() ? entity : null,
                summary,
                details,
                fingerprint,
                AlertEvent.Status.valueOf(status),
                occurredAt,
                annotations.containsKey("runbook_url") ? Map.of("runbook", annotations.get("runbook_url")) : Map.of());
    }

    private static AlertEvent.Kind kind(String label) {
        for (AlertEvent.Kind kind : AlertEvent.Kind.values()) {
            if (kind.json().equals(label)) {
                return kind;
            }
        }
        return AlertEvent.Kind.PIPELINE_FAILURE;
    }

    private static AlertEvent.Severity severity(String label) {
        try {
            return label == null
                    ? AlertEvent.Severity.warning
                    : AlertEvent.Severity.valueOf(label.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return AlertEvent.Severity.warning;
        }
    }

    private static Map<String, String> strings(JsonNode node, String at) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(at + " must be an object of strings");
        }
        node.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }

    private static Instant instant(JsonNode node, String at, Instant absent) {
        if (node == null
                || node.isNull()
                || node.asText().isEmpty()
                || node.asText().startsWith("0001-01-01")) {
            return absent;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(at + " '" + node.asText() + "' is not an RFC 3339 time");
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }

    private static String clip(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
