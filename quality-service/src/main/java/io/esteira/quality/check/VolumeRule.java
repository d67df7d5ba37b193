package io.esteira.quality.check;

import io.esteira.contracts.QualityResult.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The anomaly rule of the volume checks ({@code volume-anomaly} per fact, {@code entity-volume} per
 * entity): the last {@code windowDays} complete days, each against the same weekday of the {@code weeks}
 * before it ({@link VolumeBand}); day D is complete once D+1 reached {@code completeAfter} in the business
 * zone. Outside the band, a deviation from the median above {@code warnDeviation} warns and above
 * {@code errorDeviation} fails. A day whose rows and median are both below {@code minRows} passes: a table
 * that changes a few rows a day (regions, categories) is not an anomaly when it changes a few more.
 *
 * @param weeks how many earlier same weekdays make a day's history
 * @param windowDays how many complete days are judged, ending with the newest
 * @param warnDeviation warn above this fraction of the median
 * @param errorDeviation fail above this fraction of the median
 * @param completeAfter the time of D+1 from which day D is complete
 * @param minRows a day whose rows and median are both below it passes (0: every day is judged)
 */
public record VolumeRule(
        int weeks, int windowDays, double warnDeviation, double errorDeviation, LocalTime completeAfter, long minRows) {

    static final int DEFAULT_WEEKS = 8;
    static final int DEFAULT_WINDOW_DAYS = 1;
    static final double DEFAULT_WARN = 0.3;
    static final double DEFAULT_ERROR = 0.6;
    static final LocalTime DEFAULT_COMPLETE_AFTER = LocalTime.of(8, 0);

    /**
     * The rule as configured, defaults for what is absent.
     *
     * @throws IllegalArgumentException naming the property that is out of range
     */
    public static VolumeRule of(
            Integer weeks, Integer windowDays, Double warn, Double error, LocalTime completeAfter, Long minRows) {
        return new VolumeRule(
                weeks == null ? DEFAULT_WEEKS : weeks,
                windowDays == null ? DEFAULT_WINDOW_DAYS : windowDays,
                warn == null ? DEFAULT_WARN : warn,
                error == null ? DEFAULT_ERROR : error,
                completeAfter == null ? DEFAULT_COMPLETE_AFTER : completeAfter,
                minRows == null ? 0 : minRows);
    }

    public VolumeRule {
        if (weeks < VolumeBand.MIN_HISTORY || weeks > 104) {
            throw new IllegalArgumentException(
                    "weeks must be between " + VolumeBand.MIN_HISTORY + " and 104, not " + weeks + ".");
        }
        if (windowDays < 1 || windowDays > 31) {
            throw new IllegalArgumentException("window-days must be between 1 and 31, not " + windowDays + ".");
        }
        if (warnDeviation <= 0 || errorDeviation <= 0 || warnDeviation > errorDeviation) {
            throw new IllegalArgumentException("warn-deviation (" + warnDeviation + ") and error-deviation ("
                    + errorDeviation
                    + ") must be positive fractions of the median, warn-deviation not above error-deviation.");
        }
        if (minRows < 0) {
            throw new IllegalArgumentException("min-rows must be 0 or more, not " + minRows + ".");
        }
    }

    /** The newest complete day: yesterday once today reached {@code completeAfter}, else the day before. */
    LocalDate lastCompleteDay(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate yesterday = local.toLocalDate().minusDays(1);
        return local.toLocalTime().isBefore(completeAfter) ? yesterday.minusDays(1) : yesterday;
    }

    /** The first judged day whose history reaches furthest back. */
    LocalDate firstJudged(LocalDate last) {
        return last.minusDays(windowDays - 1L);
    }

    /** The earliest day any judged day's history needs. */
    LocalDate earliest(LocalDate last) {
        return firstJudged(last).minusWeeks(weeks);
    }

    /**
     * The judged days up to {@code last}, each with its history: the same weekday of the weeks before, from
     * {@code firstDay} on (days before the series began are no history; null: the series has not begun).
     */
    List<VolumeBand> bands(LocalDate last, LocalDate firstDay, ToLongFunction<LocalDate> rowsOf) {
        List<VolumeBand> bands = new ArrayList<>();
        for (LocalDate day = firstJudged(last); !day.isAfter(last); day = day.plusDays(1)) {
            List<Long> history = new ArrayList<>();
            for (int w = 1; w <= weeks; w++) {
                LocalDate earlier = day.minusWeeks(w);
                if (firstDay != null && !earlier.isBefore(firstDay)) {
                    history.add(rowsOf.applyAsLong(earlier));
                }
            }
            bands.add(new VolumeBand(day, rowsOf.applyAsLong(day), history));
        }
        return bands;
    }

    /** The worst judgement among {@code bands}. */
    Status judge(List<VolumeBand> bands) {
        Status status = Status.pass;
        for (VolumeBand band : bands) {
            Status judged = small(band) ? Status.pass : band.judge(warnDeviation, errorDeviation);
            if (judged.ordinal() > status.ordinal()) {
                status = judged;
            }
        }
        return status;
    }

    /** The largest deviation among {@code bands}, days below {@code minRows} aside. */
    double worstDeviation(List<VolumeBand> bands) {
        return bands.stream()
                .filter(b -> !small(b))
                .mapToDouble(VolumeBand::deviation)
                .max()
                .orElse(0);
    }

    /** {@link VolumeBand#describe()}, saying when the day is too small to judge. */
    String describe(VolumeBand band) {
        return band.describe() + (small(band) ? ", below min-rows " + minRows : "");
    }

    /** A judged day whose rows and median are both below {@code minRows}. */
    private boolean small(VolumeBand band) {
        return band.judged() && Math.max(band.rows(), band.median()) < minRows;
    }

    /** Whether no day of {@code bands} had enough history to be judged. */
    static boolean noneJudged(List<VolumeBand> bands) {
        return bands.stream().noneMatch(VolumeBand::judged);
    }

    String threshold() {
        return "deviation <= " + CountThreshold.plain(errorDeviation) + " (warn above "
                + CountThreshold.plain(warnDeviation) + ") outside the band";
    }
}
