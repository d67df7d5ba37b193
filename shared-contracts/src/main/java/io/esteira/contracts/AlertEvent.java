package io.esteira.contracts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Map;

/**
 * A failure (or its recovery) that some service wants people to know about
 * ({@code esteira.alert-event/1}), published to {@link Queues#ALERTS}.
 *
 * <p>Read and write it with {@link ContractCodec}; its JSON Schema is {@code schemas/alert-event-1.json}.
 *
 * @param schema always {@link #SCHEMA} (null becomes {@link #SCHEMA})
 * @param id unique per event
 * @param source the service that raised it, e.g. {@code loader-service}
 * @param kind what sort of failure
 * @param severity how urgent
 * @param entity the catalog entity concerned, or null
 * @param summary one line, plain text
 * @param details more context: key to value, plain text
 * @param fingerprint the same for every event about the same ongoing problem (dedup and resolve)
 * @param status firing, or resolved when the problem is gone
 * @param occurredAt when it happened
 * @param links name to URL or command, e.g. {@code runbook}, {@code replay}
 */
public record AlertEvent(
        String schema,
        String id,
        String source,
        Kind kind,
        Severity severity,
        String entity,
        String summary,
        Map<String, String> details,
        String fingerprint,
        Status status,
        Instant occurredAt,
        Map<String, String> links) {

    public static final String SCHEMA = "esteira.alert-event/1";

    public AlertEvent {
        schema = schema == null ? SCHEMA : schema;
        details = details == null ? Map.of() : Map.copyOf(details);
        links = links == null ? Map.of() : Map.copyOf(links);
    }

    public enum Kind {
        PIPELINE_FAILURE("pipeline-failure"),
        DLQ("dlq"),
        QUALITY("quality"),
        SLA("sla"),
        DELIVERY("delivery");

        private final String json;

        Kind(String json) {
            this.json = json;
        }

        @JsonValue
        public String json() {
            return json;
        }
    }

    public enum Severity {
        info,
        warning,
        critical
    }

    public enum Status {
        firing,
        resolved
    }
}
