package io.esteira.loader.apply;

import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.dialect.SqlDialect;
import io.esteira.contracts.dialect.Vendor;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes a batch's rows into its landing table under the batch's apply token in one bulk operation: on
 * PostgreSQL a {@code COPY … FROM STDIN} (CSV) into a temporary table of the session ({@link
 * #landingTable}), on SQL Server a batched insert sent as a bulk copy ({@link ApplyDialect#prepareBatchInsert})
 * into {@code stg.incoming_<entity>}; either way within the batch's transaction, converting JSON values to the
 * column types of the table first (a value that does not fit names its column). When a key occurs more than
 * once in a batch only its highest version is staged: it is the one that counts.
 */
public class StagingWriter {

    /**
     * The rows go to {@code COPY} in chunks of about this many characters, written as they are converted:
     * the batch is never held as one CSV text (a 5,000-row batch was ~1.5 MB of text held three times, as
     * the builder, its string and the driver's encoding), which the loader's small young generation
     * promoted (docs/performance.md, "Garbage collection").
     */
    static final int COPY_CHUNK_CHARS = 64 * 1024;

    private final DataSource dw;
    private final JdbcTemplate jdbc;
    private final SqlDialect sql;
    private final ApplyDialect vendorSql;
    private final Map<String, Map<String, Integer>> columnTypes = new ConcurrentHashMap<>();

    public StagingWriter(DataSource dw, SqlDialect sql) {
        this.dw = dw;
        this.jdbc = new JdbcTemplate(dw);
        this.sql = sql;
        this.vendorSql = ApplyDialect.of(sql.vendor());
    }

    /**
     * The entity's shared work table: where a derive pass copies its claimed keys' mirror rows, where SQL
     * Server lands batches, and the shape of PostgreSQL's landing tables.
     */
    public static String incomingTable(EntityDefinition entity) {
        return "stg.incoming_" + entity.name();
    }

    /**
     * Whether batches land in a temporary table of the session ({@link #landingTable}), emptied by the commit,
     * rather than in {@code stg.incoming_<entity>}, emptied by a {@code DELETE} of the batch's rows (SQL
     * Server, where the table is a clustered index, so that the pages the deletes empty are freed: V96).
     * Only then are the {@code stg.incoming_<entity>} tables a derive pass's alone, to truncate.
     */
    public boolean landsInSessionTable() {
        return sql.vendor() == Vendor.POSTGRESQL;
    }

    /**
     * The table a batch of {@code entity} lands in. On PostgreSQL a temporary table of the session, {@code
     * pg_temp.landing_<entity>_<columns>}, created by {@link #prepareLanding} as {@code stg.incoming_<entity>}
     * is and declared {@code ON COMMIT DELETE ROWS}: the commit empties it by truncating the session's own
     * file, so landing leaves no dead tuple behind (a shared table emptied by {@code DELETE} kept one per row
     * landed, 400,000 after a 200,000-item load, for a vacuum to find), writes no WAL and touches no shared
     * buffer. Its name carries a digest of the columns, because a mirror entity's columns grow while the
     * session's table keeps the shape it was created with. On SQL Server {@code stg.incoming_<entity>}.
     */
    public String landingTable(EntityDefinition entity) {
        if (!landsInSessionTable()) {
            return incomingTable(entity);
        }
        String digest = Integer.toHexString(String.join(",", entity.columns()).hashCode());
        String name = "landing_" + entity.name() + "_" + digest;
        if (name.length() > 63) {
            // PostgreSQL cuts a longer identifier at 63 bytes, which could cut the digest off.
            name = "landing_" + Integer.toHexString(entity.name().hashCode()) + "_" + digest;
        }
        return "pg_temp." + name;
    }

    /**
     * Creates the session's landing table for the entity unless the session has it (PostgreSQL; nothing on
     * SQL Server). In the batch's transaction: rolled back with it, so a session never keeps a table it
     * was not given.
     */
    void prepareLanding(EntityDefinition entity) {
        if (!landsInSessionTable()) {
            return;
        }
        String table = landingTable(entity);
        jdbc.execute("CREATE TEMPORARY TABLE IF NOT EXISTS "
                + sql.quoteIdentifier(table.substring("pg_temp.".length()))
                + " (LIKE " + sql.quoteQualifiedName(incomingTable(entity)) + " INCLUDING DEFAULTS)"
                + " ON COMMIT DELETE ROWS");
    }

    /** Forgets the column types read for an entity's work table, after its columns changed (mirror entities). */
    public void forget(EntityDefinition entity) {
        columnTypes.remove(entity.name());
    }

    /**
     * Writes the rows into the entity's landing table ({@link #landingTable}), on PostgreSQL after creating
     * the session's table where it has none ({@link #prepareLanding}), in the caller's transaction.
     *
     * @return the rows staged (after keeping one version per key)
     */
    public int write(EntityDefinition entity, String token, List<ChangeBatch.Row> rows) {
        Collection<ChangeBatch.Row> latest = latestPerKey(rows);
        Map<String, Integer> types = columnTypes.computeIfAbsent(entity.name(), n -> readColumnTypes(entity));
        List<String> columns = entity.columns();
        if (sql.vendor() == Vendor.POSTGRESQL) {
            prepareLanding(entity);
            copy(entity, types, token, latest);
            return latest.size();
        }
        String insert = "INSERT INTO " + sql.quoteQualifiedName(landingTable(entity)) + " ("
                + columns.stream().map(sql::quoteIdentifier).collect(Collectors.joining(", "))
                + ", source_version, source_deleted, apply_token, applies) VALUES ("
                + "?, ".repeat(columns.size()) + "?, ?, ?, ?)";
        int[] columnTypes = typesInOrder(entity, types);
        jdbc.execute(connection -> vendorSql.prepareBatchInsert(connection, insert), (PreparedStatementCallback<int[]>)
                ps -> {
                    for (ChangeBatch.Row row : latest) {
                        bind(ps, entity, columnTypes, token, row);
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                });
        return latest.size();
    }

    /**
     * PostgreSQL: the rows as CSV through {@code COPY}, on the transaction's connection. CSV tells a null
     * (an unquoted empty field) from an empty string (quoted), and every text value is quoted.
     */
    private void copy(
            EntityDefinition entity, Map<String, Integer> types, String token, Collection<ChangeBatch.Row> rows) {
        String copy = "COPY " + sql.quoteQualifiedName(landingTable(entity)) + " ("
                + entity.columns().stream().map(sql::quoteIdentifier).collect(Collectors.joining(", "))
                + ", source_version, source_deleted, apply_token, applies) FROM STDIN (FORMAT csv)";
        List<String> columns = entity.columns();
        int[] columnTypes = typesInOrder(entity, types);
        int keyIndex = columns.indexOf(entity.keyColumn());
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
            try {
                StringBuilder csv = new StringBuilder(COPY_CHUNK_CHARS + 1024);
                for (ChangeBatch.Row row : rows) {
                    Map<String, Object> data = row.data();
                    for (int c = 0; c < columnTypes.length; c++) {
                        String column = columns.get(c);
                        Object value = c == keyIndex ? row.key() : data.get(column);
                        csvField(csv, copyValue(entity, column, value, columnTypes[c]));
                        csv.append(',');
                    }
                    csv.append(row.version())
                            .append(',')
                            .append(row.op() == ChangeBatch.Op.delete)
                            .append(',');
                    csvField(csv, token);
                    csv.append(",false\n");
                    if (csv.length() >= COPY_CHUNK_CHARS) {
                        send(in, csv);
                    }
                }
                send(in, csv);
                return in.endCopy();
            } catch (RuntimeException | SQLException e) {
                // A value that does not fit, or a failed write: end the COPY, then report what failed.
                if (in.isActive()) {
                    try {
                        in.cancelCopy();
                    } catch (SQLException cancelFailed) {
                        e.addSuppressed(cancelFailed);
                    }
                }
                throw e;
            }
        });
    }

    /** Sends the CSV written so far to the COPY and empties the buffer for the next rows. */
    private static void send(CopyIn in, StringBuilder csv) throws SQLException {
        if (csv.length() > 0) {
            byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            csv.setLength(0);
        }
    }

    /**
     * A value as COPY reads it: a timestamp as its ISO local date-time (never through {@link Timestamp},
     * whose JVM time zone would move a wall-clock time that falls in a daylight-saving gap), an instant as
     * ISO-8601 with its offset (the same instant whatever the session's time zone), the rest as {@link
     * #convert} checks it.
     */
    static Object copyValue(EntityDefinition entity, String column, Object value, int sqlType) {
        if (sqlType == Types.TIMESTAMP_WITH_TIMEZONE && value != null) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    (OffsetDateTime) convert(entity, column, value, sqlType));
        }
        if (sqlType == Types.TIMESTAMP && value instanceof String text) {
            try {
                return wallClock(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "Value '" + value + "' of " + entity.name() + "." + column
                                + " does not fit its DW column type (" + sqlType + ")",
                        e);
            }
        }
        return convert(entity, column, value, sqlType);
    }

    /**
     * A wall-clock timestamp as the batch carries it, ISO-8601 ({@code 2026-03-08T02:30}, with seconds and up
     * to nine digits of a fraction or without, a trailing {@code Z} allowed), checked field by field and kept
     * as text without the {@code Z}, which COPY reads as it is. Parsing it into a {@link LocalDateTime} with
     * the ISO formatter and printing it again took a fifth of the loader's CPU in an initial load
     * (docs/performance.md); the date is still checked ({@link LocalDate#of}: no 30 February).
     *
     * @throws IllegalArgumentException when the text is not such a date-time
     */
    static String wallClock(String text) {
        int end = text.endsWith("Z") ? text.length() - 1 : text.length();
        boolean shape = end >= 16
                && digits(text, 0, 4)
                && text.charAt(4) == '-'
                && twoDigits(text, 5, 1, 12)
                && text.charAt(7) == '-'
                && twoDigits(text, 8, 1, 31)
                && text.charAt(10) == 'T'
                && twoDigits(text, 11, 0, 23)
                && text.charAt(13) == ':'
                && twoDigits(text, 14, 0, 59)
                && (end == 16
                        || (end >= 19
                                && text.charAt(16) == ':'
                                && twoDigits(text, 17, 0, 59)
                                && (end == 19
                                        || (end >= 21
                                                && end <= 29
                                                && text.charAt(19) == '.'
                                                && digits(text, 20, end - 20)))));
        if (!shape) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 local date-time");
        }
        LocalDate.of(
                Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10), Integer.parseInt(text, 8, 10, 10));
        return end == text.length() ? text : text.substring(0, end);
    }

    private static boolean digits(String text, int from, int count) {
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean twoDigits(String text, int from, int min, int max) {
        if (!digits(text, from, 2)) {
            return false;
        }
        int value = (text.charAt(from) - '0') * 10 + (text.charAt(from + 1) - '0');
        return value >= min && value <= max;
    }

    /** One CSV field: a null as nothing, a text quoted (its quotes doubled), other values as they print. */
    static void csvField(StringBuilder csv, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Long number) {
            // Digits written straight into the buffer: append(Object) made a String of every key and version
            // first, 137 MB of a 200,000-item load's 2.6 GB of allocations in the loader (a JFR recording).
            csv.append(number.longValue());
        } else if (value instanceof Integer number) {
            csv.append(number.intValue());
        } else if (value instanceof BigDecimal decimal) {
            csv.append(decimal.toPlainString());
        } else if (value instanceof Number || value instanceof Boolean) {
            csv.append(value);
        } else {
            String text = value.toString();
            csv.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    csv.append('"');
                }
                csv.append(c);
            }
            csv.append('"');
        }
    }

    private static void bind(
            PreparedStatement ps, EntityDefinition entity, int[] columnTypes, String token, ChangeBatch.Row row)
            throws SQLException {
        int index = 1;
        List<String> columns = entity.columns();
        for (int c = 0; c < columnTypes.length; c++) {
            String column = columns.get(c);
            Object value =
                    column.equals(entity.keyColumn()) ? row.key() : row.data().get(column);
            int type = columnTypes[c];
            Object converted = convert(entity, column, value, type);
            if (converted == null) {
                ps.setNull(index++, type == Types.OTHER ? Types.VARCHAR : type);
            } else {
                ps.setObject(index++, converted, type);
            }
        }
        ps.setLong(index++, row.version());
        ps.setBoolean(index++, row.op() == ChangeBatch.Op.delete);
        ps.setString(index++, token);
        ps.setBoolean(index, false);
    }

    /** The JDBC type of each of the entity's columns, in column order ({@link Types#OTHER} when unknown). */
    private static int[] typesInOrder(EntityDefinition entity, Map<String, Integer> types) {
        return entity.columns().stream()
                .mapToInt(column -> types.getOrDefault(column.toLowerCase(Locale.ROOT), Types.OTHER))
                .toArray();
    }

    static Collection<ChangeBatch.Row> latestPerKey(List<ChangeBatch.Row> rows) {
        Map<Long, ChangeBatch.Row> byKey = new LinkedHashMap<>();
        for (ChangeBatch.Row row : rows) {
            byKey.merge(row.key(), row, (a, b) -> b.version() >= a.version() ? b : a);
        }
        return byKey.values();
    }

    private Map<String, Integer> readColumnTypes(EntityDefinition entity) {
        Connection connection = DataSourceUtils.getConnection(dw);
        try {
            DatabaseMetaData meta = connection.getMetaData();
            Map<String, Integer> types = new ConcurrentHashMap<>();
            for (String[] name : List.of(
                    new String[] {"stg", "incoming_" + entity.name()},
                    new String[] {"STG", ("incoming_" + entity.name()).toUpperCase(Locale.ROOT)})) {
                try (ResultSet columns = meta.getColumns(null, name[0], name[1], null)) {
                    while (columns.next()) {
                        types.put(
                                columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                                jdbcType(columns.getInt("DATA_TYPE"), columns.getString("TYPE_NAME")));
                    }
                }
                if (!types.isEmpty()) {
                    return types;
                }
            }
            throw new IllegalStateException("The DW has no table " + incomingTable(entity)
                    + "; migrate the DW schema (the loader does it at start-up)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the columns of " + incomingTable(entity), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dw);
        }
    }

    /**
     * The JDBC type a column's values are converted to: as the driver reports it, but an instant with its
     * offset (PostgreSQL {@code timestamptz}, which its driver reports as {@link Types#TIMESTAMP}; SQL Server
     * {@code datetimeoffset}, a type of the driver's own) is {@link Types#TIMESTAMP_WITH_TIMEZONE}.
     */
    static int jdbcType(int dataType, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        return name.equals("timestamptz") || name.equals("datetimeoffset") ? Types.TIMESTAMP_WITH_TIMEZONE : dataType;
    }

    /**
     * A JSON value as the JDBC type of its column; a value that does not fit names the column. An instant is
     * an {@link OffsetDateTime} (its ISO-8601 text carries the offset), a time a {@link LocalTime} with
     * every digit of its fraction.
     */
    static Object convert(EntityDefinition entity, String column, Object value, int sqlType) {
        if (value == null) {
            return null;
        }
        try {
            return switch (sqlType) {
                case Types.TIMESTAMP -> value instanceof String s
                        ? Timestamp.valueOf(LocalDateTime.parse(s.endsWith("Z") ? s.substring(0, s.length() - 1) : s))
                        : value;
                case Types.TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.parse(value.toString());
                case Types.TIME -> LocalTime.parse(value.toString());
                case Types.DATE -> value instanceof String s ? java.sql.Date.valueOf(LocalDate.parse(s)) : value;
                case Types.NUMERIC, Types.DECIMAL -> value instanceof BigDecimal
                        ? value
                        : new BigDecimal(value.toString());
                case Types.BIGINT -> ((Number) value).longValue();
                case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> ((Number) value).intValue();
                case Types.BOOLEAN, Types.BIT -> value instanceof Boolean ? value : Boolean.valueOf(value.toString());
                default -> value.toString();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "Value '" + value + "' of " + entity.name() + "." + column + " does not fit its DW column type ("
                            + sqlType + ")",
                    e);
        }
    }
}
