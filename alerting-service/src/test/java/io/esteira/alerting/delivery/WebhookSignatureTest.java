package io.esteira.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "s3cret";
    private static final String BODY = "{\"status\":\"firing\"}";
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void shouldSignTimestampDotBodyWithHmacSha256() {
        // Reference: printf '1795341600.{"status":"firing"}' | openssl dgst -sha256 -hmac s3cret
        assertThat(WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY))
                .isEqualTo("sha256=987ce76bdd5332cd54c996e0b58ca34eff0665fdf0d7d53bfbee43c1ccef06c8");
    }

    @Test
    void shouldVerifyAFreshSignature() {
        String signature = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY);
        assertThat(WebhookSignature.verify(
                        SECRET, Long.toString(NOW.getEpochSecond()), BODY, signature, NOW.plusSeconds(10), TOLERANCE))
                .isTrue();
    }

    @Test
    void shouldRefuseATamperedBodyAWrongSecretAndAReplayedRequest() {
        String timestamp = Long.toString(NOW.getEpochSecond());
        String signature = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY);

        assertThat(WebhookSignature.verify(SECRET, timestamp, BODY + " ", signature, NOW, TOLERANCE))
                .isFalse();
        assertThat(WebhookSignature.verify("other", timestamp, BODY, signature, NOW, TOLERANCE))
                .isFalse();
        assertThat(WebhookSignature.verify(
                        SECRET, timestamp, BODY, signature, NOW.plus(Duration.ofHours(1)), TOLERANCE))
                .as("replayed an hour later")
                .isFalse();
        assertThat(WebhookSignature.verify(
                        SECRET, Long.toString(NOW.getEpochSecond() + 1), BODY, signature, NOW, TOLERANCE))
                .as("timestamp changed")
                .isFalse();
    }
}
