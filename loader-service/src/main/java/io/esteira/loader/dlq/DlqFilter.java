package io.esteira.loader.dlq;

import java.time.Instant;

/**
 * Which DLQ messages an operation concerns; every null field matches everything.
 *
 * @param entity one entity's DLQ
 * @param messageId one message
 * @param reasonContains a case-insensitive fragment of the reason
 * @param failedFrom failed at or after
 * @param failedTo failed before
 */
public record DlqFilter(String entity, String messageId, String reasonContains, Instant failedFrom, Instant failedTo) {

    public static DlqFilter all() {
        return new DlqFilter(null, null, null, null, null);
    }

    boolean matches(DlqEntry entry) {
        if (messageId != null && !messageId.equals(entry.messageId())) {
            return false;
        }
        if (reasonContains != null
                && (entry.reason() == null || !entry.reason().toLowerCase().contains(reasonContains.toLowerCase()))) {
            return false;
        }
        if (failedFrom != null || failedTo != null) {
            if (entry.failedAt() == null || entry.failedAt().isEmpty()) {
                return false;
            }
            Instant at = Instant.parse(entry.failedAt());
            if (failedFrom != null && at.isBefore(failedFrom)) {
                return false;
            }
            if (failedTo != null && !at.isBefore(failedTo)) {
                return false;
            }
        }
        return true;
    }
}
