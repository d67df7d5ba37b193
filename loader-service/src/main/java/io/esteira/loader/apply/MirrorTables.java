package io.esteira.loader.apply;

import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.dialect.SqlDialect;
import io.esteira.contracts.mirror.BookkeepingColumns;
import io.esteira.contracts.mirror.ColumnType;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The tables of a mirror entity ({@code mirror: true}; docs/adr/0015-mirror-tables.md): {@code raw.<entity>}
 * and its work table {@code stg.incoming_<entity>}, created from the column types the entity's first batch
 * carries and compared with every later batch, in the batch's transaction, against what {@code
 * ctl.mirror_column} records (each column's type, and the source version from which it is carried):
 *
 * <ul>
 *   <li>a column the batch carries and the table lacks is added (nullable) to both tables, recorded as
 *       carried from the batch's smallest row version (a column of the first batch: from the beginning);
 *   <li>a column the table has and the batch does not carry is left alone when the batch is older than the
 *       column — every row's version below the one from which the column is carried: the batch was captured
 *       before the column was added to the source and arrives late, redelivered after a failure or replayed
 *       from the DLQ once a newer batch added it. The batch lands its own columns: an update leaves that
 *       column as it is, an insert of a new key leaves it null, and the version guard decides row by row as
 *       for any batch (a replay re-applies the same version, still without touching the column);
 *   <li>any other column the table has and the batch does not carry (dropped in the source or taken out of
 *       the catalog), or one that arrives with another type, is refused with a {@link MirrorDriftException}
 *       naming it: the batch is not landed and goes to the DLQ at once with that reason and an alert that
 *       says the entity stopped ({@link BatchHandler}), and so does every later batch of the entity until an
 *       operator resolves it (docs/runbook.md, "Mirror drift"). Nothing is dropped or converted silently.
 * </ul>
 */
final class MirrorTables {

    private final NamedParameterJdbcTemplate jdbc;
    private final ApplySql sql;
    private final SqlDialect dialect;
    private final StagingWriter staging;

    MirrorTables(NamedParameterJdbcTemplate jdbc, ApplySql sql, SqlDialect dialect, StagingWriter staging) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.dialect = dialect;
        this.staging = staging;
    }

    /** A column of a mirror batch that the warehouse's mirror cannot take as it is. */
    static final class MirrorDriftException extends IllegalStateException {
        MirrorDriftException(String message) {
            super(message);
        }
    }

    /** The mirror table of an entity: {@code raw.<entity>}. */
    static String rawTable(EntityDefinition entity) {
        return "raw." + entity.name();
    }

    /**
     * A column {@code ctl.mirror_column} records: its neutral type, and the source version from which the
     * entity's batches carry it ({@code null}: since the mirror was created, or recorded before DW migration
     * V95).
     */
    record Recorded(String type, Long carriedFrom) {}

    /**
     * How a batch lands ({@link #compare}).
     *
     * @param landed the batch's columns, key first: those land.sql (mirror-merge.sql) writes into raw.<entity>
     * @param staged the columns written into the work table: {@code landed}, then the recorded columns an
     *     older batch lacks, written null (the work table's every column, as for any other batch)
     * @param added the batch's columns the mirror does not have yet, to be added
     */
    record Shape(List<String> landed, List<String> staged, List<String> added) {}

    /** The entity as a batch lands it ({@code landed}) and as its rows are staged ({@code staged}). */
    record Prepared(EntityDefinition landed, EntityDefinition staged) {}

    /**
     * Creates or extends the entity's tables for the batch's columns, or refuses a drift.
     *
     * @return the entity as the batch lands it into raw.<entity> (the key and the batch's columns) and as its
     *     rows are staged
     * @throws MirrorDriftException naming the column for a dropped or retyped column
     */
    Prepared prepare(EntityDefinition declared, ChangeBatch batch) {
        Map<String, ColumnType> columns = columnsOf(declared, batch);
        Map<String, Recorded> known = new LinkedHashMap<>();
        MapSqlParameterSource params = new MapSqlParameterSource("entity", declared.name());
        jdbc.query(
                "SELECT column_name, column_type, carried_from FROM ctl.mirror_column WHERE entity = :entity"
                        + " ORDER BY column_order",
                params,
                rs -> {
                    long carriedFrom = rs.getLong(3);
                    known.put(rs.getString(1), new Recorded(rs.getString(2), rs.wasNull() ? null : carriedFrom));
                });
        EntityDefinition entity = withColumns(declared, List.copyOf(columns.keySet()));
        Map<String, String> names = names(entity);
        if (known.isEmpty()) {
            names.put("column_definitions", definitions(entity, columns, columns.keySet()));
            for (String statement : sql.statements("raw-create", names)) {
                jdbc.getJdbcTemplate().execute(statement);
            }
            record(entity, columns, new ArrayList<>(columns.keySet()), 1, null);
            staging.forget(entity);
            return new Prepared(entity, entity);
        }
        Shape shape = compare(entity, known, columns, batch);
        if (!shape.added().isEmpty()) {
            for (String column : shape.added()) {
                names.put("column_definition", definitions(entity, columns, List.of(column)));
                for (String statement : sql.statements("raw-add-column", names)) {
                    jdbc.getJdbcTemplate().execute(statement);
                }
            }
            record(entity, columns, shape.added(), known.size() + 1, firstVersion(batch));
            staging.forget(entity);
        }
        return new Prepared(entity, withColumns(declared, shape.staged()));
    }

    /**
     * Compares a batch's columns with those the mirror records: a recorded column the batch lacks is left
     * alone when the batch is older than it (every row's version below the one from which the column is
     * carried: the batch was captured before the column was added to the source, and arrives late —
     * redelivered, or replayed from the DLQ — after a newer batch added it); any other lacking column, or one
     * arriving with another type, is a drift.
     *
     * @param entity the entity with the batch's columns, key first
     * @throws MirrorDriftException naming the first column the mirror cannot take
     */
    static Shape compare(
            EntityDefinition entity, Map<String, Recorded> known, Map<String, ColumnType> columns, ChangeBatch batch) {
        long newest =
                batch.rows().stream().mapToLong(ChangeBatch.Row::version).max().orElse(Long.MAX_VALUE);
        List<String> staged = new ArrayList<>(columns.keySet());
        for (Map.Entry<String, Recorded> column : known.entrySet()) {
            Recorded recorded = column.getValue();
            ColumnType now = columns.get(column.getKey());
            if (now == null) {
                if (recorded.carriedFrom() != null && newest < recorded.carriedFrom()) {
                    staged.add(column.getKey());
                    continue;
                }
                throw new MirrorDriftException("Column " + column.getKey() + " of " + rawTable(entity)
                        + " (mirror entity " + entity.name() + ", " + recorded.type() + ") is not in batch "
                        + batch.batchId() + ": dropped in the source or taken out of the entity catalog"
                        + (recorded.carriedFrom() == null
                                ? ""
                                : " (not a batch older than the column: its rows reach source version " + newest
                                        + ", and the column is carried from version " + recorded.carriedFrom() + ")")
                        + ". The entity stops here; follow docs/runbook.md, Mirror drift, then replay the DLQ.");
            }
            if (!now.neutral().equals(recorded.type())) {
                throw new MirrorDriftException("Column " + column.getKey() + " of " + rawTable(entity)
                        + " (mirror entity "
                        + entity.name() + ") is " + recorded.type() + " in the warehouse but arrives as "
                        + now.neutral() + " in batch " + batch.batchId() + ": retyped in the source. The entity stops"
                        + " here; follow docs/runbook.md, Mirror drift, then replay the DLQ.");
            }
        }
        List<String> added =
                columns.keySet().stream().filter(c -> !known.containsKey(c)).toList();
        return new Shape(List.copyOf(columns.keySet()), List.copyOf(staged), added);
    }

    /** The smallest row version of a batch: from it on, the batch's columns are carried. */
    static long firstVersion(ChangeBatch batch) {
        return batch.rows().stream().mapToLong(ChangeBatch.Row::version).min().orElse(0);
    }

    private static EntityDefinition withColumns(EntityDefinition declared, List<String> columns) {
        return new EntityDefinition(
                declared.name(),
                declared.table(),
                declared.keyColumn(),
                columns,
                declared.changeOrderColumn(),
                declared.tombstoneTable(),
                Map.of());
    }

    /** The names of {@code raw-create.sql} and {@code raw-add-column.sql}, quoted. */
    Map<String, String> names(EntityDefinition entity) {
        Map<String, String> names = new HashMap<>();
        names.put("raw", dialect.quoteQualifiedName(rawTable(entity)));
        names.put("incoming", dialect.quoteQualifiedName(StagingWriter.incomingTable(entity)));
        names.put("key", dialect.quoteIdentifier(entity.keyColumn()));
        names.put("primary_key", dialect.quoteIdentifier("pk_raw_" + entity.name()));
        names.put("token_index", dialect.quoteIdentifier("ix_stg_incoming_" + entity.name() + "_token"));
        return names;
    }

    /** Column definitions: each quoted name and its warehouse type; the key NOT NULL, the rest nullable. */
    String definitions(EntityDefinition entity, Map<String, ColumnType> columns, java.util.Collection<String> which) {
        return which.stream()
                .map(c -> {
                    String type;
                    try {
                        type = columns.get(c).ddl(sql.vendor());
                    } catch (IllegalArgumentException e) {
                        throw new MirrorDriftException(
                                "Column " + c + " of mirror entity " + entity.name() + ": " + e.getMessage());
                    }
                    return dialect.quoteIdentifier(c) + " " + type + (c.equals(entity.keyColumn()) ? " NOT NULL" : "");
                })
                .collect(Collectors.joining(",\n    "));
    }

    /** @param carriedFrom the source version from which the columns are carried; null: since the mirror's creation */
    private void record(
            EntityDefinition entity,
            Map<String, ColumnType> columns,
            List<String> which,
            int firstOrder,
            Long carriedFrom) {
        int order = firstOrder;
        for (String column : which) {
            jdbc.update(
                    "INSERT INTO ctl.mirror_column (entity, column_name, column_type, column_order, carried_from)"
                            + " VALUES (:entity, :column_name, :column_type, :column_order, :carried_from)",
                    new MapSqlParameterSource()
                            .addValue("entity", entity.name())
                            .addValue("column_name", column)
                            .addValue("column_type", columns.get(column).neutral())
                            .addValue("column_order", order++)
                            .addValue("carried_from", carriedFrom, Types.BIGINT));
        }
    }

    /**
     * The batch's columns and types, key first; refused when the batch carries none or the name of a bookkeeping
     * column ({@link BookkeepingColumns}: the extractor refuses those at start-up, but a batch from an older one
     * can still carry one).
     */
    static Map<String, ColumnType> columnsOf(EntityDefinition declared, ChangeBatch batch) {
        if (batch.columns() == null || batch.columns().isEmpty()) {
            throw new IllegalArgumentException("Batch " + batch.batchId() + " of mirror entity " + declared.name()
                    + " carries no column types: the extractor does not read " + declared.name() + " as a mirror"
                    + " entity; give every service the same entity catalog file (esteira.catalog.file).");
        }
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        for (ChangeBatch.Column column : batch.columns()) {
            if (BookkeepingColumns.isReserved(column.name())) {
                throw new MirrorDriftException("Column " + column.name() + " of mirror entity " + declared.name()
                        + " has the name of a bookkeeping column of raw tables (" + BookkeepingColumns.listed()
                        + "); take it out of columns in the entity catalog file (an entity declared without columns:"
                        + " list the columns to carry without it), or rename it in the source.");
            }
            columns.put(column.name(), ColumnType.parse(column.type()));
        }
        if (!columns.containsKey(declared.keyColumn())) {
            throw new IllegalArgumentException("Batch " + batch.batchId() + " of mirror entity " + declared.name()
                    + " does not carry its key column " + declared.keyColumn()
                    + "; give every service the same entity catalog file.");
        }
        return columns;
    }
}
