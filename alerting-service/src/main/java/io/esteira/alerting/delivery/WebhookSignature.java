package io.esteira.alerting.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a webhook receiver checks: {@code sha256=} and the hex HMAC-SHA256, keyed with the
 * receiver's secret, of {@code timestamp + "." + body}, where timestamp is the epoch second sent in
 * the timestamp header. Signing the timestamp lets the receiver refuse a replayed request: it checks
 * the signature and that the timestamp is recent.
 */
public final class WebhookSignature {

    public static final String PREFIX = "sha256=";

    private WebhookSignature() {}

    public static String sign(String secret, long epochSecond, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((epochSecond + "." + body).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }

    /**
     * What a receiver does: true when the signature matches the body and timestamp, and the timestamp
     * is within {@code tolerance} of {@code now}.
     */
    public static boolean verify(
            String secret,
            String timestampHeader,
            String body,
            String signatureHeader,
            Instant now,
            Duration tolerance) {
        if (timestampHeader == null || signatureHeader == null) {
            return false;
        }
        long epochSecond;
        try {
            epochSecond = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - epochSecond) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, epochSecond, body).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(StandardCharsets.UTF_8));
    }
}
