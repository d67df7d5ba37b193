package io.esteira.quality.check;

import io.esteira.contracts.QualityResult.Status;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.quality.config.QualityProperties.CheckProperties;
import io.esteira.quality.config.QualityProperties.EntityVolume;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows landed per day of every declared entity, star and mirror entities alike, each against the same
 * weekday's history ({@link VolumeRule}): the series is what the loader applied of the entity per day in
 * the business zone, read from its own bookkeeping ({@code ctl.applied_batch}, replays left out), so it
 * needs nothing of the entity's tables and covers an entity the moment it is declared
 * (docs/adr/0022-entity-volume-and-freshness-without-change-time.md). Each entity is judged, and alerts,
 * on its own; per entity an operator may change the rule or leave the entity out ({@code per-entity}).
 * The value is the largest deviation found (a fraction of the median).
 */
public final class EntityVolumeCheck implements Check {

    /** One watched entity and the rule it is judged by. */
    record Target(String entity, VolumeRule rule) {}

    private final CheckDefinition definition;
    private final Database dw;
    private final List<Target> targets;
    private final String threshold;
    private final Clock clock;

    private EntityVolumeCheck(
            CheckDefinition definition, Database dw, List<Target> targets, String threshold, Clock clock) {
        this.definition = definition;
        this.dw = dw;
        this.targets = List.copyOf(targets);
        this.threshold = threshold;
        this.clock = clock;
    }

    /**
     * The check as configured: without {@code entities}, every entity of the catalog; {@code per-entity}
     * names only catalog entities.
     */
    static EntityVolumeCheck create(
            CheckDefinition definition, CheckProperties p, EntityCatalog entities, Database dw, Clock clock) {
        VolumeRule rule = VolumeRule.of(
                p.weeks(), p.windowDays(), p.warnDeviation(), p.errorDeviation(), p.slaDeadline(), p.minRows());
        p.perEntity().keySet().forEach(name -> {
            if (!entities.contains(name)) {
                throw new IllegalArgumentException("per-entity." + name + " names no declared entity; use one of: "
                        + String.join(", ", entities.names()) + ".");
            }
        });
        List<EntityDefinition> watched = p.entities().isEmpty()
                ? entities.loadOrder()
                : p.entities().stream().map(entities::get).toList();
        List<Target> targets = new ArrayList<>();
        List<String> overridden = new ArrayList<>();
        for (EntityDefinition entity : watched) {
            EntityVolume own = p.perEntity().get(entity.name());
            if (own == null) {
                targets.add(new Target(entity.name(), rule));
            } else if (own.enabled()) {
                targets.add(new Target(entity.name(), override(rule, own, entity.name())));
                overridden.add(entity.name());
            }
        }
        dw.catalog().table("ctl.applied_batch", "applied-batch table");
        EntityVolumeCheck check = new EntityVolumeCheck(
                definition,
                dw,
                targets,
                rule.threshold() + (overridden.isEmpty() ? "" : "; own rule for " + String.join(", ", overridden)),
                clock);
        dw.prepare(dw.dialect().sql("volume-entity-rows"));
        dw.prepare(dw.dialect().sql("volume-entity-first"));
        return check;
    }

    private static VolumeRule override(VolumeRule rule, EntityVolume own, String entity) {
        try {
            return new VolumeRule(
                    own.weeks() == null ? rule.weeks() : own.weeks(),
                    rule.windowDays(),
                    own.warnDeviation() == null ? rule.warnDeviation() : own.warnDeviation(),
                    own.errorDeviation() == null ? rule.errorDeviation() : own.errorDeviation(),
                    rule.completeAfter(),
                    own.minRows() == null ? rule.minRows() : own.minRows());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("per-entity." + entity + ": " + e.getMessage());
        }
    }

    @Override
    public CheckDefinition definition() {
        return definition;
    }

    /** The entities watched, in load order; each is judged, and alerts, on its own. */
    @Override
    public List<String> entities() {
        return targets.stream().map(Target::entity).toList();
    }

    @Override
    public Evaluation evaluate() {
        Instant now = clock.instant();
        Status status = Status.pass;
        double worst = 0;
        List<String> sample = new ArrayList<>();
        List<String> off = new ArrayList<>();
        List<EntityResult> judged = new ArrayList<>();
        for (Target target : targets) {
            List<VolumeBand> bands = bands(target, now);
            Status entityStatus = target.rule().judge(bands);
            double deviation = target.rule().worstDeviation(bands);
            String found = (VolumeRule.noneJudged(bands) ? "not judged yet; " : "rows landed per day: ")
                    + String.join(
                            "; ", bands.stream().map(target.rule()::describe).toList());
            if (entityStatus != Status.pass) {
                off.add(target.entity());
                sample.add(target.entity() + ": " + found);
            }
            if (entityStatus.ordinal() > status.ordinal()) {
                status = entityStatus;
            }
            worst = Math.max(worst, deviation);
            judged.add(new EntityResult(target.entity(), entityStatus, deviation, found));
        }
        String message = status == Status.pass
                ? "Rows landed per day are within the same weekday's band or near its median for "
                        + String.join(", ", entities()) + "."
                : "Rows landed per day of " + String.join(", ", off)
                        + " deviate from the same weekday's median by up to " + Math.round(worst * 100)
                        + "% outside its min–max band.";
        return new Evaluation(status, worst, threshold, sample, message, List.of(), judged);
    }

    /** The judged days of one entity, each day's rows summed between its midnights in the business zone. */
    private List<VolumeBand> bands(Target target, Instant now) {
        VolumeRule rule = target.rule();
        LocalDate last = rule.lastCompleteDay(now, definition.zone());
        LocalDateTime firstApplied = dw.query(
                dw.dialect().sql("volume-entity-first"),
                Map.of("entity", target.entity()),
                rs -> rs.next() ? rs.getObject("first_applied_at", LocalDateTime.class) : null);
        LocalDate firstDay = firstApplied == null
                ? null
                : firstApplied
                        .atOffset(ZoneOffset.UTC)
                        .atZoneSameInstant(definition.zone())
                        .toLocalDate();
        Map<LocalDate, Long> rows = new HashMap<>();
        String sql = dw.dialect().sql("volume-entity-rows");
        return rule.bands(
                last,
                firstDay,
                day -> rows.computeIfAbsent(day, d -> {
                    if (firstDay == null || d.isBefore(firstDay)) {
                        return 0L;
                    }
                    return dw.count(
                            sql, Map.of("entity", target.entity(), "from_at", utc(d), "to_at", utc(d.plusDays(1))));
                }));
    }

    private LocalDateTime utc(LocalDate day) {
        return LocalDateTime.ofInstant(day.atStartOfDay(definition.zone()).toInstant(), ZoneOffset.UTC);
    }
}
