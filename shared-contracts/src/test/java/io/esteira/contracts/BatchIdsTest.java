package io.esteira.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.ChangeBatch.Cursor;
import io.esteira.contracts.ChangeBatch.Watermark;
import org.junit.jupiter.api.Test;

class BatchIdsTest {

    private static final Watermark RANGE = new Watermark(new Cursor(100, 7), new Cursor(250, 42));

    @Test
    void shouldGiveTheSameIdForTheSameBatch() {
        String first = BatchIds.of("orders", RANGE, null);
        String second = BatchIds.of("orders", new Watermark(new Cursor(100, 7), new Cursor(250, 42)), null);

        assertThat(first).isEqualTo(second).matches("orders-[0-9a-f]{32}");
    }

    @Test
    void shouldBeStableAcrossReleases() {
        // SHA-256("esteira.change-batch/1|orders|100:7|250:42|live"), first 32 hex digits: a changed
        // canonical form would make a restarted extractor re-send batches that Artemis no longer drops.
        assertThat(BatchIds.of("orders", RANGE, null))
                .isEqualTo("orders-" + sha256Prefix("esteira.change-batch/1|orders|100:7|250:42|live"));
    }

    @Test
    void shouldDifferWhenReplayIdDiffers() {
        String live = BatchIds.of("orders", RANGE, null);
        String replayA = BatchIds.of("orders", RANGE, "replay-a");
        String replayB = BatchIds.of("orders", RANGE, "replay-b");

        assertThat(live).isNotEqualTo(replayA);
        assertThat(replayA).isNotEqualTo(replayB);
        assertThat(BatchIds.of("orders", RANGE, "")).isNotEqualTo(live);
    }

    @Test
    void shouldDifferWhenEntityOrRangeDiffers() {
        String base = BatchIds.of("orders", RANGE, null);

        assertThat(BatchIds.of("returns", RANGE, null)).isNotEqualTo(base).startsWith("returns-");
        assertThat(BatchIds.of("orders", new Watermark(new Cursor(100, 7), new Cursor(250, 43)), null))
                .isNotEqualTo(base);
        assertThat(BatchIds.of("orders", new Watermark(new Cursor(100, 8), new Cursor(250, 42)), null))
                .isNotEqualTo(base);
        // "10:07" vs "100:7" must not collide: the separators keep numbers apart
        assertThat(BatchIds.of("orders", new Watermark(new Cursor(10, 7), new Cursor(250, 42)), null))
                .isNotEqualTo(base);
    }

    @Test
    void shouldRejectEntityThatIsNotAnIdentifier() {
        assertThatThrownBy(() -> BatchIds.of("orders;DROP", RANGE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'orders;DROP'");
    }

    private static String sha256Prefix(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
