package io.esteira.peer.debezium;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The sink: what a Debezium + JDBC sink user configures ({@code insert.mode=upsert},
 * {@code primary.key.mode=record_key}, {@code delete.enabled=true}, {@code schema.evolution=basic},
 * {@code use.reduction.buffer=true}), written out in plain JDBC. Each batch the engine hands over becomes
 * one transaction: the batch's changes reduced to the last one per row, then per table one JDBC batch of
 * deletes and one of {@code INSERT … ON CONFLICT (key) DO UPDATE}. A table is created in the target, with
 * the source's schema name, column types (Debezium's propagated source types) and primary key, when its
 * first change arrives.
 */
final class MirrorWriter implements AutoCloseable {

    private final Connection target;
    private final Set<String> created = new HashSet<>();

    MirrorWriter(String url, String user, String password) throws SQLException {
        this.target = DriverManager.getConnection(withBatchedInserts(url), user, password);
        this.target.setAutoCommit(false);
    }

    private static String withBatchedInserts(String url) {
        return url.contains("reWriteBatchedInserts")
                ? url
                : url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }

    /** One row's last change in a batch: its table, key, and its new state (null: deleted). */
    private record Change(String table, Struct key, Struct after) {}

    /** Applies the records in one transaction; returns how many rows it wrote or deleted. */
    int write(List<SourceRecord> records) throws SQLException {
        Map<String, Map<Struct, Change>> byTable = new LinkedHashMap<>();
        for (SourceRecord record : records) {
            if (!(record.value() instanceof Struct value) || !(record.key() instanceof Struct key)) {
                continue; // tombstones and heartbeats
            }
            if (value.schema().field("op") == null) {
                continue;
            }
            String op = value.getString("op");
            Struct source = value.getStruct("source");
            String table = quote(source.getString("schema")) + "." + quote(source.getString("table"));
            Struct after = "d".equals(op) ? null : value.getStruct("after");
            if (after != null) {
                ensureTable(table, source.getString("schema"), key.schema(), after.schema());
            }
            byTable.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(key, new Change(table, key, after));
        }
        int written = 0;
        try {
            for (Map.Entry<String, Map<Struct, Change>> entry : byTable.entrySet()) {
                written += apply(entry.getKey(), entry.getValue().values());
            }
            target.commit();
        } catch (SQLException | RuntimeException e) {
            target.rollback();
            throw e;
        }
        return written;
    }

