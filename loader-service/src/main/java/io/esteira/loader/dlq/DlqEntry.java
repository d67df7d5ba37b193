package io.esteira.loader.dlq;

/**
 * A message in a DLQ, as an operator sees it.
 *
 * @param messageId the JMS message id, to show or replay exactly this message
 * @param body the batch JSON; null in listings
 */
public record DlqEntry(
        String messageId,
        String entity,
        String batchId,
        String reason,
        String errorClass,
        String failedAt,
        int attempts,
        long bytes,
        String stack,
        String body) {}
