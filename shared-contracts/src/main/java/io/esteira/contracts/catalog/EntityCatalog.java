package io.esteira.contracts.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entities Esteira replicates, in load order: every entity comes after the entities it references
 * (dimensions before facts), so loading in this order never meets a reference to a table not yet
 * loaded. A catalog that breaks this order, or names an entity twice, is refused. Its content comes
 * from the catalog file ({@link EntityCatalogFile}).
 */
public final class EntityCatalog {

    private final Map<String, EntityDefinition> byName;
    private final Set<String> mirrored;
    private final Set<String> carryingAll;

    private EntityCatalog(List<EntityDefinition> inLoadOrder, Set<String> mirrored, Set<String> carryingAll) {
        Map<String, EntityDefinition> entities = new LinkedHashMap<>();
        Set<String> declared = new LinkedHashSet<>();
        inLoadOrder.forEach(entity -> declared.add(entity.name()));
        for (EntityDefinition entity : inLoadOrder) {
            if (entities.putIfAbsent(entity.name(), entity) != null) {
                throw new IllegalArgumentException(
                        "Entity " + entity.name() + " is defined twice; define each entity once.");
            }
            entity.references().forEach((column, referenced) -> {
                if (!declared.contains(referenced)) {
                    throw new IllegalArgumentException("Entity " + entity.name() + " references " + referenced
                            + " (column " + column + "), which is not declared; declare " + referenced + " above "
                            + entity.name() + ", or correct the name (one of: " + String.join(", ", declared)
                            + ").");
                }
                if (!referenced.equals(entity.name()) && !entities.containsKey(referenced)) {
                    throw new IllegalArgumentException("Entity " + entity.name() + " references " + referenced
                            + " (column " + column + "), which is not declared before it; declare " + referenced
                            + " above " + entity.name() + " (the load order is the declaration order).");
                }
            });
        }
        this.byName = entities;
        for (String name : mirrored) {
            if (!entities.containsKey(name)) {
                throw new IllegalArgumentException("Mirror entity " + name + " is not declared; declare it.");
            }
        }
        this.mirrored = Set.copyOf(mirrored);
        for (String name : carryingAll) {
            if (!mirrored.contains(name)) {
                throw new IllegalArgumentException("Entity " + name + " carries every column of its table but is not a"
                        + " mirror entity; declare mirror: true, or list its columns.");
            }
        }
        this.carryingAll = Set.copyOf(carryingAll);
    }

    /**
     * The shipped catalog: the eleven entities of the OLTP reference schema ({@code docs/data-contract.md}),
     * as {@link EntityCatalogFile#SHIPPED} declares them. Services use the configured catalog instead
     * (the shipped file merged with {@code esteira.catalog.file}), which shared-runtime provides as a bean.
     */
    public static EntityCatalog reference() {
        return Reference.CATALOG;
    }

    /** A catalog of the given entities; the list order is the load order. */
    public static EntityCatalog of(List<EntityDefinition> inLoadOrder) {
        return new EntityCatalog(List.copyOf(inLoadOrder), Set.of(), Set.of());
    }

    /**
     * A catalog of the given entities, of which {@code mirrored} are carried as-is into the warehouse's
     * {@code raw} schema ({@code mirror: true} in the catalog file) instead of feeding the star.
     */
    public static EntityCatalog of(List<EntityDefinition> inLoadOrder, Set<String> mirrored) {
        return new EntityCatalog(List.copyOf(inLoadOrder), mirrored, Set.of());
    }

    /**
     * A catalog as {@link #of(List, Set)}, of which the mirror entities {@code carryingAll} carry every column
     * of their source table ({@code mirror: true} without {@code columns}; {@link #carriesAllColumns}).
     */
    public static EntityCatalog of(List<EntityDefinition> inLoadOrder, Set<String> mirrored, Set<String> carryingAll) {
        return new EntityCatalog(List.copyOf(inLoadOrder), mirrored, carryingAll);
    }

    /** Whether the entity is carried as-is into {@code raw.<entity>} (no star role). */
    public boolean isMirror(String name) {
        return mirrored.contains(name);
    }

    /**
     * Whether a mirror entity carries every column its source table has when a batch is read, the change-order
     * column aside ({@code mirror: true} without {@code columns}): the extractor reads them from the source's
     * catalog with each batch, so a column added to the source reaches {@code raw.<entity>} without a change of
     * the catalog file. Its {@link EntityDefinition#columns()} is its key alone.
     */
    public boolean carriesAllColumns(String name) {
        return carryingAll.contains(name);
    }

    /**
     * The warehouse table the loader lands the entity in, and records its applied versions in ({@code
     * source_version}): {@code raw.<entity>} for a mirror entity, which the loader creates with the entity's
     * first batch (docs/adr/0015-mirror-tables.md); {@code stg.<table>} for an entity of the star, which a
     * loader migration creates.
     */
    public String landingTable(String name) {
        return isMirror(name) ? "raw." + name : "stg." + get(name).tableName();
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

    /** Read once, when first asked for. */
    private static final class Reference {
        static final EntityCatalog CATALOG = EntityCatalogFile.shipped();
    }
}
