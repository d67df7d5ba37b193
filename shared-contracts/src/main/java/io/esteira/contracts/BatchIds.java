package io.esteira.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Deterministic {@link ChangeBatch#batchId()}s.
 *
 * <p>The id is {@code <entity>-<hash>}, where {@code <hash>} is the first 32 hex digits (128 bits) of
 * the SHA-256 of the canonical string
 *
 * <pre>esteira.change-batch/1|&lt;entity&gt;|&lt;from.version&gt;:&lt;from.key&gt;|&lt;to.version&gt;:&lt;to.key&gt;|live</pre>
 *
 * with the last part {@code replay:<replayId>} for a window replay. The same entity and watermark range
 * therefore always give the same id, so a batch the extractor re-sends after a crash is skipped by the
 * loader's {@code ctl.applied_batch}; a replay of the same range gets a different id, so it is applied again.
 * Artemis duplicate detection ({@link Queues#DUPLICATE_ID_PROPERTY}) takes the id qualified by the
 * extractor's run (the extractor's {@code BatchPublisher}), so that a DW restored from a backup, which
 * lacks batches the broker still remembers, gets them again from a restarted extractor.
 */
public final class BatchIds {

    private static final int HEX_DIGITS = 32;

    private BatchIds() {}

    /**
     * @param entity catalog entity name, a plain identifier
     * @param watermark the range the batch covers
     * @param replayId null for live extraction, else the replay request id
     */
    public static String of(String entity, ChangeBatch.Watermark watermark, String replayId) {
        Identifiers.requirePlain(entity, "Entity");
        Objects.requireNonNull(watermark, "watermark");
        Objects.requireNonNull(watermark.from(), "watermark.from");
        Objects.requireNonNull(watermark.to(), "watermark.to");
        String canonical = String.join(
                "|",
                ChangeBatch.SCHEMA,
                entity,
                watermark.from().version() + ":" + watermark.from().key(),
                watermark.to().version() + ":" + watermark.to().key(),
                replayId == null ? "live" : "replay:" + replayId);
        return entity + "-" + HexFormat.of().formatHex(sha256(canonical)).substring(0, HEX_DIGITS);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM; use a standard Java 17 runtime.", e);
        }
    }
}
