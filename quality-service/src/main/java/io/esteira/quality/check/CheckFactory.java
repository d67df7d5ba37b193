package io.esteira.quality.check;

import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.Identifiers;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.catalog.SourceMapping;
import io.esteira.contracts.dialect.SqlDialect;
import io.esteira.quality.config.QualityProperties.CheckProperties;
import io.esteira.quality.config.QualityProperties.DimensionKey;
import io.esteira.quality.config.QualityProperties.ReplayTarget;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * Turns configured checks into runnable {@link Check}s and refuses, naming the check, every one that
 * could not run: unknown kind, bad cron, missing fields, tables or columns that do not exist, SQL that
 * does not prepare. All problems are collected and reported together.
 */
public final class CheckFactory {

    static final String PREFIX = "esteira.quality.checks.";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,98}");
    private static final Duration DEFAULT_INFERRED_TOLERANCE = Duration.ofHours(24);
    private static final Duration DEFAULT_WARN_AFTER = Duration.ofMinutes(30);
    private static final Duration DEFAULT_ERROR_AFTER = Duration.ofHours(2);
    private static final int DEFAULT_WINDOW_DAYS = 7;
    private static final String CHANGE_TIME_COLUMN = "updated_at";

    private final Database oltp;
    private final Database dw;
    private final EntityCatalog entities;
    private final ZoneId zone;
    private final int sampleSize;
    private final PendingSightings sightings;
    private final Clock clock;

    /** A factory whose freshness checks record their sightings with the DW's own login ({@code dw}). */
    public CheckFactory(Database oltp, Database dw, EntityCatalog entities, ZoneId zone, int sampleSize, Clock clock) {
        this(oltp, dw, entities, zone, sampleSize, new PendingSightings(dw.dataSource(), dw.dialect()), clock);
    }

    /**
     * @param sightings where freshness records when it first saw changes of an entity without a change time
     *     pending (written with the DW login results are written with)
     */
    public CheckFactory(
            Database oltp,
            Database dw,
            EntityCatalog entities,
            ZoneId zone,
            int sampleSize,
            PendingSightings sightings,
            Clock clock) {
        this.oltp = oltp;
        this.dw = dw;
        this.entities = entities;
        this.zone = zone;
        this.sampleSize = sampleSize;
        this.sightings = sightings;
        this.clock = clock;
    }

    /**
     * The enabled checks, by id.
     *
     * @throws CheckConfigurationException listing every check that cannot run
     */
    public Map<String, Check> createAll(Map<String, CheckProperties> configured) {
        Map<String, Check> checks = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        configured.forEach((id, properties) -> {
            if (properties == null || !properties.enabled()) {
                return;
            }
            try {
                checks.put(id, create(id, properties));
            } catch (RuntimeException e) {
                problems.add(problem(id, e));
            }
        });
        if (!problems.isEmpty()) {
            throw new CheckConfigurationException(problems);
        }
        return checks;
    }

    /**
     * One check, validated against the databases.
     *
     * @throws CheckConfigurationException naming the check
     */
    public Check createOne(String id, CheckProperties properties) {
        try {
            return create(id, properties);
        } catch (RuntimeException e) {
            throw new CheckConfigurationException(List.of(problem(id, e)));
        }
    }

    private static String problem(String id, RuntimeException e) {
        return "Check '" + id + "' (" + PREFIX + id + "): " + e.getMessage();
    }

    private Check create(String id, CheckProperties p) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "the id is not lower-case kebab-case (letters, digits, '-', at most 99);" + " rename the check.");
        }
        if (p.kind() == null || p.kind().isBlank()) {
            throw new IllegalArgumentException("kind is not set; use one of: " + CheckKind.names() + ".");
        }
        CheckKind kind = CheckKind.of(p.kind())
                .orElseThrow(() -> new IllegalArgumentException(
                        "kind '" + p.kind() + "' is unknown; use one of: " + CheckKind.names() + "."));
        CheckDefinition definition = new CheckDefinition(
                id,
                kind,
                schedule(p.schedule()),
                zone,
                severity(p.severity()),
                p.description(),
                positive(p.timeout() == null ? CheckDefinition.DEFAULT_TIMEOUT : p.timeout(), "timeout"));
        return switch (kind) {
            case ORPHANS -> orphans(definition, p);
            case FRESHNESS -> freshness(definition, p);
            case RECONCILIATION -> reconciliation(definition, p);
            case RULE -> rule(definition, p);
            case KPI_SMOKE -> kpiSmoke(definition, p);
            case NOT_NULL, UNIQUE, ACCEPTED_VALUES, RANGE, RELATIONSHIPS -> new ColumnTestFactory(oltp, dw, entities)
                    .create(definition, p);
            case SCHEMA_DRIFT -> SchemaDriftCheck.create(definition, p.entities(), entities, oltp, dw);
            case VOLUME_ANOMALY -> VolumeAnomalyCheck.create(definition, p, dw, clock);
            case ENTITY_VOLUME -> EntityVolumeCheck.create(definition, p, entities, dw, clock);
        };
    }

    private static String schedule(String schedule) {
        if (schedule == null || schedule.isBlank()) {
            throw new IllegalArgumentException(
                    "schedule is not set; give a Quartz cron expression such as '0 */15 * * * ?'.");
        }
        try {
            CronExpression.validateExpression(schedule);
        } catch (ParseException e) {
            throw new IllegalArgumentException("schedule '" + schedule + "' is not a Quartz cron expression ("
                    + e.getMessage() + "); use six or seven fields, seconds first, e.g. '0 */15 * * * ?'.");
        }
        return schedule.strip();
    }

    private static AlertEvent.Severity severity(String severity) {
        try {
            return AlertEvent.Severity.valueOf(severity.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "severity '" + severity + "' is unknown; use info, warning or critical.");
        }
    }

    static CountThreshold threshold(CheckProperties p) {
        try {
            return new CountThreshold(p.threshold() == null ? 0 : p.threshold(), p.warnAbove());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; fix threshold or warn-above.");
        }
    }

    private OrphansCheck orphans(CheckDefinition definition, CheckProperties p) {
        if (p.fact() == null) {
            throw new IllegalArgumentException("fact is not set; name the fact table, e.g. fact.fact_vendas.");
        }
        if (p.keys().isEmpty()) {
            throw new IllegalArgumentException(
                    "keys is empty; list each key column and its dimension, e.g. {column: cliente_sk, dimension: dim.dim_cliente}.");
        }
        Duration tolerance = positive(
                p.inferredTolerance() == null ? DEFAULT_INFERRED_TOLERANCE : p.inferredTolerance(),
                "inferred-tolerance");
        Catalog catalog = dw.catalog();
        Catalog.Table fact = catalog.table(p.fact(), "fact table");
        String factKey = p.factKey() != null
                ? catalog.requireColumn(fact, p.factKey(), "fact-key")
                : catalog.primaryKey(fact).stream()
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(
                                fact + " has no primary key; set fact-key to the column to show in samples."));
        List<OrphansCheck.Key> keys = new ArrayList<>();
        for (DimensionKey key : p.keys()) {
            if (key.column() == null || key.dimension() == null) {
                throw new IllegalArgumentException("every key needs column and dimension.");
            }
            String column = catalog.requireColumn(fact, key.column(), "key column");
            Catalog.Table dimension = catalog.table(key.dimension(), "dimension of " + key.column());
            String dimensionColumn = catalog.requireColumn(dimension, key.column(), "key column");
            var inferred = catalog.column(dimension, "inferido");
            var loadedAt = catalog.column(dimension, "carregado_em");
            Map<String, String> names = new LinkedHashMap<>();
            names.put("fact", quote(dw, fact));
            names.put("fact_key", dw.dialect().quoteIdentifier(factKey));
            names.put("column", dw.dialect().quoteIdentifier(column));
            names.put("dimension", quote(dw, dimension));
            names.put("dimension_column", dw.dialect().quoteIdentifier(dimensionColumn));
            String sql;
            if (inferred.isPresent() && loadedAt.isPresent()) {
                names.put("inferred", dw.dialect().quoteIdentifier(inferred.get()));
                names.put("loaded_at", dw.dialect().quoteIdentifier(loadedAt.get()));
                sql = dw.dialect().sql("orphans", names);
            } else {
                sql = dw.dialect().sql("orphans-no-inferred", names);
            }
            keys.add(new OrphansCheck.Key(column, dimension, dimensionColumn, key.mandatory(), sql));
        }
        OrphansCheck check =
                new OrphansCheck(definition, dw, fact, factKey, keys, tolerance, threshold(p), sampleSize, clock);
        check.statements().forEach(dw::prepare);
        return check;
    }

    private FreshnessCheck freshness(CheckDefinition definition, CheckProperties p) {
        Duration warnAfter = positive(p.warnAfter() == null ? DEFAULT_WARN_AFTER : p.warnAfter(), "warn-after");
        Duration errorAfter = positive(p.errorAfter() == null ? DEFAULT_ERROR_AFTER : p.errorAfter(), "error-after");
        if (warnAfter.compareTo(errorAfter) > 0) {
            throw new IllegalArgumentException(
                    "warn-after (" + warnAfter + ") is longer than error-after (" + errorAfter + "); swap them.");
        }
        // Absent or empty: every entity the catalog declares, mirror entities included, so an entity added
        // to it is watched at once.
        List<EntityDefinition> watched = p.entities().isEmpty()
                ? entities.loadOrder()
                : p.entities().stream().map(entities::get).toList();
        dw.catalog().table("ctl.etl_control", "control table");
        dw.catalog().table("ctl.applied_batch", "applied-batch table");
        List<FreshnessCheck.Target> targets = new ArrayList<>();
        boolean untimed = false;
        for (EntityDefinition entity : watched) {
            String name = entity.name();
            // checked by the source's names, read under the contract's (SourceMapping.asContract)
            SourceMapping source = entity.source();
            Catalog.Table table = oltp.catalog().table(source.table(), "table of entity " + name);
            String key = oltp.catalog().requireColumn(table, source.keyColumn(), "key column");
            // An entity that carries every column of its table lists none: its change time is the table's own
            // updated_at, if it has one. An entity without a change time is aged by change order, from when the
            // check first sees its changes pending (FreshnessCheck), so a table without updated_at needs no
            // configuration here.
            boolean timed;
            if (entities.carriesAllColumns(name)) {
                timed = oltp.catalog().column(table, CHANGE_TIME_COLUMN).isPresent();
            } else {
                timed = source.columns().containsKey(CHANGE_TIME_COLUMN);
                if (timed) {
                    oltp.catalog().requireColumn(table, source.column(CHANGE_TIME_COLUMN), "change-time column");
                }
            }
            untimed |= !timed;
            String version = oltp.catalog().requireColumn(table, source.changeOrderColumn(), "change-order column");
            Catalog.Table tombstones =
                    oltp.catalog().table(source.tombstoneTable(), "tombstone table of entity " + name);
            for (String column : SourceMapping.TOMBSTONE_COLUMNS) {
                oltp.catalog().requireColumn(tombstones, source.tombstoneColumn(column), "tombstone column");
            }
            String sql = oltp.dialect()
                    .sql(
                            timed ? "freshness-pending" : "freshness-pending-untimed",
                            source.isIdentityOf(entity)
                                    ? Map.of(
                                            "table",
                                            quote(oltp, table),
                                            "key",
                                            oltp.dialect().quoteIdentifier(key),
                                            "version",
                                            oltp.dialect().quoteIdentifier(version),
                                            "tombstones",
                                            quote(oltp, tombstones))
                                    : mappedPendingNames(entity, oltp.dialect()));
            // What the loader has applied: its landing table. A mirror entity's raw.<entity> appears with the
            // entity's first batch (docs/adr/0015-mirror-tables.md); until then the loader has applied nothing.
            String landing = entities.landingTable(name);
            Catalog.Table mirror;
            String mirrorKey;
            String awaited = null;
            if (entities.isMirror(name)) {
                mirror = new Catalog.Table(landing.substring(0, landing.indexOf('.')), name);
                mirrorKey = entity.keyColumn();
                awaited = landing;
            } else {
                mirror = dw.catalog().table(landing, "DW mirror of entity " + name);
                mirrorKey = dw.catalog().requireColumn(mirror, entity.keyColumn(), "mirror key column");
                dw.catalog().requireColumn(mirror, "source_version", "mirror version column");
            }
            String appliedSql = dw.dialect()
                    .sql(
                            "freshness-applied",
                            Map.of(
                                    "mirror",
                                    quote(dw, mirror),
                                    "key",
                                    dw.dialect().quoteIdentifier(mirrorKey)));
            targets.add(new FreshnessCheck.Target(name, source.tableName(), sql, appliedSql, awaited, timed));
        }
        if (untimed) {
            dw.catalog().table("audit.dq_freshness_sighting", "freshness sightings table (DW migration V93)");
        }
        FreshnessCheck check = new FreshnessCheck(
                definition, oltp, dw, targets, warnAfter, errorAfter, p.slaDeadline(), sampleSize, sightings, clock);
        check.statements().forEach(s -> s.getKey().prepare(s.getValue()));
        return check;
    }

    /**
     * The {@code freshness-pending} placeholders of an entity whose source has its own names: its table and
     * tombstone table under the contract's names ({@link SourceMapping#asContract}), so the statement's
     * {@code t.updated_at}, {@code d.row_key} … read the source's columns.
     */
    static Map<String, String> mappedPendingNames(EntityDefinition entity, SqlDialect dialect) {
        SourceMapping source = entity.source();
        return Map.of(
                "table", source.asContract(dialect),
                "key", dialect.quoteIdentifier(entity.keyColumn()),
                "version", dialect.quoteIdentifier(EntityDefinition.DEFAULT_CHANGE_ORDER_COLUMN),
                "tombstones", source.tombstonesAsContract(dialect));
    }

    private ReconciliationCheck reconciliation(CheckDefinition definition, CheckProperties p) {
        int windowDays = p.windowDays() == null ? DEFAULT_WINDOW_DAYS : p.windowDays();
        if (windowDays < 1 || windowDays > 366) {
            throw new IllegalArgumentException("window-days must be between 1 and 366, not " + windowDays + ".");
        }
        double tolerance = p.threshold() == null ? 0 : p.threshold();
        if (tolerance < 0) {
            throw new IllegalArgumentException("threshold (the tolerance) must be 0 or more, not " + tolerance + ".");
        }
        if (p.repair().enabled()) {
            if (p.repair().maxDays() < 1 || p.repair().maxAttempts() < 1) {
                throw new IllegalArgumentException("repair.max-days and repair.max-attempts must be 1 or more.");
            }
            for (ReplayTarget replay : p.repair().replays()) {
                EntityDefinition entity = entities.get(replay.entity());
                Catalog.Table table =
                        oltp.catalog().table(entity.source().table(), "table of entity " + replay.entity());
                oltp.catalog().requireColumn(table, entity.source().column(replay.column()), "repair column");
            }
        }
        ReconciliationCheck check = new ReconciliationCheck(
                definition,
                ReconciliationCheck.OltpSource.of(entities, oltp.dialect()),
                oltp,
                dw,
                windowDays,
                tolerance,
                sampleSize,
                clock);
        check.statements().forEach(s -> s.getKey().prepare(s.getValue()));
        return check;
    }

    private RuleCheck rule(CheckDefinition definition, CheckProperties p) {
        if (p.sql() == null || p.sql().isBlank()) {
            throw new IllegalArgumentException(
                    "sql is not set; give a query whose rows are the violations, e.g. SELECT order_item_id FROM"
                            + " fact.fact_vendas WHERE quantidade <= 0.");
        }
        String sql = p.sql().strip();
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        Database database =
                switch (p.database().toLowerCase(Locale.ROOT)) {
                    case "dw" -> dw;
                    case "oltp" -> oltp;
                    default -> throw new IllegalArgumentException(
                            "database '" + p.database() + "' is unknown; use dw or oltp.");
                };
        try {
            ReadOnlyQuery.require(sql);
        } catch (IllegalArgumentException refused) {
            if (refused.getCause() != null) {
                // It does not parse: the database's own explanation of a typo is the clearer one.
                database.prepare(sql);
            }
            throw refused;
        }
        database.prepare(sql);
        return new RuleCheck(definition, database, sql, threshold(p), sampleSize);
    }

    private KpiSmokeCheck kpiSmoke(CheckDefinition definition, CheckProperties p) {
        double tolerance = p.threshold() == null ? 0 : p.threshold();
        if (tolerance < 0) {
            throw new IllegalArgumentException("threshold (the tolerance) must be 0 or more, not " + tolerance + ".");
        }
        KpiSmokeCheck check = new KpiSmokeCheck(definition, dw, tolerance, p.requireData(), sampleSize, clock);
        check.statements().forEach(dw::prepare);
        return check;
    }

    private static Duration positive(Duration duration, String property) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(property + " must be positive, not " + duration + ".");
        }
        return duration;
    }

    private static String quote(Database database, Catalog.Table table) {
        Identifiers.requirePlain(table.schema(), "Schema");
        return database.dialect().quoteIdentifier(table.schema()) + "."
                + database.dialect().quoteIdentifier(table.name());
    }
}
