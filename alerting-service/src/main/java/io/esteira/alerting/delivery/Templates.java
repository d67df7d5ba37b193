package io.esteira.alerting.delivery;

import io.esteira.alerting.dispatch.Notification;
import io.esteira.alerting.dispatch.NotifiedAlert;
import io.esteira.contracts.AlertEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-text templates with {@code {name}} placeholders: an alert's fields ({@code {summary}},
 * {@code {severity}}, {@code {kind}}, {@code {source}}, {@code {entity}}, {@code {fingerprint}},
 * {@code {status}}, {@code {id}}, {@code {occurredAt}}, {@code {startsAt}}, {@code {endsAt}}),
 * {@code {details}} and {@code {links}} as {@code name: value} lines, one detail or link with
 * {@code {details.key}} / {@code {links.key}}, and the notification's {@code {receiver}},
 * {@code {count}}, {@code {firingCount}}, {@code {resolvedCount}}, {@code {groupKey}}.
 * Nothing is evaluated: values are inserted as text.
 */
public final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.-]*)}");

    public static final Set<String> NAMES = Set.of(
            "summary",
            "severity",
            "kind",
            "source",
            "entity",
            "fingerprint",
            "status",
            "id",
            "occurredAt",
            "startsAt",
            "endsAt",
            "details",
            "links",
            "receiver",
            "count",
            "firingCount",
            "resolvedCount",
            "groupKey");

    private Templates() {}

    /** The placeholders the template uses that no alert or notification provides; empty when it is valid. */
    public static Set<String> unknownPlaceholders(String template) {
        Set<String> unknown = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String name = m.group(1);
            if (!NAMES.contains(name) && !name.startsWith("details.") && !name.startsWith("links.")) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    /** Renders the template for one alert of the notification; unknown placeholders stay as written. */
    public static String render(String template, Notification notification, NotifiedAlert alert) {
        Map<String, String> values = values(notification, alert);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (name.startsWith("details.")) {
                value = alert.event().details().getOrDefault(name.substring("details.".length()), "");
            } else if (name.startsWith("links.")) {
                value = alert.event().links().getOrDefault(name.substring("links.".length()), "");
            } else {
                value = values.getOrDefault(name, m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Removes line breaks and other control characters: for anything that goes into a mail header. */
    public static String singleLine(String text) {
        return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ").trim();
    }

    private static Map<String, String> values(Notification notification, NotifiedAlert alert) {
        AlertEvent event = alert.event();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("summary", text(event.summary()));
        values.put("severity", event.severity() == null ? "" : event.severity().name());
        values.put("kind", event.kind() == null ? "" : event.kind().json());
        values.put("source", text(event.source()));
        values.put("entity", text(event.entity()));
        values.put("fingerprint", text(event.fingerprint()));
        values.put("status", event.status() == null ? "" : event.status().name());
        values.put("id", text(event.id()));
        values.put(
                "occurredAt",
                event.occurredAt() == null ? "" : event.occurredAt().toString());
        values.put("startsAt", alert.startsAt() == null ? "" : alert.startsAt().toString());
        values.put("endsAt", alert.endsAt() == null ? "" : alert.endsAt().toString());
        values.put("details", lines(event.details()));
        values.put("links", lines(event.links()));
        values.put("receiver", notification.receiver());
        values.put("count", Integer.toString(notification.alerts().size()));
        values.put("firingCount", Integer.toString(notification.firing().size()));
        values.put("resolvedCount", Integer.toString(notification.resolved().size()));
        values.put("groupKey", notification.groupKey());
        return values;
    }

    private static String lines(Map<String, String> map) {
        List<String> lines = new ArrayList<>();
        new java.util.TreeMap<>(map).forEach((k, v) -> lines.add(k + ": " + v));
        return String.join("\n", lines);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
