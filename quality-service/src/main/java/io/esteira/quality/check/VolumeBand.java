package io.esteira.quality.check;

import io.esteira.contracts.QualityResult.Status;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One day's row count judged against the same weekday of the weeks before it: their median, and the
 * band between their smallest and largest count. A day inside the band is normal, however far from the
 * median; outside it, its deviation from the median (a fraction of the median) above {@code
 * errorDeviation} fails and above {@code warnDeviation} warns.
 *
 * @param day the judged day
 * @param rows its row count
 * @param history the counts of the same weekday in the weeks before (only weeks the fact already had)
 */
public record VolumeBand(LocalDate day, long rows, List<Long> history) {

    /** A day with fewer earlier same weekdays than this is not judged. */
    public static final int MIN_HISTORY = 3;

    public VolumeBand {
        history = List.copyOf(history);
    }

    public boolean judged() {
        return history.size() >= MIN_HISTORY;
    }

    public double median() {
        List<Long> sorted = new ArrayList<>(history);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    public long min() {
        return history.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    public long max() {
        return history.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** |rows − median| / median (a median of 0 counts as 1); 0 inside the band or when not judged. */
    public double deviation() {
        if (!judged() || rows >= min() && rows <= max()) {
            return 0;
        }
        return Math.abs(rows - median()) / Math.max(median(), 1);
    }

    public Status judge(double warnDeviation, double errorDeviation) {
        double deviation = deviation();
        if (deviation > errorDeviation) {
            return Status.fail;
        }
        return deviation > warnDeviation ? Status.warn : Status.pass;
    }

    /** {@code 2026-11-20 (Fri): 2 rows, median 10 of 8 Fridays (band 9–11), -80%}. */
    public String describe() {
        String weekday = day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        if (!judged()) {
            return day + " (" + weekday + "): " + rows + " rows, not judged (" + history.size() + " earlier " + weekday
                    + " with data, " + MIN_HISTORY + " needed)";
        }
        long percent = Math.round((rows - median()) / Math.max(median(), 1) * 100);
        return day + " (" + weekday + "): " + rows + " rows, median " + CountThreshold.plain(median()) + " of "
                + history.size() + " earlier " + weekday + " (band " + min() + "–" + max() + "), "
                + (percent > 0 ? "+" : "") + percent + "%";
    }
}
