package io.esteira.quality.check;

import io.esteira.contracts.QualityResult.Status;
import io.esteira.quality.config.QualityProperties.CheckProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows per day of one fact against the same weekday's history ({@link VolumeRule}, {@link VolumeBand}), for
 * the last {@code windowDays} complete days: day D is complete once D+1 reached {@code completeAfter} in the
 * business zone (the SLA). The value is the largest deviation found (a fraction of the median).
 */
public final class VolumeAnomalyCheck implements Check {

    private static final DateTimeFormatter KEY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String DEFAULT_DATE_COLUMN = "data_sk";

    private final CheckDefinition definition;
    private final Database dw;
    private final Catalog.Table fact;
    private final String dailySql;
    private final String firstDaySql;
    private final VolumeRule rule;
    private final Clock clock;

    private VolumeAnomalyCheck(
            CheckDefinition definition,
            Database dw,
            Catalog.Table fact,
            String dailySql,
            String firstDaySql,
            VolumeRule rule,
            Clock clock) {
        this.definition = definition;
        this.dw = dw;
        this.fact = fact;
        this.dailySql = dailySql;
        this.firstDaySql = firstDaySql;
        this.rule = rule;
        this.clock = clock;
    }

    /** The check as configured, its fact and day column resolved against the DW catalog and its SQL prepared. */
    static VolumeAnomalyCheck create(CheckDefinition definition, CheckProperties p, Database dw, Clock clock) {
        if (p.fact() == null || p.fact().isBlank()) {
            throw new IllegalArgumentException("fact is not set; name the fact table, e.g. fact.fact_vendas.");
        }
        VolumeRule rule = VolumeRule.of(
                p.weeks(), p.windowDays(), p.warnDeviation(), p.errorDeviation(), p.slaDeadline(), p.minRows());
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
                rule,
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
        return rule.lastCompleteDay(clock.instant(), definition.zone());
    }

    @Override
    public Evaluation evaluate() {
        LocalDate last = lastCompleteDay();
        Map<String, Object> range = new HashMap<>();
        range.put("from_key", key(rule.earliest(last)));
        range.put("to_key", key(last));
        Map<Integer, Long> counts = new HashMap<>();
        dw.list(dailySql, range, (rs, n) -> counts.put(rs.getInt("day_key"), rs.getLong("row_count")));
        Long firstKey = dw.query(firstDaySql, Map.of(), rs -> {
            long first = rs.next() ? rs.getLong(1) : 0;
            return rs.wasNull() || first == 0 ? null : first;
        });
        LocalDate firstDay = firstKey == null ? null : LocalDate.parse(Long.toString(firstKey), KEY);
        List<VolumeBand> bands = rule.bands(last, firstDay, day -> counts.getOrDefault(key(day), 0L));
        Status status = rule.judge(bands);
        double worst = rule.worstDeviation(bands);
        List<String> sample = bands.stream().map(rule::describe).toList();
        String message =
                switch (status) {
                    case pass -> VolumeRule.noneJudged(bands)
                            ? "Rows per day of " + fact + " not judged yet: fewer than " + VolumeBand.MIN_HISTORY
                                    + " earlier same weekdays with data."
                            : "Rows per day of " + fact + " are within the same weekday's band or near its median.";
                    default -> "Rows per day of " + fact + " deviate from the same weekday's median by up to "
                            + Math.round(worst * 100) + "% outside its min–max band.";
                };
        return new Evaluation(status, worst, rule.threshold(), sample, message);
    }

    private static int key(LocalDate day) {
        return Integer.parseInt(day.format(KEY));
    }
}
