package io.esteira.quality.check;

import io.esteira.contracts.QualityResult.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How far the DW is behind the OLTP, per entity, and whether yesterday is complete.
 *
 * <p>Freshness is measured where users read, at the warehouse. The lag of an entity is the age of its
 * oldest committed OLTP change that the loader has not applied: the rows and tombstones after the
 * newest {@code (source_version, key)} of the entity's DW mirror {@code stg.<table>} (a mirror entity's
 * {@code raw.<entity>}; none yet before its first batch: nothing applied), which the loader writes in the
 * same transaction as the dimension and fact rows. A stopped loader, or batches waiting
 * in the queue or the DLQ, therefore show as lag even while the extractor keeps publishing. The
 * extractor's cursor ({@code ctl.etl_control}) is read only to say which side is behind. With nothing
 * pending the lag is 0, however long ago the last change was: the DW is then as fresh as the source.
 * Like dbt's source freshness, a lag above {@code warn-after} warns and above {@code error-after}
 * fails.
 *
 * <p>An entity whose source has no change time (it does not declare {@code updated_at}, e.g. a mirror
 * entity of a table without one) is watched by change order instead: when the check first sees changes
 * pending it records the newest one's change order and the time ({@link PendingSightings}); while any
 * change up to that order is still not applied, the lag is the time since it was first seen. When those are
 * applied and newer ones are pending, a new sighting starts. The lag is then a lower bound, as fine as the
 * check's schedule: a stopped loader still shows as a lag that grows until it fails
 * (docs/adr/0022-entity-volume-and-freshness-without-change-time.md).
 *
 * <p>The business SLA "day D is in the DW by D+1 at the deadline (08:00) in the business zone" fails
 * when, past the latest deadline, a change made before the end of its day D is still pending.
 *
 * <p>Each entity is judged on its own ({@link Evaluation#entities()}): it fails above {@code error-after}
 * or with a change of a closed day pending, warns above {@code warn-after}; the check's status is the
 * worst of them. Each late entity raises its own alert, labelled with its entity.
 */
public final class FreshnessCheck implements Check {

    /**
     * One watched entity.
     *
     * @param entity the catalog entity, e.g. {@code orders}
     * @param tableName the name its hard deletes carry in {@code core.deleted_rows.table_name}
     * @param sql the pending-changes statement on the OLTP, identifiers filled in
     * @param appliedSql the statement on the DW that reads the newest applied version and key of the
     *     entity's mirror, identifiers filled in
     * @param awaitedTable the DW table {@code appliedSql} reads when it may not exist yet: a mirror entity's
     *     {@code raw.<entity>}, which the loader creates with the entity's first batch; until it exists the
     *     loader has applied nothing of the entity. Null for an entity of the star, whose mirror a migration
     *     creates.
     * @param timed whether the source has a change time: {@code sql} is {@code freshness-pending}; else it is
     *     {@code freshness-pending-untimed} and the lag is measured from when the check first saw the changes
     */
    public record Target(
            String entity, String tableName, String sql, String appliedSql, String awaitedTable, boolean timed) {}

    private final CheckDefinition definition;
    private final Database oltp;
    private final Database dw;
    private final List<Target> targets;
    private final Duration warnAfter;
    private final Duration errorAfter;
    private final LocalTime slaDeadline;
    private final int sampleSize;
    private final PendingSightings sightings;
    private final Clock clock;

    public FreshnessCheck(
            CheckDefinition definition,
            Database oltp,
            Database dw,
            List<Target> targets,
            Duration warnAfter,
            Duration errorAfter,
            LocalTime slaDeadline,
            int sampleSize,
            PendingSightings sightings,
            Clock clock) {
        this.definition = definition;
        this.oltp = oltp;
        this.dw = dw;
        this.targets = List.copyOf(targets);
        this.warnAfter = warnAfter;
        this.errorAfter = errorAfter;
        this.slaDeadline = slaDeadline;
        this.sampleSize = sampleSize;
        this.sightings = sightings;
        this.clock = clock;
    }

    @Override
    public CheckDefinition definition() {
        return definition;
    }

    /** The entities watched, in configuration order; each is judged, and alerts, on its own. */
    @Override
    public List<String> entities() {
        return targets.stream().map(Target::entity).toList();
    }

    /** Every statement the check runs, as (database, sql), for start-up validation. */
    public List<Map.Entry<Database, String>> statements() {
        List<Map.Entry<Database, String>> statements = new ArrayList<>();
        statements.add(Map.entry(dw, dw.dialect().sql("freshness-control")));
        targets.forEach(t -> {
            if (landed(t)) {
                statements.add(Map.entry(dw, t.appliedSql()));
            }
            statements.add(Map.entry(oltp, t.sql()));
        });
        return statements;
    }

    /**
     * The end of the latest day that must be complete: past today's deadline that is yesterday's end
     * (today 00:00 in {@code zone}); before it, the day before yesterday's.
     */
    static Instant slaCutoff(Instant now, ZoneId zone, LocalTime deadline) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate mustBeComplete = local.toLocalTime().isBefore(deadline)
                ? local.toLocalDate().minusDays(2)
                : local.toLocalDate().minusDays(1);
        return mustBeComplete.plusDays(1).atStartOfDay(zone).toInstant();
    }

    @Override
    public Evaluation evaluate() {
        Instant now = clock.instant();
        Instant cutoff = slaDeadline == null ? null : slaCutoff(now, definition.zone(), slaDeadline);
        Duration worst = Duration.ZERO;
        long overdueTotal = 0;
        List<String> sample = new ArrayList<>();
        List<String> late = new ArrayList<>();
        List<EntityResult> judged = new ArrayList<>();
        for (Target target : targets) {
            Applied applied = landed(target)
                    ? dw.query(target.appliedSql(), Map.of("entity", target.entity()), Applied::of)
                    : Applied.NOTHING;
            Control control = dw.query(
                    dw.dialect().sql("freshness-control"),
                    Map.of("entity", target.entity()),
                    rs -> rs.next() ? Control.of(rs) : null);
            Pending pending = target.timed()
                    ? oltp.query(target.sql(), pendingParameters(target, applied, cutoff), Pending::of)
                    : untimed(target, applied, cutoff, now);
            Duration lag = pending.oldest() == null
                    ? Duration.ZERO
                    : positive(Duration.between(pending.oldest().toInstant(ZoneOffset.UTC), now));
            if (lag.compareTo(worst) > 0) {
                worst = lag;
            }
            overdueTotal += pending.overdue();
            Status status = judge(lag, pending.overdue());
            String found;
            if (pending.count() > 0 && (lag.compareTo(warnAfter) > 0 || pending.overdue() > 0)) {
                late.add(target.entity());
                found = pending.count() + " change(s) not in the DW, "
                        + (pending.timed() ? "oldest " : "first seen pending ") + pending.oldest() + " UTC (lag " + lag
                        + (pending.timed() ? ")" : "; " + target.tableName() + " has no change time)")
                        + (pending.overdue() > 0
                                ? ", " + pending.overdue() + " made before the SLA cutoff " + cutoff
                                : "")
                        + "; " + applied.describe() + "; " + describe(control, applied);
                if (sample.size() < sampleSize) {
                    sample.add(target.entity() + ": " + found);
                }
            } else {
                found = "fresh, lag " + lag
                        + (pending.count() > 0 ? " (" + pending.count() + " change(s) in flight)" : "") + ".";
            }
            judged.add(new EntityResult(target.entity(), status, (double) lag.toSeconds(), found));
        }
        Status status = worst.compareTo(errorAfter) > 0 || overdueTotal > 0
                ? Status.fail
                : worst.compareTo(warnAfter) > 0 ? Status.warn : Status.pass;
        String message = status == Status.pass
                ? "DW is fresh for " + String.join(", ", entities()) + ": lag " + worst + "."
                : "DW is behind for " + String.join(", ", late) + ": worst lag " + worst
                        + (overdueTotal > 0 ? ", " + overdueTotal + " change(s) of a closed day missed the SLA" : "")
                        + ".";
        return new Evaluation(status, (double) worst.toSeconds(), threshold(), sample, message, List.of(), judged);
    }

    /**
     * The pending changes of an entity without a change time, aged from when the check first saw them: the
     * sighting is read, replaced or removed ({@link PendingSightings.Sighting#next}); changes of a sighting made
     * before the SLA cutoff and still pending are overdue.
     */
    private Pending untimed(Target target, Applied applied, Instant cutoff, Instant now) {
        PendingSightings.Sighting current =
                sightings.find(definition.id(), target.entity()).orElse(null);
        Map<String, Object> parameters = new HashMap<>(pendingParameters(target, applied, cutoff));
        parameters.put("seen_version", current == null ? 0L : current.version());
        long[] found = oltp.query(
                target.sql(),
                parameters,
                rs -> rs.next()
                        ? new long[] {rs.getLong("pending"), rs.getLong("newest_version"), rs.getLong("seen")}
                        : new long[3]);
        PendingSightings.Sighting next = PendingSightings.Sighting.next(current, found[0], found[2], found[1], now);
        if (!Objects.equals(next, current)) {
            sightings.record(definition.id(), target.entity(), next);
        }
        if (next == null) {
            return new Pending(0, null, 0, false);
        }
        long overdue = cutoff != null && next.firstSeenAt().isBefore(cutoff) ? found[2] : 0;
        return new Pending(found[0], LocalDateTime.ofInstant(next.firstSeenAt(), ZoneOffset.UTC), overdue, false);
    }

    /** Whether the DW table the target's applied point is read from exists (a mirror's, once the loader made it). */
    private boolean landed(Target target) {
        return target.awaitedTable() == null
                || dw.catalog().find(target.awaitedTable()).isPresent();
    }

    /** One entity: fail above {@code error-after} or with a change of a closed day pending, warn above {@code warn-after}. */
    private Status judge(Duration lag, long overdue) {
        if (lag.compareTo(errorAfter) > 0 || overdue > 0) {
            return Status.fail;
        }
        return lag.compareTo(warnAfter) > 0 ? Status.warn : Status.pass;
    }

    private String threshold() {
        return "lag warn after " + warnAfter + ", error after " + errorAfter
                + (slaDeadline == null
                        ? ""
                        : "; day D complete by D+1 " + slaDeadline + " "
                                + definition.zone().getId());
    }

    /** Which side is behind: the extractor (its cursor is before what is pending) or the loader. */
    private static String describe(Control control, Applied applied) {
        if (control == null) {
            return "ctl.etl_control has no row for the entity: the extractor has never run for it";
        }
        String cursor = "extractor cursor " + control.version() + "/" + control.key() + ", last success "
                + (control.lastSuccessAt() == null ? "never" : control.lastSuccessAt() + " UTC")
                + (control.enabled() ? "" : ", extraction disabled in ctl.etl_control");
        boolean extractorAhead = control.version() > applied.version()
                || (control.version() == applied.version() && control.key() > applied.key());
        return cursor
                + (extractorAhead
                        ? "; the extractor has published past it: look at the loader and the DLQ"
                        : "; the extractor has not published the changes: look at the extractor");
    }

    private static Map<String, Object> pendingParameters(Target target, Applied applied, Instant cutoff) {
        LocalDateTime slaCutoff =
                cutoff == null ? LocalDateTime.of(1900, 1, 1, 0, 0) : LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        return Map.of(
                "watermark_version", applied.version(),
                "watermark_key", applied.key(),
                "table_name", target.tableName(),
                "sla_cutoff", slaCutoff);
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private record Control(boolean enabled, long version, long key, LocalDateTime lastSuccessAt) {
        static Control of(ResultSet rs) throws SQLException {
            return new Control(
                    rs.getBoolean("enabled"),
                    rs.getLong("watermark_version"),
                    rs.getLong("watermark_key"),
                    rs.getObject("last_success_at", LocalDateTime.class));
        }
    }

    /** The newest version and key the loader has applied to the mirror; 0/0 when it has applied nothing. */
    private record Applied(boolean any, long version, long key, LocalDateTime lastAppliedAt) {
        static final Applied NOTHING = new Applied(false, 0, 0, null);

        static Applied of(ResultSet rs) throws SQLException {
            if (!rs.next()) {
                return NOTHING;
            }
            long version = rs.getLong("applied_version");
            if (rs.wasNull()) {
                return new Applied(false, 0, 0, rs.getObject("last_applied_at", LocalDateTime.class));
            }
            return new Applied(
                    true, version, rs.getLong("applied_key"), rs.getObject("last_applied_at", LocalDateTime.class));
        }

        String describe() {
            return (any ? "the loader has applied up to " + version + "/" + key : "the loader has applied nothing")
                    + ", last batch applied "
                    + (lastAppliedAt == null ? "never" : lastAppliedAt + " UTC");
        }
    }

    /**
     * What the DW lacks of one entity: how many changes, the oldest one's change time (for an entity without
     * one, {@code timed} false: when the check first saw them pending), how many are overdue.
     */
    private record Pending(long count, LocalDateTime oldest, long overdue, boolean timed) {
        static Pending of(ResultSet rs) throws SQLException {
            if (!rs.next()) {
                return new Pending(0, null, 0, true);
            }
            return new Pending(
                    rs.getLong("pending"), rs.getObject("oldest", LocalDateTime.class), rs.getLong("overdue"), true);
        }
    }
}
