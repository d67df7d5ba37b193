package io.esteira.oltp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A digest per table of every row in key order, leaving out what the database stamps by itself
 * (created_at, updated_at, row_version, and the tombstones' deleted_at).
 */
final class TableChecksums {

    private static final Set<String> STAMPED = Set.of("created_at", "updated_at", "row_version");

    private TableChecksums() {}

    static Map<String, String> of(DataSource dataSource) throws SQLException {
        Map<String, String> checksums = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (CoreTable table : CoreTable.values()) {
                checksums.put(
                        table.tableName(),
                        digest(
                                connection,
                                "SELECT * FROM " + table.qualifiedName() + " ORDER BY " + table.keyColumn(),
                                Set.of()));
            }
            checksums.put(
                    "deleted_rows",
                    digest(
                            connection,
                            "SELECT * FROM " + CoreTable.DELETED_ROWS + " ORDER BY deleted_row_id",
                            Set.of("deleted_at")));
        }
        return checksums;
    }

    private static String digest(Connection connection, String sql, Set<String> alsoSkip) throws SQLException {
        MessageDigest digest = sha256();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            while (rows.next()) {
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    String column = meta.getColumnName(c).toLowerCase(Locale.ROOT);
                    if (!STAMPED.contains(column) && !alsoSkip.contains(column)) {
                        digest.update((column + "=" + rows.getString(c) + "|").getBytes(StandardCharsets.UTF_8));
                    }
                }
                digest.update((byte) '\n');
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
