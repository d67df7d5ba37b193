package io.esteira.quality.check;

import io.esteira.contracts.QualityResult.Status;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OLTP's columns against the entity catalog (the contract) and the DW mirror ({@code stg.<table>}; a
 * mirror entity's {@code raw.<entity>}, once the loader has created it with the entity's first batch):
 * a column the catalog does not list is added (warning, the DW does not carry it); a catalog column the
 * OLTP lacks is dropped, one whose OLTP type no longer fits the mirror's is retyped (both critical: the
 * loader cannot carry it). A change of type or nullability since the check first looked (after the
 * service started) is reported too: critical on a contract column, a warning on another. The value is
 * the number of findings. Each entity is judged on its own ({@link Evaluation#entities()}: fail with a
 * critical finding, warn with another) and raises its own alert, labelled with its entity. A mirror entity
 * declared without columns carries every column of its table: it is compared with its {@code raw.<entity>}
 * alone, where a new source column is a warning (the loader adds it) and a dropped or retyped one critical.
 */
public final class SchemaDriftCheck implements Check {

    /**
     * One watched entity.
     *
     * @param entity its catalog entry (the contract's columns)
     * @param table its OLTP table, as stored
     * @param mirror its DW mirror, as stored; null for a mirror entity, whose {@code raw.<entity>} the loader
     *     creates with its first batch and the check looks up each time ({@code landing})
     * @param landing the DW mirror's name, {@code schema.table}
     * @param carriesAll a mirror entity declared without columns, which carries every column of its table: its
     *     contract is what {@code raw.<entity>} holds, and a source column it lacks is added with the next batch
     */
    public record Target(
            EntityDefinition entity, Catalog.Table table, Catalog.Table mirror, String landing, boolean carriesAll) {}

    /** The bookkeeping columns of {@code raw.<entity>}, which are no source column's. */
    private static final Set<String> RAW_BOOKKEEPING = Set.of("source_version", "source_deleted", "loaded_at");

    private record Finding(boolean critical, String text) {}

    private final CheckDefinition definition;
    private final Database oltp;
    private final Database dw;
    private final List<Target> targets;
    /** The OLTP columns as first seen, by {@code table.column}: the baseline of type and nullability changes. */
    private final Map<String, ColumnShape> firstSeen = new ConcurrentHashMap<>();

    public SchemaDriftCheck(CheckDefinition definition, Database oltp, Database dw, List<Target> targets) {
        this.definition = definition;
        this.oltp = oltp;
        this.dw = dw;
        this.targets = List.copyOf(targets);
    }

    /**
     * The check of {@code entities} (every catalog entity when empty), with each OLTP table and DW mirror
     * resolved against its catalog.
     */
    static SchemaDriftCheck create(
            CheckDefinition definition, List<String> entities, EntityCatalog catalog, Database oltp, Database dw) {
        // Mirror entities included: their raw.<entity> is created by the loader with their first batch, so it
        // is looked up at each run; before it exists only the OLTP is compared with the catalog.
        List<EntityDefinition> watched = entities.isEmpty()
                ? catalog.loadOrder()
                : entities.stream().map(catalog::get).toList();
        List<Target> targets = new ArrayList<>();
        for (EntityDefinition entity : watched) {
            String landing = catalog.landingTable(entity.name());
            targets.add(new Target(
                    entity,
                    oltp.catalog().table(entity.source().table(), "table of entity " + entity.name()),
                    catalog.isMirror(entity.name())
                            ? null
                            : dw.catalog().table(landing, "DW mirror of entity " + entity.name()),
                    landing,
                    catalog.carriesAllColumns(entity.name())));
        }
        return new SchemaDriftCheck(definition, oltp, dw, targets);
    }

    @Override
    public CheckDefinition definition() {
        return definition;
    }

    @Override
    public Evaluation evaluate() {
        List<Finding> findings = new ArrayList<>();
        List<EntityResult> judged = new ArrayList<>();
        for (Target target : targets) {
            List<Finding> found = compare(target);
            findings.addAll(found);
            judged.add(judge(target, found));
        }
        long critical = findings.stream().filter(Finding::critical).count();
        long warnings = findings.size() - critical;
        List<String> sample = new ArrayList<>();
        findings.stream().filter(Finding::critical).forEach(f -> sample.add(f.text()));
        findings.stream().filter(f -> !f.critical()).forEach(f -> sample.add(f.text()));
        Status status = critical > 0 ? Status.fail : warnings > 0 ? Status.warn : Status.pass;
        String message = findings.isEmpty()
                ? "The OLTP columns of " + targets.size() + " entities match the entity catalog and the DW mirror."
                : critical + " critical change(s) (a contract column dropped or retyped) and " + warnings
                        + " warning(s) (columns added or changed outside the contract) in the OLTP schema.";
        return new Evaluation(
                status,
                (double) findings.size(),
                "no contract column dropped or retyped (other changes warn)",
                sample,
                message,
                List.of(),
                judged);
    }

    /** The entity's own status: fail with a critical finding, warn with another, pass with none. */
    private static EntityResult judge(Target target, List<Finding> found) {
        boolean critical = found.stream().anyMatch(Finding::critical);
        Status status = critical ? Status.fail : found.isEmpty() ? Status.pass : Status.warn;
        List<String> texts = new ArrayList<>();
        found.stream().filter(Finding::critical).forEach(f -> texts.add(f.text()));
        found.stream().filter(f -> !f.critical()).forEach(f -> texts.add(f.text()));
        return new EntityResult(
                target.entity().name(),
                status,
                (double) found.size(),
                found.isEmpty()
                        ? "the OLTP columns of " + target.table() + " match the entity catalog and the DW mirror."
                        : String.join("; ", texts));
    }

    /** The entities compared, in configuration (or catalog load) order; each is judged, and alerts, on its own. */
    @Override
    public List<String> entities() {
        return targets.stream().map(t -> t.entity().name()).toList();
    }

    private static String sourceName(Target target, String column) {
        return target.entity().source().column(column).toLowerCase(Locale.ROOT);
    }

    /** The target's DW mirror, or null while a mirror entity's raw table does not exist yet. */
    private Catalog.Table mirror(Target target) {
        if (target.mirror() != null) {
            return target.mirror();
        }
        return dw.catalog().find(target.landing()).orElse(null);
    }

    private List<Finding> compare(Target target) {
        Map<String, ColumnShape> source = ColumnShape.read(oltp.dataSource(), target.table(), oltp.role());
        Catalog.Table mirrorTable = mirror(target);
        Map<String, ColumnShape> mirror =
                mirrorTable == null ? null : ColumnShape.read(dw.dataSource(), mirrorTable, dw.role());
        if (target.carriesAll()) {
            return compareCarried(target, source, mirrorTable, mirror);
        }
        // the OLTP's columns by the source's names (the entity's mapping), the mirror's by the contract's
        Set<String> contract = new HashSet<>();
        target.entity().columns().forEach(c -> contract.add(sourceName(target, c)));
        List<Finding> findings = new ArrayList<>();
        String table = target.table().toString();
        for (String column : target.entity().columns()) {
            String name = sourceName(target, column);
            ColumnShape shape = source.get(name);
            ColumnShape stored = mirror == null ? null : mirror.get(column.toLowerCase(Locale.ROOT));
            if (shape == null) {
                findings.add(new Finding(
                        true,
                        "dropped: " + table + "." + name + " is used by the contract (entity "
                                + target.entity().name() + ") and no longer exists in the OLTP"));
            } else if (mirror == null) {
                continue; // a mirror entity before its first batch: no DW side to compare with yet
            } else if (stored == null) {
                findings.add(new Finding(
                        true,
                        "retyped: " + table + "." + name + " (" + shape.type() + ") has no column in the DW mirror "
                                + mirrorTable + "; migrate the DW"));
            } else if (!shape.fitsInto(stored)) {
                findings.add(new Finding(
                        true,
                        "retyped: " + table + "." + name + " is " + shape.type() + " in the OLTP, " + stored.type()
                                + " in the DW mirror " + mirrorTable + "; its values do not fit"));
            }
        }
        for (Map.Entry<String, ColumnShape> column : source.entrySet()) {
            String name = column.getKey();
            ColumnShape shape = column.getValue();
            if (!contract.contains(name)
                    && !name.equalsIgnoreCase(target.entity().changeOrderColumn())) {
                findings.add(new Finding(
                        false,
                        "added: " + table + "." + name + " (" + shape
                                + ") is not in the entity catalog; the DW does not" + " carry it"));
            }
            ColumnShape first = firstSeen.putIfAbsent(table + "." + name, shape);
            if (first != null && !first.equals(shape)) {
                String what = first.sameType(shape) ? "nullability changed" : "type changed";
                findings.add(new Finding(
                        contract.contains(name),
                        what + ": " + table + "." + name + " was " + first + ", is " + shape
                                + (contract.contains(name) ? " (used by the contract)" : "")));
            }
        }
        return findings;
    }

    /**
     * An entity that carries every column of its table, against what {@code raw.<entity>} holds (nothing
     * before its first batch): a source column the mirror lacks is added (warning: the loader adds it with
     * the entity's next batch); a mirror column the source lacks is dropped, one whose values no longer fit is
     * retyped (critical: the loader refuses the entity's batches until an operator acts).
     */
    private List<Finding> compareCarried(
            Target target,
            Map<String, ColumnShape> source,
            Catalog.Table mirrorTable,
            Map<String, ColumnShape> mirror) {
        List<Finding> findings = new ArrayList<>();
        String table = target.table().toString();
        String about = " (entity " + target.entity().name() + ")";
        if (mirror != null) {
            for (Map.Entry<String, ColumnShape> stored : mirror.entrySet()) {
                String name = stored.getKey();
                if (RAW_BOOKKEEPING.contains(name)) {
                    continue;
                }
                ColumnShape shape = source.get(name);
                if (shape == null) {
                    findings.add(new Finding(
                            true,
                            "dropped: " + table + "." + name + about + " is in the DW mirror " + mirrorTable
                                    + " and no longer exists in the OLTP; the loader refuses the entity's batches"
                                    + " (docs/runbook.md, Mirror drift)"));
                } else if (!shape.fitsInto(stored.getValue())) {
                    findings.add(new Finding(
                            true,
                            "retyped: " + table + "." + name + about + " is " + shape.type() + " in the OLTP, "
                                    + stored.getValue().type() + " in the DW mirror " + mirrorTable
                                    + "; its values do not fit"));
                }
            }
        }
        for (Map.Entry<String, ColumnShape> column : source.entrySet()) {
            String name = column.getKey();
            ColumnShape shape = column.getValue();
            if (mirror != null
                    && !mirror.containsKey(name)
                    && !name.equalsIgnoreCase(target.entity().source().changeOrderColumn())) {
                findings.add(new Finding(
                        false,
                        "added: " + table + "." + name + " (" + shape + ")" + about + " is not in the DW mirror "
                                + mirrorTable + " yet; the loader adds it with the entity's next batch"));
            }
            ColumnShape first = firstSeen.putIfAbsent(table + "." + name, shape);
            if (first != null && !first.equals(shape)) {
                String what = first.sameType(shape) ? "nullability changed" : "type changed";
                findings.add(new Finding(
                        !first.sameType(shape),
                        what + ": " + table + "." + name + " was " + first + ", is " + shape + about));
            }
        }
        return findings;
    }
}
