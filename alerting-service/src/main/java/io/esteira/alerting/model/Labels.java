package io.esteira.alerting.model;

import io.esteira.contracts.AlertEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The labels of an {@link AlertEvent} that routes, silences, inhibition rules and {@code group_by}
 * can name. Absent values are the empty string, as in Alertmanager.
 */
public final class Labels {

    public static final String SOURCE = "source";
    public static final String KIND = "kind";
    public static final String SEVERITY = "severity";
    public static final String ENTITY = "entity";
    public static final String FINGERPRINT = "fingerprint";

    /** Every label name a matcher or {@code group_by} may use. */
    public static final Set<String> NAMES = Set.of(SOURCE, KIND, SEVERITY, ENTITY, FINGERPRINT);

    private Labels() {}

    /** The event's labels, in a stable order. */
    public static Map<String, String> of(AlertEvent event) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(SOURCE, nullToEmpty(event.source()));
        labels.put(KIND, event.kind() == null ? "" : event.kind().json());
        labels.put(SEVERITY, event.severity() == null ? "" : event.severity().name());
        labels.put(ENTITY, nullToEmpty(event.entity()));
        labels.put(FINGERPRINT, nullToEmpty(event.fingerprint()));
        return labels;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