    private int apply(String table, Iterable<Change> changes) throws SQLException {
        List<Change> deletes = new ArrayList<>();
        Map<Schema, List<Change>> upserts = new LinkedHashMap<>();
        for (Change change : changes) {
            if (change.after() == null) {
                deletes.add(change);
            } else {
                upserts.computeIfAbsent(change.after().schema(), s -> new ArrayList<>())
                        .add(change);
            }
        }
        int written = 0;
        if (!deletes.isEmpty()) {
            if (!created.contains(table)) {
                return written; // nothing of it was ever written
            }
            Schema keySchema = deletes.get(0).key().schema();
            String sql = "DELETE FROM " + table + " WHERE "
                    + keySchema.fields().stream()
                            .map(f -> quote(f.name()) + " = ?")
                            .collect(Collectors.joining(" AND "));
            try (PreparedStatement delete = target.prepareStatement(sql)) {
                for (Change change : deletes) {
                    bind(delete, change.key(), 1);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            written += deletes.size();
        }
        for (Map.Entry<Schema, List<Change>> entry : upserts.entrySet()) {
            Schema schema = entry.getKey();
            Schema keySchema = entry.getValue().get(0).key().schema();
            try (PreparedStatement upsert = target.prepareStatement(upsertSql(table, keySchema, schema))) {
                for (Change change : entry.getValue()) {
                    bind(upsert, change.after(), 1);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            written += entry.getValue().size();
        }
        return written;
    }

    static String upsertSql(String table, Schema keySchema, Schema valueSchema) {
        Set<String> keys = keySchema.fields().stream().map(Field::name).collect(Collectors.toCollection(HashSet::new));
        List<String> columns = valueSchema.fields().stream().map(Field::name).toList();
        String updates = columns.stream()
                .filter(c -> !keys.contains(c))
                .map(c -> quote(c) + " = EXCLUDED." + quote(c))
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " ("
                + columns.stream().map(MirrorWriter::quote).collect(Collectors.joining(", "))
                + ") VALUES (" + columns.stream().map(c -> "?").collect(Collectors.joining(", "))
                + ") ON CONFLICT ("
                + keySchema.fields().stream().map(f -> quote(f.name())).collect(Collectors.joining(", "))
                + ") " + (updates.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + updates);
    }

    private void ensureTable(String table, String schemaName, Schema keySchema, Schema valueSchema)
            throws SQLException {
        if (created.contains(table)) {
            return;
        }
        String ddl = "CREATE TABLE IF NOT EXISTS " + table + " ("
                + valueSchema.fields().stream()
                        .map(f -> quote(f.name()) + " " + columnType(f.schema()))
                        .collect(Collectors.joining(", "))
                + ", PRIMARY KEY ("
                + keySchema.fields().stream().map(f -> quote(f.name())).collect(Collectors.joining(", "))
                + "))";
        try (Statement statement = target.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + quote(schemaName));
            statement.execute(ddl);
        }
        target.commit();
        created.add(table);
    }

    /** The column type for a field: the source's own when Debezium propagates it, else from the schema. */
    static String columnType(Schema schema) {
        Map<String, String> parameters = schema.parameters() == null ? Map.of() : schema.parameters();
        String sourceType = parameters.get("__debezium.source.column.type");
        String length = parameters.get("__debezium.source.column.length");
        String scale = parameters.get("__debezium.source.column.scale");
        if (sourceType != null) {
            switch (sourceType.toUpperCase()) {
                case "VARCHAR":
                    return length == null ? "varchar" : "varchar(" + length + ")";
                case "NUMERIC":
                    return length == null ? "numeric" : "numeric(" + length + "," + (scale == null ? 0 : scale) + ")";
                default:
                    break;
            }
        }
        String name = schema.name() == null ? "" : schema.name();
        switch (name) {
            case "io.debezium.time.Date":
                return "date";
            case "io.debezium.time.MicroTimestamp":
            case "io.debezium.time.Timestamp":
            case "io.debezium.time.NanoTimestamp":
                return "timestamp(6)";
            case "io.debezium.time.ZonedTimestamp":
                return "timestamptz";
            case "io.debezium.time.MicroTime":
            case "io.debezium.time.Time":
                return "time";
            case Decimal.LOGICAL_NAME:
                return "numeric";
            default:
                break;
        }
        return switch (schema.type()) {
            case INT8, INT16 -> "smallint";
            case INT32 -> "integer";
            case INT64 -> "bigint";
            case FLOAT32 -> "real";
            case FLOAT64 -> "double precision";
            case BOOLEAN -> "boolean";
            case BYTES -> "bytea";
            default -> "text";
        };
    }

    private static void bind(PreparedStatement statement, Struct struct, int first) throws SQLException {
        int index = first;
        for (Field field : struct.schema().fields()) {
            Object value = jdbcValue(field.schema(), struct.get(field));
            if (value == null) {
                statement.setNull(index++, Types.OTHER);
            } else {
                statement.setObject(index++, value);
            }
        }
    }

    /** Debezium's representation of a value (PostgreSQL connector defaults) as the JDBC driver takes it. */
    static Object jdbcValue(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        String name = schema.name() == null ? "" : schema.name();
        return switch (name) {
            case "io.debezium.time.Date" -> LocalDate.ofEpochDay(((Number) value).longValue());
            case "io.debezium.time.MicroTimestamp" -> fromMicros(((Number) value).longValue());
            case "io.debezium.time.Timestamp" -> fromMicros(((Number) value).longValue() * 1000);
            case "io.debezium.time.NanoTimestamp" -> LocalDateTime.ofInstant(
                    Instant.EPOCH.plusNanos(((Number) value).longValue()), ZoneOffset.UTC);
            case "io.debezium.time.ZonedTimestamp" -> OffsetDateTime.parse((String) value);
            case "io.debezium.time.MicroTime" -> LocalTime.ofNanoOfDay(((Number) value).longValue() * 1000);
            case "io.debezium.time.Time" -> LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000_000);
                // Short, Integer, Long, Boolean, String, Double and Decimal's BigDecimal go as they are.
            default -> value instanceof ByteBuffer buffer ? toBytes(buffer) : value;
        };
    }

    private static LocalDateTime fromMicros(long micros) {
        return LocalDateTime.ofEpochSecond(
                Math.floorDiv(micros, 1_000_000), (int) Math.floorMod(micros, 1_000_000) * 1000, ZoneOffset.UTC);
    }

    private static byte[] toBytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() throws SQLException {
        target.close();
    }
}
