package io.esteira.local.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A fingerprint of a warehouse's dimensions and facts, to tell whether two warehouses loaded from
 * the same source hold the same rows: per table, the row count and an order-independent hash (the
 * sum of each row's MD5, first 64 bits) of every column but surrogate keys and load times, the
 * surrogate keys replaced by the natural keys they stand for ({@code content-*} in {@code
 * postgresql.sql}). Business content only: two warehouses built by different code from the same source
 * (the pipeline's and the reference's) agree on it while their surrogate keys differ.
 */
final class WarehouseContent {

    static final List<String> TABLES = List.of(
            "dim.dim_data",
            "dim.dim_regiao",
            "dim.dim_equipe",
            "dim.dim_vendedor",
            "dim.dim_cliente",
            "dim.dim_produto",
            "dim.dim_desconto",
            "fact.fact_vendas",
            "fact.fact_metas",
            "fact.fact_descontos");

    private static final char SEPARATOR = '\u001f';
    private static final String NULL = "\u0000";

    /** One table's fingerprint. */
    record Table(long rows, String hash) {}

    /** Two warehouses side by side: the tables that differ, empty when they are identical. */
    record Comparison(Map<String, Table> pipeline, Map<String, Table> reference, List<String> different) {

        boolean identical() {
            return different.isEmpty();
        }

        String describe() {
            return identical()
                    ? "IDENTICAL (" + pipeline.size()
                            + " dimension and fact tables: row counts and content hashes on natural keys)"
                    : "DIFFERENT in " + String.join(", ", different);
        }
    }

    private WarehouseContent() {}

    static Comparison compare(DataSource pipeline, DataSource reference) {
        Map<String, Table> left = of(pipeline);
        Map<String, Table> right = of(reference);
        List<String> different = new ArrayList<>();
        for (String table : TABLES) {
            if (!left.get(table).equals(right.get(table))) {
                different.add(table + " (pipeline " + left.get(table).rows() + " rows, reference "
                        + right.get(table).rows() + ")");
            }
        }
        return new Comparison(left, right, different);
    }

    static Map<String, Table> of(DataSource dw) {
        Map<String, Table> tables = new LinkedHashMap<>();
        try (Connection connection = dw.getConnection()) {
            // A cursor (fetch size) needs a transaction on PostgreSQL; without one the driver reads it all.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            for (String table : TABLES) {
                tables.put(table, fingerprint(connection, BenchSql.get("content-" + table)));
            }
            connection.commit();
        } catch (SQLException e) {
            throw new BenchException(
                    "Cannot read the warehouse's dimensions and facts to compare them: " + e.getMessage()
                            + ". Check that the DW is reachable.",
                    e);
        }
        return tables;
    }

    private static Table fingerprint(Connection connection, String sql) throws SQLException {
        MessageDigest md5 = md5();
        long rows = 0;
        long sum = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                StringBuilder row = new StringBuilder(256);
                while (rs.next()) {
                    row.setLength(0);
                    for (int i = 1; i <= columns; i++) {
                        String value = rs.getString(i);
                        row.append(value == null ? NULL : value).append(SEPARATOR);
                    }
                    byte[] digest = md5.digest(row.toString().getBytes(StandardCharsets.UTF_8));
                    sum += ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
                    rows++;
                }
            }
        }
        return new Table(rows, String.format("%016x", sum));
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM; use a standard Java 17 runtime.", e);
        }
    }
}
