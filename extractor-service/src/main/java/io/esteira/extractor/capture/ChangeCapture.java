package io.esteira.extractor.capture;

import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.ChangeBatch.Cursor;
import io.esteira.contracts.ChangeBatch.Op;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.extractor.dialect.CaptureDialect;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Reads one page of an entity's committed changes from the OLTP, in change order. Stateless apart
 * from a cache of rendered queries; the caller owns the cursor.
 */
public class ChangeCapture {

    private final NamedParameterJdbcTemplate jdbc;
    private final CaptureDialect dialect;
    private final Map<String, String> queries = new ConcurrentHashMap<>();

    public ChangeCapture(DataSource oltp, CaptureDialect dialect, int fetchSize) {
        JdbcTemplate template = new JdbcTemplate(oltp);
        template.setFetchSize(fetchSize);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.dialect = dialect;
    }

    /**
     * Up to {@code maxRows} rows of the range, in change order (version, then key), all below the capture
     * bound read just before, in a statement of its own (see {@link CaptureDialect}).
     */
    public List<ChangeBatch.Row> page(EntityDefinition entity, CaptureRange range, int maxRows) {
        String sql = queries.computeIfAbsent(
                entity.name() + "|" + range.windowColumn(), k -> dialect.capturePage(entity, range.windowColumn()));
        Long bound = jdbc.getJdbcTemplate().queryForObject(dialect.captureBound(), Long.class);
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("bound", bound)
                .addValue("from_version", range.from().version())
                .addValue("from_key", range.from().key())
                .addValue("to_version", range.to().version())
                .addValue("to_key", range.to().key())
                .addValue("table_name", tableName(entity))
                .addValue("max_rows", maxRows);
        if (range.windowColumn() != null) {
            params.addValue("window_from", Timestamp.valueOf(range.windowFrom()));
            params.addValue("window_to", Timestamp.valueOf(range.windowTo()));
        }
        return jdbc.query(sql, params, (rs, n) -> toRow(entity, rs));
    }

    /** The cursor of the last row of a non-empty page. */
    public static Cursor cursorOf(ChangeBatch.Row row) {
        return new Cursor(row.version(), row.key());
    }

    /** The tombstone table's {@code table_name}: the source table without its schema. */
    static String tableName(EntityDefinition entity) {
        return entity.source().tableName();
    }

    private static ChangeBatch.Row toRow(EntityDefinition entity, ResultSet rs) throws SQLException {
        Op op = Op.valueOf(rs.getString("esteira_op"));
        long key = rs.getLong("esteira_key");
        long version = rs.getLong("esteira_version");
        Map<String, Object> data = new LinkedHashMap<>();
        if (op == Op.upsert) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 4; i <= meta.getColumnCount(); i++) {
                data.put(meta.getColumnLabel(i), jsonValue(rs.getObject(i)));
            }
        }
        return new ChangeBatch.Row(op, key, version, data);
    }

    /** JDBC value → a value Jackson writes as the contract expects (timestamps as ISO-8601 UTC text). */
    static Object jsonValue(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Long
                || value instanceof Integer
                || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Short s) {
            return s.intValue();
        }
        if (value instanceof Timestamp ts) {
            return ts.toLocalDateTime().toString();
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.toString();
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toLocalDateTime().toString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return value.toString();
    }
}
