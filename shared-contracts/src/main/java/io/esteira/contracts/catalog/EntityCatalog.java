package io.esteira.contracts.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The entities Esteira replicates, in load order: every entity comes after the entities it references
 * (dimensions before facts), so loading in this order never meets a reference to a table not yet
 * loaded.
 */
public final class EntityCatalog {

    private static final String CORE = "core.";
    private static final List<String> AUDIT_COLUMNS = List.of("created_at", "updated_at", "deleted_at");

    private static final EntityCatalog REFERENCE = new EntityCatalog(List.of(
            entity("regions", "region_id", "name", "state", "country"),
            entity("teams", "team_id", "name", "region_id", "manager_name"),
            entity("sellers", "seller_id", "name", "email", "team_id", "is_active"),
            entity(
                    "customers",
                    "customer_id",
                    "name",
                    "email",
                    "customer_type",
                    "city",
                    "state",
                    "region_id",
                    "segment"),
            entity("categories", "category_id", "name", "parent_id"),
            entity("products", "product_id", "sku", "name", "category_id", "brand", "list_price", "unit_cost"),
            entity("discounts", "discount_id", "code", "discount_type", "value", "campaign", "starts_at", "ends_at"),
            entity(
                    "orders",
                    "order_id",
                    "order_number",
                    "customer_id",
                    "seller_id",
                    "discount_id",
                    "status",
                    "order_date",
                    "channel"),
            entity(
                    "order_items",
                    "order_item_id",
                    "order_id",
                    "product_id",
                    "quantity",
                    "unit_price",
                    "unit_cost",
                    "discount_amount"),
            entity("returns", "return_id", "order_item_id", "quantity", "refund_amount", "status"),
            entity("sales_targets", "sales_target_id", "seller_id", "year", "month", "target_amount")));

    private final Map<String, EntityDefinition> byName;

    private EntityCatalog(List<EntityDefinition> inLoadOrder) {
        Map<String, EntityDefinition> entities = new LinkedHashMap<>();
        for (EntityDefinition entity : inLoadOrder) {
            if (entities.putIfAbsent(entity.name(), entity) != null) {
                throw new IllegalArgumentException(
                        "Entity " + entity.name() + " is defined twice; define each entity once.");
            }
        }
        this.byName = entities;
    }

    /** The eleven entities of the OLTP reference schema ({@code docs/data-contract.md}). */
    public static EntityCatalog reference() {
        return REFERENCE;
    }

    /** A catalog of the given entities; the list order is the load order. */
    public static EntityCatalog of(List<EntityDefinition> inLoadOrder) {
        return new EntityCatalog(List.copyOf(inLoadOrder));
    }

    /**
     * The entity called {@code name}.
     *
     * @throws IllegalArgumentException listing the known entities when there is none
     */
    public EntityDefinition get(String name) {
        EntityDefinition entity = byName.get(name);
        if (entity == null) {
            throw new IllegalArgumentException(
                    "Unknown entity '" + name + "'; use one of: " + String.join(", ", byName.keySet()) + ".");
        }
        return entity;
    }

    public Optional<EntityDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** Entity names in load order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** All entities in load order: dimensions before the facts that reference them. */
    public List<EntityDefinition> loadOrder() {
        return List.copyOf(byName.values());
    }

    /**
     * The named entities, in load order whatever the order of {@code names}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public List<EntityDefinition> loadOrder(Collection<String> names) {
        names.forEach(this::get);
        List<EntityDefinition> selected = new ArrayList<>();
        byName.values().stream().filter(e -> names.contains(e.name())).forEach(selected::add);
        return List.copyOf(selected);
    }

    private static EntityDefinition entity(String name, String key, String... businessColumns) {
        List<String> columns = Stream.of(List.of(key), List.of(businessColumns), AUDIT_COLUMNS)
                .flatMap(List::stream)
                .toList();
        return new EntityDefinition(name, CORE + name, key, columns);
    }
}
