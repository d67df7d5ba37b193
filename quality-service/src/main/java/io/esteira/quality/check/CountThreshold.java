package io.esteira.quality.check;

import io.esteira.contracts.QualityResult.Status;
import java.math.BigDecimal;

/**
 * A count or difference judged against a limit: above {@code failAbove} fails, above {@code warnAbove}
 * (when set, and lower) warns, anything else passes.
 */
public record CountThreshold(double failAbove, Double warnAbove) {

    public CountThreshold {
        if (failAbove < 0) {
            throw new IllegalArgumentException("threshold must be 0 or more, not " + failAbove);
        }
        if (warnAbove != null && (warnAbove < 0 || warnAbove > failAbove)) {
            throw new IllegalArgumentException(
                    "warn-above must be between 0 and threshold (" + plain(failAbove) + "), not " + plain(warnAbove));
        }
    }

    public Status judge(double value) {
        if (value > failAbove) {
            return Status.fail;
        }
        return warnAbove != null && value > warnAbove ? Status.warn : Status.pass;
    }

    /** In words, for {@code audit.dq_result.threshold}: {@code "<= 0"} or {@code "<= 10 (warn above 5)"}. */
    public String describe() {
        return "<= " + plain(failAbove) + (warnAbove == null ? "" : " (warn above " + plain(warnAbove) + ")");
    }

    static String plain(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
}
