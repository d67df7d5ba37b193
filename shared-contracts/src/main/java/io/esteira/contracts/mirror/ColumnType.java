package io.esteira.contracts.mirror;

import io.esteira.contracts.dialect.Vendor;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The type of a mirror entity's column as a change batch carries it ({@code ChangeBatch.columns}): a small
 * vendor-neutral vocabulary that both source vendors map onto and both warehouse vendors create without
 * loss (docs/data-contract.md, "Mirror tables"). A source type outside it is refused by name, never
 * widened to text silently.
 *
 * <table>
 *   <caption>neutral types</caption>
 *   <tr><th>neutral</th><th>PostgreSQL DW</th><th>SQL Server DW</th></tr>
 *   <tr><td>bigint, integer, smallint</td><td>same</td><td>bigint, int, smallint</td></tr>
 *   <tr><td>decimal(p,s)</td><td>numeric(p,s)</td><td>decimal(p,s)</td></tr>
 *   <tr><td>decimal (no precision)</td><td>numeric</td><td>refused</td></tr>
 *   <tr><td>real, double</td><td>real, double precision</td><td>real, float</td></tr>
 *   <tr><td>boolean</td><td>boolean</td><td>bit</td></tr>
 *   <tr><td>date, timestamp</td><td>date, timestamp</td><td>date, datetime2(7)</td></tr>
 *   <tr><td>timestamptz (an instant)</td><td>timestamptz</td><td>datetimeoffset(7)</td></tr>
 *   <tr><td>time</td><td>time</td><td>time(7)</td></tr>
 *   <tr><td>uuid</td><td>uuid</td><td>uniqueidentifier</td></tr>
 *   <tr><td>varchar(n), char(n), text</td><td>same</td><td>nvarchar(n), nchar(n), nvarchar(max)</td></tr>
 * </table>
 *
 * @param base the type's name, e.g. {@code decimal}
 * @param size length (varchar, char) or precision (decimal); null when none
 * @param scale scale of a decimal with a precision; null otherwise
 */
public record ColumnType(String base, Integer size, Integer scale) {

    private static final Pattern NEUTRAL = Pattern.compile(
            "(bigint|integer|smallint|boolean|real|double|date|timestamptz|timestamp|time|uuid|text|decimal)"
                    + "|decimal\\((\\d{1,2}),(\\d{1,2})\\)|(varchar|char)\\((\\d{1,9})\\)");

    /** SQL Server's largest nvarchar(n) / nchar(n); longer becomes nvarchar(max). */
    private static final int SQLSERVER_MAX_N = 4000;

