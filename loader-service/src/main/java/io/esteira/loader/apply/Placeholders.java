package io.esteira.loader.apply;

import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.dialect.SqlDialect;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code {placeholder}} values of the apply templates: an entity's and a dimension's identifiers,
 * each quoted by the dialect, and the lists and conditions built from them. Needs no database, so the
 * rendered statements can be checked as text.
 */
final class Placeholders {

    private final SqlDialect dialect;
    private final ApplySql sql;
    private final String affectedOrders;
    private final Map<String, String> passKeys = new HashMap<>();
    private final Map<String, String> heldKeys = new HashMap<>();

    Placeholders(SqlDialect dialect, ApplySql sql) {
        this.dialect = dialect;
        this.sql = sql;
        // The same for every batch: rendered once.
        this.affectedOrders = sql.fragment("src-affected_orders", Map.of());
        // Where a vendor's steps do not copy a pass's own order items and orders into stg.affected
        // (postgresql/src-sales_keys.sql), the fact statements read them through these.
        for (String keys : List.of("sales_keys", "discount_keys")) {
            if (sql.has("src-" + keys)) {
                passKeys.put(keys, sql.fragment("src-" + keys, Map.of()));
            }
            // The facts a pass held back for a missing member (postgresql/src-held_sales_keys.sql).
            if (sql.has("src-held_" + keys)) {
                heldKeys.put(keys, sql.fragment("src-held_" + keys, Map.of()));
            }
        }
    }

    /** The names of an entity's work tables and columns, and the version comparisons of a live batch or a replay. */
    Map<String, String> entity(EntityDefinition entity, boolean replay) {
        Map<String, String> names = new HashMap<>();
        names.put("incoming", dialect.quoteQualifiedName(StagingWriter.incomingTable(entity)));
        names.put("stg", dialect.quoteQualifiedName("stg." + entity.name()));
        names.put("key", dialect.quoteIdentifier(entity.keyColumn()));
        names.put("columns", join(entity.columns(), "%s"));
        names.put("s_columns", join(entity.columns(), "s.%s"));
        names.put(
                "set_columns",
                join(
                        entity.columns().stream()
                                .filter(c -> !c.equals(entity.keyColumn()))
                                .toList(),
                        "%s = s.%s"));
        names.put(
                "set_excluded",
                join(
                        entity.columns().stream()
                                .filter(c -> !c.equals(entity.keyColumn()))
                                .toList(),
                        "%s = EXCLUDED.%s"));
        // A live batch applies only newer versions; a replay also re-applies the stored version.
        names.put("blocking_comparison", replay ? ">" : ">=");
        names.put("guard", replay ? "<=" : "<");
        // Whether the keys a batch changed are queued for the deriver (land.sql): an entity of the star's.
        names.put("derived", "TRUE");
        // postgresql/land.sql: the mirror rows of orders and order items record their batch's queue row.
        boolean recordsQueueRow = Plans.recordsQueueRow(entity.name());
        String queueId = dialect.quoteIdentifier("queue_id");
        names.put("queue_column", recordsQueueRow ? ", " + queueId : "");
        names.put("queue_value", recordsQueueRow ? ", :queue_id" : "");
        names.put("queue_set", recordsQueueRow ? ", " + queueId + " = :queue_id" : "");
        // The orders whose facts a batch re-derives, a subquery the fact derivations start from.
        names.put("affected_orders", affectedOrders);
        names.putAll(passKeys);
        // postgresql/fact_*.sql: whether the facts of members not in the dimensions yet are held back and
        // counted (BatchApplier.deriveFacts, before the inferred members) or written (after them).
        names.put("members_checked", "FALSE");
        return names;
    }

    /**
     * {@code names} with the pass's fact keys narrowed to the facts it held back for a missing member, for
     * the inferred members and the facts that follow (BatchApplier.deriveFacts), with the check off.
     *
     * @throws IllegalStateException where the vendor's fact statements do not record what they hold back
     */
    Map<String, String> heldBack(Map<String, String> names) {
        if (heldKeys.size() != 2) {
            throw new IllegalStateException("The fact statements of this vendor record no held-back keys"
                    + " (apply/<vendor>/src-held_sales_keys.sql, src-held_discount_keys.sql)");
        }
        Map<String, String> held = new HashMap<>(names);
        held.putAll(heldKeys);
        held.put("members_checked", "FALSE");
        return held;
    }

    /**
     * A mirror entity's names: those of {@link #entity}, its mirror being {@code raw.<entity>} instead of stg,
     * and nothing queued for the deriver.
     */
    Map<String, String> mirror(EntityDefinition entity, boolean replay) {
        Map<String, String> names = entity(entity, replay);
        names.put("stg", dialect.quoteQualifiedName(MirrorTables.rawTable(entity)));
        names.put("derived", "FALSE");
        return names;
    }

    /** A table's schema-qualified name, quoted by the dialect. */
    String quoted(String qualifiedName) {
        return dialect.quoteQualifiedName(qualifiedName);
    }

    /**
     * {@code {incoming_tables}} of {@code derive-cleanup-large.sql}: the work tables {@code stg.incoming_<entity>} of
     * {@code entities}, each quoted and after a comma.
     */
    String incomingTables(List<EntityDefinition> entities) {
        return entities.stream()
                .map(entity -> ", " + quoted(StagingWriter.incomingTable(entity)))
                .collect(Collectors.joining());
    }

    /** An entity's names plus those of the dimension it maintains ({@link Dimension#templates()}). */
    Map<String, String> dimension(Dimension dimension, Map<String, String> entity) {
        Map<String, String> placeholders = new HashMap<>(entity);
        placeholders.put("src", sql.fragment("src-" + dimension.table(), Map.of()));
        placeholders.put("dim", "dim." + dialect.quoteIdentifier(dimension.table()));
        placeholders.put("dim_name", dimension.table());
        placeholders.put("nk", dialect.quoteIdentifier(dimension.naturalKey()));
        placeholders.put("attrs", join(dimension.attributes(), "%s"));
        placeholders.put("s_attrs", join(dimension.attributes(), "s.%s"));
        placeholders.put("set_attrs", join(dimension.attributes(), "%s = s.%s"));
        if (dimension.isScd2()) {
            placeholders.put("set_scd1", join(dimension.scd1Attributes(), "%s = s.%s"));
            // IS DISTINCT FROM: standard SQL, in PostgreSQL and SQL Server 2022.
            placeholders.put(
                    "tracked_changed",
                    dimension.tracked().stream()
                            .map(a -> "d." + dialect.quoteIdentifier(a) + " IS DISTINCT FROM s."
                                    + dialect.quoteIdentifier(a))
                            .collect(Collectors.joining(" OR ")));
        }
        return placeholders;
    }

    private String join(List<String> columns, String format) {
        return columns.stream()
                .map(dialect::quoteIdentifier)
                .map(c -> format.replace("%s", c))
                .collect(Collectors.joining(", "));
    }
}
