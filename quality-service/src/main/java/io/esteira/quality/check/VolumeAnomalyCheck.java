package io.esteira.quality.check;

import io.esteira.contracts.QualityResult.Status;
import io.esteira.quality.config.QualityProperties.CheckProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows per day of one fact against the same weekday's history ({@link VolumeBand}), for the last
 * {@code windowDays} complete days: day D is complete once D+1 reached {@code completeAfter} in the
 * business zone (the SLA). The value is the largest deviation found (a fraction of the median).
 */
public final class VolumeAnomalyCheck implements Check {

    private static final DateTimeFormatter KEY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String DEFAULT_DATE_COLUMN = "data_sk";
    private static final int DEFAULT_WEEKS = 8;
    private static final int DEFAULT_WINDOW_DAYS = 1;
    private static final double DEFAULT_WARN = 0.3;
    private static final double DEFAULT_ERROR = 0.6;
    private static final LocalTime DEFAULT_COMPLETE_AFTER = LocalTime.of(8, 0);

    private final CheckDefinition definition;
    private final Database dw;
    private final Catalog.Table fact;
    private final String dailySql;
    private final String firstDaySql;
    private final int weeks;
    private final int windowDays;
    private final double warnDeviation;
    private final double errorDeviation;
    private final LocalTime completeAfter;
    private final Clock clock;

    private VolumeAnomalyCheck(
            CheckDefinition definition,
            Database dw,
            Catalog.Table fact,
            String dailySql,
            String firstDaySql,
            int weeks,
            int windowDays,
            double warnDeviation,
            double errorDeviation,
            LocalTime completeAfter,
            Clock clock) {
        this.definition = definition;
        this.dw = dw;
        this.fact = fact;
        this.dailySql = dailySql;
        this.firstDaySql = firstDaySql;
        this.weeks = weeks;
        this.windowDays = windowDays;
        this.warnDeviation = warnDeviation;
        this.errorDeviation = errorDeviation;
        this.completeAfter = completeAfter;
        this.clock = clock;
    }

    /** The check as configured, its fact and day column resolved against the DW catalog and its SQL prepared. */
    static VolumeAnomalyCheck create(CheckDefinition definition, CheckProperties p, Database dw, Clock clock) {
        if (p.fact() == null || p.fact().isBlank()) {
            throw new IllegalArgumentException("fact is not set; name the fact table, e.g. fact.fact_vendas.");
        }
        int weeks = p.weeks() == null ? DEFAULT_WEEKS : p.weeks();
        if (weeks < VolumeBand.MIN_HISTORY || weeks > 104) {
            throw new IllegalArgumentException(
                    "weeks must be between " + VolumeBand.MIN_HISTORY + " and 104, not " + weeks + ".");
        }
        int windowDays = p.windowDays() == null ? DEFAULT_WINDOW_DAYS : p.windowDays();
        if (windowDays < 1 || windowDays > 31) {
            throw new IllegalArgumentException("window-days must be between 1 and 31, not " + windowDays + ".");
        }
        double warn = p.warnDeviation() == null ? DEFAULT_WARN : p.warnDeviation();
        double error = p.errorDeviation() == null ? DEFAULT_ERROR : p.errorDeviation();
        if (warn <= 0 || error <= 0 || warn > error) {
            throw new IllegalArgumentException("warn-deviation (" + warn + ") and error-deviation (" + error
                    + ") must be positive fractions of the median, warn-deviation not above error-deviation.");
        }
        Catalog catalog = dw.catalog();
        Catalog.Table fact = catalog.table(p.fact(), "fact table");
        String column = catalog.requireColumn(
                fact, p.dateColumn() == null ? DEFAULT_DATE_COLUMN : p.dateColumn(), "date-column");
        Map<String, String> names = Map.of(
                "fact",
                dw.dialect().quoteIdentifier(fact.schema()) + "." + dw.dialect().quoteIdentifier(fact.name()),
                "date_column",
                dw.dialect().quoteIdentifier(column));
        VolumeAnomalyCheck check = new VolumeAnomalyCheck(
                definition,
                dw,
                fact,
                dw.dialect().sql("volume-daily-rows", names),
                dw.dialect().sql("volume-first-day", names),
                weeks,
                windowDays,
                warn,
                error,
                p.slaDeadline() == null ? DEFAULT_COMPLETE_AFTER : p.slaDeadline(),
                clock);
        dw.prepare(check.dailySql);
        dw.prepare(check.firstDaySql);
        return check;
    }

    @Override
    public CheckDefinition definition() {
        return definition;
    }

    /** The newest complete day: yesterday once today reached {@code completeAfter}, else the day before. */
    LocalDate lastCompleteDay() {
        ZonedDateTime now = clock.instant().atZone(definition.zone());
        LocalDate yesterday = now.toLocalDate().minusDays(1);
        return now.toLocalTime().isBefore(completeAfter) ? yesterday.minusDays(1) : yesterday;
    }

    @Override
    public Evaluation evaluate() {
        LocalDate last = lastCompleteDay();
        LocalDate firstJudged = last.minusDays(windowDays - 1L);
        LocalDate from = firstJudged.minusWeeks(weeks);
        Map<String, Object> range = new HashMap<>();
        range.put("from_key", key(from));
        range.put("to_key", key(last));
        Map<Integer, Long> counts = new HashMap<>();
        dw.list(dailySql, range, (rs, n) -> counts.put(rs.getInt("day_key"), rs.getLong("row_count")));
        Long firstKey = dw.query(firstDaySql, Map.of(), rs -> {
            long first = rs.next() ? rs.getLong(1) : 0;
            return rs.wasNull() || first == 0 ? null : first;
        });
        LocalDate firstDay = firstKey == null ? null : LocalDate.parse(Long.toString(firstKey), KEY);
        List<VolumeBand> bands = new ArrayList<>();
        for (LocalDate day = firstJudged; !day.isAfter(last); day = day.plusDays(1)) {
            List<Long> history = new ArrayList<>();
            for (int w = 1; w <= weeks; w++) {
                LocalDate earlier = day.minusWeeks(w);
                if (firstDay != null && !earlier.isBefore(firstDay)) {
                    history.add(counts.getOrDefault(key(earlier), 0L));
                }
            }
            bands.add(new VolumeBand(day, counts.getOrDefault(key(day), 0L), history));
        }
        Status status = Status.pass;
        double worst = 0;
        List<String> sample = new ArrayList<>();
        for (VolumeBand band : bands) {
            Status judged = band.judge(warnDeviation, errorDeviation);
            if (judged.ordinal() > status.ordinal()) {
                status = judged;
            }
            worst = Math.max(worst, band.deviation());
            sample.add(band.describe());
        }
        long unjudged = bands.stream().filter(b -> !b.judged()).count();
        String message =
                switch (status) {
                    case pass -> unjudged == bands.size()
                            ? "Rows per day of " + fact + " not judged yet: fewer than " + VolumeBand.MIN_HISTORY
                                    + " earlier same weekdays with data."
                            : "Rows per day of " + fact + " are within the same weekday's band or near its median.";
                    default -> "Rows per day of " + fact + " deviate from the same weekday's median by up to "
                            + Math.round(worst * 100) + "% outside its min–max band.";
                };
        return new Evaluation(
                status,
                worst,
                "deviation <= " + CountThreshold.plain(errorDeviation) + " (warn above "
                        + CountThreshold.plain(warnDeviation) + ") outside the band",
                sample,
                message);
    }

    private static int key(LocalDate day) {
        return Integer.parseInt(day.format(KEY));
    }
}
