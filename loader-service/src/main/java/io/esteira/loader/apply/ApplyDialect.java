package io.esteira.loader.apply;

import com.microsoft.sqlserver.jdbc.ISQLServerConnection;
import io.esteira.contracts.dialect.Vendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * What the loader's SQL spells differently per vendor, in one place, so that one template in {@code
 * apply/ansi} serves every vendor. PostgreSQL 15+ takes standard SQL. SQL Server 2022 has no
 * boolean literals (booleans are {@code bit}), no {@code INTERVAL}, {@code EXTRACT}, {@code ||} or {@code
 * LPAD}, and rejects a {@code MERGE} not ended by {@code ;} (error 10713). Templates write those as tokens:
 *
 * <ul>
 *   <li>{@code {true}}, {@code {false}}: {@code TRUE}, {@code FALSE}; SQL Server {@code 1}, {@code 0};
 *   <li>{@code {date_sk:x}}, x's yyyymmdd: {@code CAST(EXTRACT(YEAR FROM x) * 10000 + … AS INTEGER)}; SQL
 *       Server {@code (YEAR(x) * 10000 + MONTH(x) * 100 + DAY(x))};
 *   <li>{@code {month_start:y, m}}, the date y-m-01: {@code CAST(… || LPAD(…) || '-01' AS DATE)}; SQL
 *       Server {@code DATEFROMPARTS(y, m, 1)};
 *   <li>{@code {plus_1ms:x}}: {@code x + INTERVAL '0.001' SECOND}; SQL Server {@code DATEADD(millisecond, 1,
 *       x)};
 *   <li>{@code {queue_row_keys:q}}, the keys a {@code ctl.derive_queue} row {@code q} holds, as an array: a
 *       landed batch's ({@code keys}, comma-separated) or its one {@code key_value} (PostgreSQL only:
 *       db/dw/common/V100; SQL Server queues a row per key).
 * </ul>
 *
 * A statement whose structure differs lives in {@code apply/sqlserver/<name>.sql} ({@link ApplySql}).
 *
 * <p>Parameters: the driver sends a Java string as {@code nvarchar}. Compared with a {@code varchar}
 * column, SQL Server converts the column, not the parameter, and an index seek becomes a scan; the apply
 * token ({@code :token}, against the {@code varchar(36)} {@code apply_token} of every work table) is
 * therefore sent as {@code CAST(:token AS VARCHAR(36))} on SQL Server.
 */
final class ApplyDialect {

    private static final Pattern TOKEN_PARAMETER = Pattern.compile(":token\\b");

    private final boolean sqlServer;

    private ApplyDialect(Vendor vendor) {
        this.sqlServer = vendor == Vendor.SQLSERVER;
    }

    static ApplyDialect of(Vendor vendor) {
        return new ApplyDialect(vendor);
    }

    /**
     * The vendor's text for a token, or null when {@code name} is not a token (then it is a placeholder).
     *
     * @param argument the text after {@code :}, or null for a token without one
     * @throws IllegalArgumentException for an unknown token or a wrong number of arguments
     */
    String token(String name, String argument) {
        if (argument == null) {
            return switch (name) {
                case "true" -> sqlServer ? "1" : "TRUE";
                case "false" -> sqlServer ? "0" : "FALSE";
                default -> null;
            };
        }
        String[] args = argument.split(",");
        String x = args[0].strip();
        return switch (name + "/" + args.length) {
            case "date_sk/1" -> sqlServer
                    ? "(YEAR(" + x + ") * 10000 + MONTH(" + x + ") * 100 + DAY(" + x + "))"
                    : "CAST(EXTRACT(YEAR FROM " + x + ") * 10000 + EXTRACT(MONTH FROM " + x + ") * 100"
                            + " + EXTRACT(DAY FROM " + x + ") AS INTEGER)";
            case "month_start/2" -> sqlServer
                    ? "DATEFROMPARTS(" + x + ", " + args[1].strip() + ", 1)"
                    : "CAST(CAST(" + x + " AS VARCHAR(4)) || '-' || LPAD(CAST(" + args[1].strip()
                            + " AS VARCHAR(2)), 2, '0') || '-01' AS DATE)";
            case "plus_1ms/1" -> sqlServer ? "DATEADD(millisecond, 1, " + x + ")" : x + " + INTERVAL '0.001' SECOND";
            case "queue_row_keys/1" -> {
                if (sqlServer) {
                    throw new IllegalArgumentException("{queue_row_keys:" + x + "}: SQL Server's derive queue holds"
                            + " one key per row (key_value); only PostgreSQL's templates read batch rows");
                }
                yield "COALESCE(CAST(string_to_array(" + x + ".keys, ',') AS bigint[]), ARRAY[" + x + ".key_value])";
            }
            default -> throw new IllegalArgumentException("Unknown SQL token {" + name + ":" + argument
                    + "}; use {date_sk:x}, {month_start:y,m}, {plus_1ms:x} or {queue_row_keys:q}");
        };
    }

    /**
     * A statement as it is sent. SQL Server: ended by {@code ;}, which a {@code MERGE} requires even when
     * sent alone and every other statement accepts (the driver takes it in a prepared statement), and the
     * apply token typed as {@code varchar} so the work tables' token indexes seek.
     */
    String terminate(String statement) {
        if (!sqlServer) {
            return statement;
        }
        return TOKEN_PARAMETER.matcher(statement).replaceAll("CAST(:token AS VARCHAR(36))") + ";";
    }

    /**
     * Prepares a batched {@code INSERT … VALUES (?, …)}. On SQL Server the statement is prepared with the
     * driver's {@code useBulkCopyForBatchInsert} (mssql-jdbc 9.2+), so {@code executeBatch} sends the rows
     * as one bulk copy (TDS bulk load, within the current transaction) instead of one parameterised insert
     * per row. The driver reads the flag when the statement is prepared, so it is switched on for this
     * statement only and restored on the pooled connection. Where bulk copy does not apply (a column of
     * type date, time, datetime, smalldatetime, datetimeoffset, money, geometry or geography; the staging
     * tables have none: their timestamps are datetime2) the driver falls back to the plain batch itself.
     */
    PreparedStatement prepareBatchInsert(Connection connection, String insert) throws SQLException {
        if (!sqlServer || !connection.isWrapperFor(ISQLServerConnection.class)) {
            return connection.prepareStatement(insert);
        }
        ISQLServerConnection sqlServerConnection = connection.unwrap(ISQLServerConnection.class);
        boolean before = sqlServerConnection.getUseBulkCopyForBatchInsert();
        sqlServerConnection.setUseBulkCopyForBatchInsert(true);
        try {
            return connection.prepareStatement(insert);
        } finally {
            sqlServerConnection.setUseBulkCopyForBatchInsert(before);
        }
    }
}
