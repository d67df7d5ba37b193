package io.esteira.loader.apply;

import java.util.List;
import java.util.Map;

/**
 * What each entity's applied rows re-derive, in order. Dimensions first update their members (and
 * the names other dimensions copy from them); entities that feed facts mark the fact rows they
 * affect, then the facts are rebuilt.
 */
final class Plans {

    private Plans() {}

    static Map<String, List<BatchApplier.Step>> reference() {
        BatchApplier.Step facts = BatchApplier::deriveFacts;
        return Map.ofEntries(
                Map.entry("regions", List.of(dimension(Dimension.REGIAO), sql("propagate-regions"))),
                Map.entry("teams", List.of(dimension(Dimension.EQUIPE), sql("propagate-teams"))),
                Map.entry("sellers", List.of(dimension(Dimension.VENDEDOR), facts)),
                Map.entry("customers", List.of(dimension(Dimension.CLIENTE), facts)),
                Map.entry("categories", List.of(sql("propagate-categories"))),
                Map.entry("products", List.of(dimension(Dimension.PRODUTO), facts)),
                Map.entry("discounts", List.of(dimension(Dimension.DESCONTO))),
                Map.entry("orders", List.of(sql("affected-orders"), facts)),
                Map.entry("order_items", List.of(sql("affected-order_items"), facts)),
                Map.entry("returns", List.of(sql("affected-returns"), facts)),
                Map.entry("sales_targets", List.of(sql("affected-sales_targets"), facts)));
    }

    private static BatchApplier.Step dimension(Dimension dimension) {
        return (applier, names, params) -> applier.applyDimension(dimension, names, params);
    }

    private static BatchApplier.Step sql(String resource) {
        return (applier, names, params) -> applier.run(resource, names, params);
    }
}
