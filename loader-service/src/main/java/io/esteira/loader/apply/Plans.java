package io.esteira.loader.apply;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each entity's changed keys re-derive, in order. Dimensions first update their members (and
 * the names other dimensions copy from them); entities that feed facts mark the fact rows they
 * affect, then the facts are rebuilt ({@link #FACTS}, once per derive pass).
 */
final class Plans {

    /** The dimension each entity maintains. */
    static final Map<String, Dimension> DIMENSIONS = Map.of(
            "regions", Dimension.REGIAO,
            "teams", Dimension.EQUIPE,
            "sellers", Dimension.VENDEDOR,
            "customers", Dimension.CLIENTE,
            "products", Dimension.PRODUTO,
            "discounts", Dimension.DESCONTO);

    /**
     * Re-derives the facts of every key affected so far: a derive pass runs it once, after the steps of
     * every entity it holds, wherever it stands in their plans: BatchApplier.deriveClaimed recognises this step
     * and runs the facts itself, once.
     */
    static final BatchApplier.Step FACTS = (applier, names, params) -> applier.deriveFacts(names, params);

    /**
     * Entities whose steps start from the pass's keys in {@code stg.derive_keys} and read the mirror by
     * key (the {@code affected-*} steps of the fact sources). For the others (dimensions, propagated
     * names) a pass first copies the claimed keys' mirror rows into {@code stg.incoming_<entity>} ({@code
     * derive-fill.sql}), the shape their templates share with a landed batch.
     */
    private static final Set<String> READ_KEYS = Set.of("orders", "order_items", "returns", "sales_targets");

    /**
     * Entities whose mirror rows record the queue row of the batch that last changed them (column {@code
     * queue_id}, PostgreSQL: {@code db/dw/common/V100}), through which a derive pass claims the batches of
     * related keys ({@code apply/postgresql/derive-claim-related.sql}).
     */
    private static final Set<String> RECORD_QUEUE_ROW = Set.of("orders", "order_items");

    private Plans() {}

    /** Whether the entity's mirror rows record the queue row of the batch that last changed them. */
    static boolean recordsQueueRow(String entity) {
        return RECORD_QUEUE_ROW.contains(entity);
    }

    /** Whether a derive pass must copy this entity's claimed mirror rows into its work table first. */
    static boolean copiesMirrorRows(String entity) {
        return !READ_KEYS.contains(entity);
    }

    static Map<String, List<BatchApplier.Step>> reference() {
        BatchApplier.Step facts = FACTS;
        return Map.ofEntries(
                Map.entry("regions", List.of(dimension("regions"), sql("propagate-regions"))),
                Map.entry("teams", List.of(dimension("teams"), sql("propagate-teams"))),
                Map.entry("sellers", List.of(dimension("sellers"), facts)),
                Map.entry("customers", List.of(dimension("customers"), facts)),
                Map.entry("categories", List.of(sql("propagate-categories"))),
                Map.entry("products", List.of(dimension("products"), facts)),
                Map.entry("discounts", List.of(dimension("discounts"))),
                Map.entry("orders", List.of(sql("affected-orders"), facts)),
                Map.entry("order_items", List.of(sql("affected-order_items"), facts)),
                Map.entry("returns", List.of(sql("affected-returns"), facts)),
                Map.entry("sales_targets", List.of(sql("affected-sales_targets"), facts)));
    }

    private static BatchApplier.Step dimension(String entity) {
        Dimension dimension = DIMENSIONS.get(entity);
        return (applier, names, params) -> applier.applyDimension(dimension, names, params);
    }

    private static BatchApplier.Step sql(String resource) {
        return (applier, names, params) -> applier.run(resource, names, params);
    }
}
