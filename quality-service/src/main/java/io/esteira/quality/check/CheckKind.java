package io.esteira.quality.check;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The sorts of check, by the name used in configuration and in {@code audit.dq_result.kind}. */
public enum CheckKind {
    ORPHANS("orphans"),
    FRESHNESS("freshness"),
    RECONCILIATION("reconciliation"),
    RULE("rule"),
    KPI_SMOKE("kpi-smoke"),
    NOT_NULL("not-null"),
    UNIQUE("unique"),
    ACCEPTED_VALUES("accepted-values"),
    RANGE("range"),
    RELATIONSHIPS("relationships"),
    SCHEMA_DRIFT("schema-drift"),
    VOLUME_ANOMALY("volume-anomaly"),
    ENTITY_VOLUME("entity-volume");

    private final String id;

    CheckKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<CheckKind> of(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    /** The configuration names, for error messages: {@code orphans, freshness, …}. */
    public static String names() {
        return Arrays.stream(values()).map(CheckKind::id).collect(Collectors.joining(", "));
    }
}