    /**
     * A neutral type as a batch carries it.
     *
     * @throws IllegalArgumentException when {@code neutral} is not in the vocabulary
     */
    public static ColumnType parse(String neutral) {
        Matcher m = NEUTRAL.matcher(neutral == null ? "" : neutral);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + neutral + "' is not a mirror column type; use one of bigint,"
                    + " integer, smallint, decimal(p,s), decimal, real, double, boolean, date, timestamp, timestamptz,"
                    + " time, uuid, varchar(n), char(n), text.");
        }
        if (m.group(1) != null) {
            return new ColumnType(m.group(1), null, null);
        }
        if (m.group(2) != null) {
            return new ColumnType("decimal", Integer.valueOf(m.group(2)), Integer.valueOf(m.group(3)));
        }
        return new ColumnType(m.group(4), Integer.valueOf(m.group(5)), null);
    }

    /**
     * The neutral type of a source column, from what its information schema says ({@code data_type},
     * {@code character_maximum_length}, {@code numeric_precision}, {@code numeric_scale}).
     *
     * @return null when the source type has no neutral type (the caller names the column)
     */
    public static ColumnType ofSource(
            Vendor source, String dataType, Integer length, Integer precision, Integer scale) {
        String type = dataType.toLowerCase(Locale.ROOT);
        return switch (source) {
            case POSTGRESQL -> switch (type) {
                case "bigint", "integer", "smallint", "boolean", "real", "date", "text" -> new ColumnType(
                        type, null, null);
                case "double precision" -> new ColumnType("double", null, null);
                case "numeric" -> precision == null
                        ? new ColumnType("decimal", null, null)
                        : new ColumnType("decimal", precision, scale == null ? 0 : scale);
                case "timestamp without time zone" -> new ColumnType("timestamp", null, null);
                case "timestamp with time zone" -> new ColumnType("timestamptz", null, null);
                case "time without time zone" -> new ColumnType("time", null, null);
                case "uuid" -> new ColumnType("uuid", null, null);
                case "character varying" -> length == null
                        ? new ColumnType("text", null, null)
                        : new ColumnType("varchar", length, null);
                case "character" -> new ColumnType("char", length == null ? 1 : length, null);
                default -> null;
            };
            case SQLSERVER -> switch (type) {
                case "bigint", "smallint", "real", "date" -> new ColumnType(type, null, null);
                case "int" -> new ColumnType("integer", null, null);
                case "tinyint" -> new ColumnType("smallint", null, null);
                case "bit" -> new ColumnType("boolean", null, null);
                case "float" -> precision != null && precision <= 24
                        ? new ColumnType("real", null, null)
                        : new ColumnType("double", null, null);
                case "decimal", "numeric" -> new ColumnType("decimal", precision, scale == null ? 0 : scale);
                case "money" -> new ColumnType("decimal", 19, 4);
                case "smallmoney" -> new ColumnType("decimal", 10, 4);
                case "datetime2", "datetime", "smalldatetime" -> new ColumnType("timestamp", null, null);
                case "datetimeoffset" -> new ColumnType("timestamptz", null, null);
                case "time" -> new ColumnType("time", null, null);
                case "uniqueidentifier" -> new ColumnType("uuid", null, null);
                case "varchar", "nvarchar" -> length == null || length < 0
                        ? new ColumnType("text", null, null)
                        : new ColumnType("varchar", length, null);
                case "char", "nchar" -> new ColumnType("char", length, null);
                case "text", "ntext" -> new ColumnType("text", null, null);
                default -> null;
            };
        };
    }

    /** The type as a batch carries it, e.g. {@code decimal(12,2)}. */
    public String neutral() {
        if (size == null) {
            return base;
        }
        return base + "(" + size + (scale == null ? "" : "," + scale) + ")";
    }

    /**
     * The warehouse column type.
     *
     * @throws IllegalArgumentException when the vendor cannot hold the type exactly
     */
    public String ddl(Vendor warehouse) {
        boolean sqlServer = warehouse == Vendor.SQLSERVER;
        return switch (base) {
            case "bigint", "smallint", "real", "date" -> base;
            case "integer" -> sqlServer ? "int" : "integer";
            case "boolean" -> sqlServer ? "bit" : "boolean";
            case "double" -> sqlServer ? "float" : "double precision";
            case "timestamp" -> sqlServer ? "datetime2(7)" : "timestamp";
            case "timestamptz" -> sqlServer ? "datetimeoffset(7)" : "timestamptz";
            case "time" -> sqlServer ? "time(7)" : "time";
            case "uuid" -> sqlServer ? "uniqueidentifier" : "uuid";
            case "text" -> sqlServer ? "nvarchar(max)" : "text";
            case "decimal" -> {
                if (size == null) {
                    if (sqlServer) {
                        throw new IllegalArgumentException("decimal without a precision has no exact SQL Server type;"
                                + " give the source column a precision and scale (numeric(p,s)).");
                    }
                    yield "numeric";
                }
                yield (sqlServer ? "decimal(" : "numeric(") + size + "," + scale + ")";
            }
            case "varchar" -> sqlServer
                    ? (size > SQLSERVER_MAX_N ? "nvarchar(max)" : "nvarchar(" + size + ")")
                    : "varchar(" + size + ")";
            case "char" -> sqlServer
                    ? (size > SQLSERVER_MAX_N ? "nvarchar(max)" : "nchar(" + size + ")")
                    : "char(" + size + ")";
            default -> throw new IllegalStateException("Unknown mirror column type " + base);
        };
    }

    @Override
    public String toString() {
        return neutral();
    }
}
