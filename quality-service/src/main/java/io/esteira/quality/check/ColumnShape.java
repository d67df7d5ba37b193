package io.esteira.quality.check;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * A column's type and nullability as JDBC reports them, compared across vendors by type family: a
 * SQL Server {@code nvarchar(20)} and a PostgreSQL {@code varchar(20)} are both {@code text(20)}.
 *
 * @param family the vendor-neutral type: {@code text}, {@code decimal}, {@code bigint}, {@code timestamp}, …
 * @param size the length of a text or the precision of a decimal; 0 when neither (or unbounded text)
 * @param scale the scale of a decimal, else 0
 * @param nullable whether the column accepts nulls
 */
public record ColumnShape(String family, int size, int scale, boolean nullable) {

    /** Texts at least this long are unbounded ({@code text}, {@code nvarchar(max)}). */
    private static final int UNBOUNDED = 1_000_000;

    static ColumnShape of(int jdbcType, String typeName, int size, int digits, boolean nullable) {
        // Named alike on both vendors whatever JDBC type their drivers report (PostgreSQL's timestamptz is a
        // TIMESTAMP to its driver, SQL Server's uniqueidentifier a CHAR): the mirror types of the same name.
        switch (typeName == null ? "" : typeName.toLowerCase(Locale.ROOT)) {
            case "timestamptz", "datetimeoffset" -> {
                return new ColumnShape("timestamptz", 0, 0, nullable);
            }
            case "uuid", "uniqueidentifier" -> {
                return new ColumnShape("uuid", 0, 0, nullable);
            }
            default -> {}
        }
        return switch (jdbcType) {
            case Types.CHAR,
                    Types.VARCHAR,
                    Types.NCHAR,
                    Types.NVARCHAR,
                    Types.LONGVARCHAR,
                    Types.LONGNVARCHAR,
                    Types.CLOB,
                    Types.NCLOB -> new ColumnShape("text", size >= UNBOUNDED ? 0 : size, 0, nullable);
            case Types.NUMERIC, Types.DECIMAL -> new ColumnShape("decimal", size, digits, nullable);
            case Types.TINYINT, Types.SMALLINT -> new ColumnShape("smallint", 0, 0, nullable);
            case Types.INTEGER -> new ColumnShape("integer", 0, 0, nullable);
            case Types.BIGINT -> new ColumnShape("bigint", 0, 0, nullable);
            case Types.BIT, Types.BOOLEAN -> new ColumnShape("boolean", 0, 0, nullable);
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> new ColumnShape("float", 0, 0, nullable);
            case Types.DATE -> new ColumnShape("date", 0, 0, nullable);
            case Types.TIMESTAMP -> new ColumnShape("timestamp", 0, 0, nullable);
            case Types.TIMESTAMP_WITH_TIMEZONE -> new ColumnShape("timestamptz", 0, 0, nullable);
            default -> new ColumnShape(typeName.toLowerCase(Locale.ROOT), 0, 0, nullable);
        };
    }

    /** The columns of {@code table}, by lower-case name, in table order. */
    static Map<String, ColumnShape> read(DataSource dataSource, Catalog.Table table, String role) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            Map<String, ColumnShape> columns = new LinkedHashMap<>();
            try (ResultSet rs = meta.getColumns(null, table.schema(), table.name(), null)) {
                while (rs.next()) {
                    if (table.schema().equals(rs.getString("TABLE_SCHEM"))
                            && table.name().equals(rs.getString("TABLE_NAME"))) {
                        columns.put(
                                rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                                of(
                                        rs.getInt("DATA_TYPE"),
                                        rs.getString("TYPE_NAME"),
                                        rs.getInt("COLUMN_SIZE"),
                                        rs.getInt("DECIMAL_DIGITS"),
                                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
                    }
                }
            }
            return columns;
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException(
                    "Cannot read the columns of " + table + " in the " + role + " database: " + e.getMessage(), e);
        }
    }

    /** Whether every value of this column fits a column shaped like {@code target} (nullability aside). */
    boolean fitsInto(ColumnShape target) {
        if (!family.equals(target.family)) {
            return false;
        }
        if (family.equals("text")) {
            return target.size == 0 || size != 0 && size <= target.size;
        }
        if (family.equals("decimal")) {
            return scale <= target.scale && size - scale <= target.size - target.scale;
        }
        return true;
    }

    /** The same type, nullability aside. */
    boolean sameType(ColumnShape other) {
        return family.equals(other.family) && size == other.size && scale == other.scale;
    }

    /** {@code text(20)}, {@code decimal(12,2)}, {@code bigint}. */
    String type() {
        if (family.equals("decimal")) {
            return "decimal(" + size + "," + scale + ")";
        }
        return size == 0 ? family : family + "(" + size + ")";
    }

    @Override
    public String toString() {
        return type() + (nullable ? " null" : " not null");
    }
}
