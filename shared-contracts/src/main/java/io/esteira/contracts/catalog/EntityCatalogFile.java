package io.esteira.contracts.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the entity catalog from YAML: the shipped file {@value #SHIPPED} (the reference schema), then
 * optionally an operator's file. An entity the operator's file names again is amended field by field;
 * any other is added after the shipped ones, in that file's order. The load order is the declaration
 * order, and {@link EntityCatalog} refuses a reference to an entity not declared before.
 *
 * <pre>{@code
 * entities:
 *   teams:
 *     table: core.teams                     # source table, schema.table
 *     key: team_id                          # bigint primary key, not repeated in columns
 *     columns: [name, region_id, manager_name, created_at, updated_at, deleted_at]
 *     references: {region_id: regions}      # column: entity, declared above
 *     change-order-column: row_version      # default
 *     tombstone-table: core.deleted_rows    # default: deleted_rows in the table's schema
 *   payments:
 *     table: core.payments
 *     key: payment_id
 *     columns: [order_id, amount, paid_at]
 *     mirror: true                          # carried as-is into raw.payments, no star role
 *   leads:
 *     table: crm.leads
 *     key: lead_id
 *     mirror: true                          # no columns: every column of crm.leads, as the source has them
 * }</pre>
 *
 * <p>A mirror entity declared without {@code columns} carries every column its source table has when each
 * batch is read, but the change-order column ({@link EntityCatalog#carriesAllColumns}): a column added to
 * the source reaches {@code raw.<entity>} with the next batch, without an edit of this file or a restart
 * (docs/adr/0015-mirror-tables.md). Its {@link EntityDefinition#columns()} is the key alone.
 *
 * <p>The first file that declares an entity fixes its contract: the table, key and column names that
 * batches, the warehouse and the checks use. A later file that names the entity again maps it onto the
 * source's own names, which only the readers of the OLTP see ({@link SourceMapping}): its {@code table} and
 * {@code key} name the source's table and key column, {@code columns} given as a map renames contract
 * columns ({@code contract: source}; the columns it leaves out keep their names), and {@code
 * tombstone-columns} renames the tombstone table's columns. {@code columns} given as a list replaces the
 * column list whole, under the same names in both. A first declaration may use the map form too.
 *
 * <pre>{@code
 * entities:
 *   customers:
 *     table: dbo.Clientes
 *     key: IdCliente
 *     columns: {name: NomeCliente, email: EmailCliente}
 *     change-order-column: VersaoLinha
 *     tombstone-table: dbo.LinhasExcluidas
 *     tombstone-columns: {table_name: Tabela, row_key: Chave, row_version: Versao, deleted_at: ExcluidaEm}
 * }</pre>
 *
 * Everything wrong is refused with an {@link EntityCatalogException} that names the file, the entity and
 * the field, and says what to write instead: an unknown field (a misspelt {@code colums} would otherwise
 * drop the columns silently), a name declared twice in one file, a missing table, key or column list (the
 * column list of an entity that is not a mirror).
 */
public final class EntityCatalogFile {

    /** The shipped catalog, a classpath resource of shared-contracts. */
    public static final String SHIPPED = "esteira/entities.yml";

    static final String TABLE = "table";
    static final String KEY = "key";
    static final String COLUMNS = "columns";
    static final String REFERENCES = "references";
    static final String CHANGE_ORDER_COLUMN = "change-order-column";
    static final String TOMBSTONE_TABLE = "tombstone-table";
    static final String TOMBSTONE_COLUMNS = "tombstone-columns";
    static final String MIRROR = "mirror";

    /** The fields of an entity, in the order the messages list them. */
    public static final List<String> FIELDS =
            List.of(TABLE, KEY, COLUMNS, REFERENCES, CHANGE_ORDER_COLUMN, TOMBSTONE_TABLE, TOMBSTONE_COLUMNS, MIRROR);

    private static final String ENTITIES = "entities";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** A catalog file's text and where it came from, for the messages. */
    public record Source(String origin, String text) {

        public static Source shipped() {
            try (InputStream in = EntityCatalogFile.class.getClassLoader().getResourceAsStream(SHIPPED)) {
                if (in == null) {
                    throw new IllegalStateException("The shipped entity catalog classpath:" + SHIPPED
                            + " is missing; the shared-contracts jar on the class path is incomplete.");
                }
                return new Source("classpath:" + SHIPPED, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read classpath:" + SHIPPED, e);
            }
        }

        /**
         * @throws EntityCatalogException when the file does not exist or cannot be read
         */
        public static Source of(Path file) {
            if (!Files.isRegularFile(file)) {
                throw new EntityCatalogException("The entity catalog file " + file
                        + " does not exist; point esteira.catalog.file (ESTEIRA_CATALOG_FILE) at an existing"
                        + " YAML file, or unset it to use the shipped catalog alone.");
            }
            try {
                return new Source(file.toString(), Files.readString(file));
            } catch (IOException e) {
                throw new EntityCatalogException(
                        "Cannot read the entity catalog file " + file + " (" + e.getMessage()
                                + "); make it readable by the service's user.",
                        e);
            }
        }
    }

    private EntityCatalogFile() {}

    /** The shipped catalog alone. */
    public static EntityCatalog shipped() {
        return read(List.of(Source.shipped()));
    }

    /** The shipped catalog amended by the operator's file. */
    public static EntityCatalog shippedWith(Path operatorFile) {
        return read(List.of(Source.shipped(), Source.of(operatorFile)));
    }

    /**
     * The catalog declared by the sources, each amending the ones before it.
     *
     * @throws EntityCatalogException naming the file, entity and field that are wrong
     */
    public static EntityCatalog read(List<Source> sources) {
        Map<String, ObjectNode> declared = new LinkedHashMap<>();
        Map<String, ObjectNode> contracts = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (Source source : sources) {
            ObjectNode entities = entitiesOf(source);
            for (Iterator<Map.Entry<String, JsonNode>> it = entities.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String name = entry.getKey();
                if (!(entry.getValue() instanceof ObjectNode fields)) {
                    throw new EntityCatalogException(source.origin() + ": entity " + name
                            + " is not a map of fields; give it table, key and columns (" + String.join(", ", FIELDS)
                            + ").");
                }
                for (Iterator<String> names = fields.fieldNames(); names.hasNext(); ) {
                    String field = names.next();
                    if (!FIELDS.contains(field)) {
                        throw new EntityCatalogException(source.origin() + ": entity " + name + " has unknown field '"
                                + field + "'; use " + String.join(", ", FIELDS) + ".");
                    }
                }
                ObjectNode merged = declared.get(name);
                if (merged == null) {
                    merged = YAML.createObjectNode();
                    declared.put(name, merged);
                    contracts.put(name, fields.deepCopy());
                } else if (fields.get(COLUMNS) instanceof ObjectNode renamed) {
                    fields = fields.deepCopy();
                    fields.set(COLUMNS, renamed(merged.get(COLUMNS), renamed, source.origin() + ": entity " + name));
                }
                merged.setAll(fields);
                origins.put(name, source.origin());
            }
        }
        List<EntityDefinition> definitions = new ArrayList<>();
        Set<String> mirrored = new LinkedHashSet<>();
        Set<String> carryingAll = new LinkedHashSet<>();
        for (Map.Entry<String, ObjectNode> entry : declared.entrySet()) {
            String name = entry.getKey();
            boolean mirror = mirror(name, entry.getValue(), origins.get(name));
            if (mirror) {
                mirrored.add(name);
                if (!entry.getValue().has(COLUMNS)) {
                    carryingAll.add(name);
                }
            }
            definitions.add(definition(name, entry.getValue(), contracts.get(name), origins.get(name), mirror));
        }
        try {
            return EntityCatalog.of(definitions, mirrored, carryingAll);
        } catch (IllegalArgumentException e) {
            throw new EntityCatalogException(describe(sources) + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode entitiesOf(Source source) {
        JsonNode root;
        try {
            root = YAML.readTree(source.text());
        } catch (JsonProcessingException e) {
            String problem = e.getOriginalMessage();
            if (problem != null && problem.startsWith("Duplicate field")) {
                throw new EntityCatalogException(
                        source.origin() + ": " + problem + " at line "
                                + e.getLocation().getLineNr() + "; declare each entity (and each of its fields) once.",
                        e);
            }
            throw new EntityCatalogException(
                    source.origin() + " is not valid YAML (" + problem + "); fix the line it names.", e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return YAML.createObjectNode();
        }
        if (!(root instanceof ObjectNode document)) {
            throw new EntityCatalogException(
                    source.origin() + " does not start with 'entities:'; declare the entities under it.");
        }
        for (Iterator<String> keys = document.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals(ENTITIES)) {
                throw new EntityCatalogException(source.origin() + " has unknown top-level field '" + key
                        + "'; declare the entities under 'entities:'.");
            }
        }
        JsonNode entities = document.get(ENTITIES);
        if (entities == null || entities.isNull()) {
            return YAML.createObjectNode();
        }
        if (!(entities instanceof ObjectNode map)) {
            throw new EntityCatalogException(
                    source.origin() + ": 'entities' is not a map; give each entity as 'name:' followed by its fields.");
        }
        return map;
    }

    /**
     * The earlier declaration's columns with the renames of a later map applied: every renamed column must
     * be one the entity already carries.
     */
    private static ObjectNode renamed(JsonNode earlier, ObjectNode renames, String where) {
        ObjectNode columns = YAML.createObjectNode();
        if (earlier instanceof ObjectNode map) {
            columns.setAll(map);
        } else if (earlier != null && earlier.isArray()) {
            earlier.forEach(column -> columns.putNull(column.asText()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = renames.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> rename = it.next();
            if (!columns.has(rename.getKey())) {
                throw new EntityCatalogException(where + " maps column " + rename.getKey() + ", which it does not"
                        + " carry (" + String.join(", ", iterable(columns.fieldNames())) + "); map only those columns"
                        + " (contract: source), or list the columns to replace them.");
            }
            columns.set(rename.getKey(), rename.getValue());
        }
        return columns;
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private static EntityDefinition definition(
            String name, ObjectNode fields, ObjectNode first, String origin, boolean mirror) {
        String where = origin + ": entity " + name;
        String sourceTable = text(fields, TABLE, where, "the source table, e.g. core." + name);
        String sourceKey = text(fields, KEY, where, "its bigint primary key column");
        // the contract: the names the first declaration gave (a later one maps them onto the source's)
        String table = first.has(TABLE) ? text(first, TABLE, where, "the source table") : sourceTable;
        String key = first.has(KEY) ? text(first, KEY, where, "its bigint primary key column") : sourceKey;
        List<String> columns = new ArrayList<>();
        columns.add(key);
        Map<String, String> sourceColumns = new LinkedHashMap<>();
        sourceColumns.put(key, sourceKey);
        JsonNode listed = fields.get(COLUMNS);
        if (listed == null && mirror) {
            // Every column of the source table, read from its catalog with each batch
            // (EntityCatalog#carriesAllColumns).
            listed = YAML.createArrayNode();
        } else if (listed == null || !(listed.isArray() || listed.isObject()) || listed.isEmpty()) {
            throw new EntityCatalogException(where + " has no " + COLUMNS
                    + "; list the columns a change batch carries besides the key, e.g. columns: [name, updated_at],"
                    + " or map them onto the source's names, e.g. columns: {name: NomeCliente}; a mirror entity"
                    + " (mirror: true) may leave columns out to carry every column of its table.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = columnEntries(listed); it.hasNext(); ) {
            Map.Entry<String, JsonNode> column = it.next();
            if (column.getKey() == null) {
                throw new EntityCatalogException(
                        where + " lists " + column.getValue() + " in " + COLUMNS + "; list column names only.");
            }
            if (column.getKey().equals(key)) {
                throw new EntityCatalogException(where + " lists its key " + key + " in " + COLUMNS
                        + "; name the key once, in " + KEY + ", and list the other columns.");
            }
            JsonNode source = column.getValue();
            if (source != null && !source.isNull() && !source.isTextual()) {
                throw new EntityCatalogException(where + ": " + COLUMNS + "." + column.getKey()
                        + " is not a column name; map each column onto the source's name, e.g. name: NomeCliente.");
            }
            columns.add(column.getKey());
            sourceColumns.put(column.getKey(), source == null || source.isNull() ? column.getKey() : source.asText());
        }
        Map<String, String> references = new LinkedHashMap<>();
        JsonNode referenced = fields.get(REFERENCES);
        if (referenced != null && !referenced.isNull()) {
            if (!referenced.isObject()) {
                throw new EntityCatalogException(where + ": " + REFERENCES
                        + " is not a map; write column: entity, e.g. references: {region_id: regions}.");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = referenced.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> reference = it.next();
                if (!reference.getValue().isTextual()) {
                    throw new EntityCatalogException(where + ": " + REFERENCES + "." + reference.getKey()
                            + " is not an entity name; write column: entity.");
                }
                references.put(reference.getKey(), reference.getValue().asText());
            }
        }
        String changeOrder = fields.has(CHANGE_ORDER_COLUMN)
                ? text(fields, CHANGE_ORDER_COLUMN, where, "the column capture orders changes by")
                : EntityDefinition.DEFAULT_CHANGE_ORDER_COLUMN;
        String tombstones = fields.has(TOMBSTONE_TABLE)
                ? text(fields, TOMBSTONE_TABLE, where, "the table its hard-delete trigger writes")
                : EntityDefinition.defaultTombstoneTable(sourceTable);
        Map<String, String> tombstoneColumns = new LinkedHashMap<>();
        JsonNode tombstoneNames = fields.get(TOMBSTONE_COLUMNS);
        if (tombstoneNames != null && !tombstoneNames.isNull()) {
            if (!tombstoneNames.isObject()) {
                throw new EntityCatalogException(where + ": " + TOMBSTONE_COLUMNS + " is not a map; write"
                        + " reference name: source name, e.g. tombstone-columns: {row_key: Chave}.");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = tombstoneNames.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> column = it.next();
                if (!SourceMapping.TOMBSTONE_COLUMNS.contains(column.getKey())) {
                    throw new EntityCatalogException(where + ": " + TOMBSTONE_COLUMNS + " names " + column.getKey()
                            + ", not a tombstone column; map " + String.join(", ", SourceMapping.TOMBSTONE_COLUMNS)
                            + " onto the source's names.");
                }
                if (!column.getValue().isTextual()) {
                    throw new EntityCatalogException(where + ": " + TOMBSTONE_COLUMNS + "." + column.getKey()
                            + " is not a column name; give the tombstone table's own name for it.");
                }
                tombstoneColumns.put(column.getKey(), column.getValue().asText());
            }
        }
        try {
            new EntityDefinition(name, table, key, columns, changeOrder, tombstones, references); // the contract first
            SourceMapping source =
                    new SourceMapping(sourceTable, sourceKey, sourceColumns, changeOrder, tombstones, tombstoneColumns);
            return new EntityDefinition(name, table, key, columns, changeOrder, tombstones, references, source);
        } catch (IllegalArgumentException e) {
            throw new EntityCatalogException(origin + ": " + e.getMessage(), e);
        }
    }

    /** {@code mirror: true}: carried as-is into {@code raw.<entity>}; false when absent. */
    private static boolean mirror(String name, ObjectNode fields, String origin) {
        JsonNode value = fields.get(MIRROR);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new EntityCatalogException(origin + ": entity " + name + ": " + MIRROR + " is " + value
                    + "; write mirror: true to carry the table as-is into raw." + name + ", or leave it out.");
        }
        return value.booleanValue();
    }

    /** A list's names (each mapped onto itself) or a map's entries; a non-text list item has a null name. */
    private static Iterator<Map.Entry<String, JsonNode>> columnEntries(JsonNode columns) {
        if (columns.isObject()) {
            return columns.fields();
        }
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        for (JsonNode column : columns) {
            entries.add(new AbstractMap.SimpleEntry<>(
                    column.isTextual() ? column.asText() : null, column.isTextual() ? null : column));
        }
        return entries.iterator();
    }

    private static String text(ObjectNode fields, String field, String where, String what) {
        JsonNode value = fields.get(field);
        if (value == null
                || value.isNull()
                || (value.isTextual() && value.asText().isBlank())) {
            throw new EntityCatalogException(where + " has no " + field + "; give " + what + ".");
        }
        if (!value.isTextual()) {
            throw new EntityCatalogException(where + ": " + field + " is not a name; give " + what + ".");
        }
        return value.asText();
    }

    private static String describe(List<Source> sources) {
        return String.join(" + ", sources.stream().map(Source::origin).toList());
    }
}
