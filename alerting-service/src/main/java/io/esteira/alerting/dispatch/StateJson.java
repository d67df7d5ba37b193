package io.esteira.alerting.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.ContractCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON forms of the dispatcher's state in the DW: alerts (each event as its own contract JSON,
 * {@code esteira.alert-event/1}, with when it started and ended), label maps, fingerprint sets, and
 * whole notifications (the body of {@code audit.alert_notification}, read back for a replay).
 */
public final class StateJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContractCodec CODEC = ContractCodec.standard();

    private StateJson() {}

    static String alerts(Collection<NotifiedAlert> alerts) {
        return write(alertsNode(alerts));
    }

    static List<NotifiedAlert> alerts(String json) {
        List<NotifiedAlert> alerts = new ArrayList<>();
        for (JsonNode node : read(json)) {
            alerts.add(alert(node));
        }
        return alerts;
    }

    static String labels(Map<String, String> labels) {
        return write(JSON.valueToTree(labels));
    }

    static Map<String, String> labels(String json) {
        Map<String, String> labels = new LinkedHashMap<>();
        read(json)
                .fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    static String fingerprints(Set<String> fingerprints) {
        return write(JSON.valueToTree(fingerprints));
    }

    static Set<String> fingerprints(String json) {
        Set<String> fingerprints = new LinkedHashSet<>();
        read(json).forEach(node -> fingerprints.add(node.asText()));
        return fingerprints;
    }

    /** The whole notification, as {@code audit.alert_notification.body} holds it. */
    public static String notification(Notification notification) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", notification.id());
        node.put("receiver", notification.receiver());
        node.put("routeId", notification.routeId());
        node.put("groupKey", notification.groupKey());
        node.set("groupLabels", JSON.valueToTree(notification.groupLabels()));
        node.put("status", notification.status().name());
        node.set("alerts", alertsNode(notification.alerts()));
        node.put("createdAt", notification.createdAt().toString());
        node.put("raisesDeliveryAlert", notification.raisesDeliveryAlert());
        return write(node);
    }

    public static Notification notification(String json) {
        JsonNode node = read(json);
        List<NotifiedAlert> alerts = new ArrayList<>();
        node.get("alerts").forEach(alert -> alerts.add(alert(alert)));
        return new Notification(
                node.get("id").asText(),
                node.get("receiver").asText(),
                node.get("routeId").asText(),
                node.get("groupKey").asText(),
                labels(write(node.get("groupLabels"))),
                AlertEvent.Status.valueOf(node.get("status").asText()),
                alerts,
                Instant.parse(node.get("createdAt").asText()),
                node.get("raisesDeliveryAlert").asBoolean());
    }

    private static ArrayNode alertsNode(Collection<NotifiedAlert> alerts) {
        ArrayNode array = JSON.createArrayNode();
        for (NotifiedAlert alert : alerts) {
            ObjectNode node = array.addObject();
            node.set("event", read(new String(CODEC.write(alert.event()), StandardCharsets.UTF_8)));
            node.put(
                    "startsAt",
                    alert.startsAt() == null ? null : alert.startsAt().toString());
            node.put("endsAt", alert.endsAt() == null ? null : alert.endsAt().toString());
        }
        return array;
    }

    private static NotifiedAlert alert(JsonNode node) {
        AlertEvent event = CODEC.readAlertEvent(write(node.get("event")).getBytes(StandardCharsets.UTF_8));
        return new NotifiedAlert(event, instant(node.get("startsAt")), instant(node.get("endsAt")));
    }

    private static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : Instant.parse(node.asText());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Cannot read the alerting state stored in the DW (" + e.getOriginalMessage()
                            + "): fix or delete the row in ctl.alert_group / audit.alert_notification",
                    e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write alerting state as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
