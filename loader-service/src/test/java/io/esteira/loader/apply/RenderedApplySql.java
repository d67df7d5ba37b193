package io.esteira.loader.apply;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.contracts.mirror.ColumnType;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The apply templates rendered as {@link BatchApplier} renders them, without a database: with its {@link
 * Placeholders}, for every entity of the reference catalog, live and replay, every dimension of {@link Plans},
 * and a mirror entity's tables ({@link MirrorTables}). One rendering serves {@link ApplySqlTest} (what every
 * statement must keep) and {@link ExactSqlTest} (each statement as expected).
 */
final class RenderedApplySql {

    /** The mirror entity whose tables the {@code raw-*} templates create. */
    static final EntityDefinition PAYMENTS =
            new EntityDefinition("payments", "core.payments", "payment_id", List.of("payment_id", "amount"));

    /**
     * One template rendered for one context: its statements as sent (a {@code src-*} fragment as embedded).
     *
     * @param context the entity and whether for a replay ({@code "orders replay"}), or the mirror entity
     */
    record Rendering(String template, String context, List<String> statements) {}

    private RenderedApplySql() {}

    /** Every template of the vendor rendered for every context it is rendered in, template by template. */
    static List<Rendering> renderings(Vendor vendor) {
        ApplySql sql = new ApplySql(vendor);
        Placeholders placeholders = new Placeholders(() -> vendor, sql);
        Set<String> dimensionTemplates = Plans.DIMENSIONS.values().stream()
                .flatMap(d -> d.templates().stream())
                .collect(Collectors.toSet());
        Set<String> templates = templateFiles(vendor);
        EntityCatalog catalog = EntityCatalog.reference();
        // A derive pass of every entity that copies mirror rows: what a large pass truncates on PostgreSQL.
        String incomingTables = placeholders.incomingTables(catalog.loadOrder().stream()
                .filter(entity -> Plans.copiesMirrorRows(entity.name()))
                .toList());
        List<Rendering> renderings = new ArrayList<>();
        for (EntityDefinition entity : catalog.loadOrder()) {
            for (boolean replay : List.of(false, true)) {
                String context = entity.name() + (replay ? " replay" : "");
                Map<String, String> names = placeholders.entity(entity, replay);
                names.put("incoming_tables", incomingTables);
                renderings.add(new Rendering("src-affected_orders", context, List.of(names.get("affected_orders"))));
                for (String template : templates) {
                    if (!template.startsWith("src-")
                            && !template.startsWith("raw-")
                            && !dimensionTemplates.contains(template)) {
                        renderings.add(new Rendering(template, context, sql.statements(template, names)));
                    }
                }
                Dimension dimension = Plans.DIMENSIONS.get(entity.name());
                if (dimension != null) {
                    Map<String, String> dimensionNames = placeholders.dimension(dimension, names);
                    renderings.add(
                            new Rendering("src-" + dimension.table(), context, List.of(dimensionNames.get("src"))));
                    for (String template : dimension.templates()) {
                        renderings.add(new Rendering(template, context, sql.statements(template, dimensionNames)));
                    }
                }
            }
        }
        if (sql.checksMembersWithFacts()) {
            // A pass's second look at the facts it held back for a missing member (BatchApplier.deriveFacts).
            Map<String, String> held = placeholders.heldBack(placeholders.entity(catalog.get("order_items"), false));
            for (String template : List.of("inferred-members", "fact_vendas", "fact_descontos")) {
                renderings.add(new Rendering(template, "held back", sql.statements(template, held)));
            }
        }
        MirrorTables mirrors = new MirrorTables(null, sql, () -> vendor, null);
        Map<String, String> names = new HashMap<>(mirrors.names(PAYMENTS));
        Map<String, ColumnType> types = Map.of(
                "payment_id", ColumnType.parse("bigint"),
                "amount", ColumnType.parse("decimal(12,2)"));
        names.put("column_definitions", mirrors.definitions(PAYMENTS, types, List.of("payment_id", "amount")));
        names.put("column_definition", mirrors.definitions(PAYMENTS, types, List.of("amount")));
        for (String template : templates) {
            if (template.startsWith("raw-")) {
                renderings.add(new Rendering(template, PAYMENTS.name(), sql.statements(template, names)));
            }
        }
        return renderings;
    }

    /** Each template's rendered statements, for every context, in one list. */
    static Map<String, List<String>> byTemplate(Vendor vendor) {
        Map<String, List<String>> rendered = new TreeMap<>();
        for (Rendering rendering : renderings(vendor)) {
            rendered.computeIfAbsent(rendering.template(), t -> new ArrayList<>())
                    .addAll(rendering.statements());
        }
        return rendered;
    }

    /** The names of the templates the vendor reads: the files under apply/ansi and apply/&lt;vendor&gt;. */
    static Set<String> templateFiles(Vendor vendor) {
        Set<String> names = new TreeSet<>();
        for (String folder : List.of("ansi", vendor.id())) {
            try (Stream<Path> files = Files.list(Path.of(
                    RenderedApplySql.class.getResource("/apply/" + folder).toURI()))) {
                files.map(f -> f.getFileName().toString().replaceFirst("\\.sql$", ""))
                        .forEach(names::add);
            } catch (IOException | URISyntaxException e) {
                throw new IllegalStateException("Cannot list apply/" + folder, e);
            }
        }
        return names;
    }
}
