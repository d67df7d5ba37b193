package io.esteira.quality.repair;

/**
 * The extractor's answer to a replay request.
 *
 * @param replayId the id the loader records in {@code ctl.applied_batch.replay}
 * @param entity the replayed entity
 * @param batches how many batches were published
 * @param rows how many rows they carry
 */
public record ReplayReceipt(String replayId, String entity, int batches, long rows) {}
