package io.esteira.oltp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What every vendor's OLTP schema, generator and workload must do; one subclass per database. */
abstract class OltpScenario {

    static final Set<String> CONTRACT_TABLES = Set.of(
            "regions",
            "teams",
            "sellers",
            "customers",
            "categories",
            "products",
            "discounts",
            "orders",
            "order_items",
            "returns",
            "sales_targets");

    /** A new empty database; the test closes it. */
    abstract TestDatabase freshDatabase();

    /** {@code row_version} as a number that grows with change order. */
    abstract String rowVersionAsNumber();

    @Test
    void shouldCreateEveryContractTableWithItsChangeColumnsAndIndex() throws SQLException {
        try (TestDatabase database = freshDatabase()) {
            assertThat(OltpSchema.migrate(database.dataSource())).isPositive();

            try (Connection connection = database.dataSource().getConnection()) {
                DatabaseMetaData meta = connection.getMetaData();
                Set<String> tables = tablesOfCore(meta);
                assertThat(tables).containsAll(CONTRACT_TABLES).contains("deleted_rows", OltpSchema.HISTORY_TABLE);
                for (CoreTable table : CoreTable.values()) {
                    assertThat(columns(meta, table.tableName()))
                            .as(table.qualifiedName())
                            .contains(table.keyColumn(), "created_at", "updated_at", "deleted_at", "row_version");
                    assertThat(indexes(meta, table.tableName()))
                            .as("indexes of " + table.qualifiedName())
                            .contains(List.of("row_version", table.keyColumn()));
                }
                assertThat(columns(meta, "deleted_rows"))
                        .containsExactly("deleted_row_id", "table_name", "row_key", "row_version", "deleted_at");
                assertThat(indexes(meta, "deleted_rows")).contains(List.of("table_name", "row_version", "row_key"));
            }
        }
    }

    @Test
    void shouldMigrateAgainAsNoOp() {
        try (TestDatabase database = freshDatabase()) {
            assertThat(OltpSchema.isCurrent(database.dataSource())).isFalse();
            OltpSchema.migrate(database.dataSource());

            assertThat(OltpSchema.migrate(database.dataSource())).isZero();
            assertThat(OltpSchema.isCurrent(database.dataSource())).isTrue();
        }
    }

    @Test
    void shouldStampLargerRowVersionAndNewUpdatedAtOnUpdate() throws SQLException {
        try (TestDatabase database = migrated()) {
            try (Connection connection = database.dataSource().getConnection()) {
                long id = insertRegionUpdatedIn2020(connection);
                Object[] before = versionAndUpdatedAt(connection, id);

                execute(connection, "UPDATE core.regions SET name = 'Sul - Paraná Norte' WHERE region_id = ?", id);

                Object[] after = versionAndUpdatedAt(connection, id);
                assertThat((BigDecimal) after[0]).isGreaterThan((BigDecimal) before[0]);
                assertThat((LocalDateTime) after[1]).isAfter((LocalDateTime) before[1]);
            }
        }
    }

    @Test
    void shouldWriteTombstoneOnHardDelete() throws SQLException {
        try (TestDatabase database = migrated()) {
            try (Connection connection = database.dataSource().getConnection()) {
                long id = insertRegionUpdatedIn2020(connection);
                BigDecimal inserted = (BigDecimal) versionAndUpdatedAt(connection, id)[0];

                execute(connection, "DELETE FROM core.regions WHERE region_id = ?", id);

                List<Object[]> tombstones = rows(
                        connection,
                        "SELECT table_name, row_key, " + rowVersionAsNumber() + ", deleted_at FROM core.deleted_rows");
                assertThat(tombstones).hasSize(1);
                assertThat(tombstones.get(0)[0]).isEqualTo("regions");
                assertThat(((Number) tombstones.get(0)[1]).longValue()).isEqualTo(id);
                assertThat(new BigDecimal(tombstones.get(0)[2].toString())).isGreaterThan(inserted);
                assertThat(tombstones.get(0)[3]).isNotNull();
            }
        }
    }

    @Test
    void shouldKeepSoftDeletedRowWithoutTombstone() throws SQLException {
        try (TestDatabase database = migrated()) {
            try (Connection connection = database.dataSource().getConnection()) {
                long id = insertRegionUpdatedIn2020(connection);

                execute(
                        connection,
                        "UPDATE core.regions SET deleted_at = ? WHERE region_id = ?",
                        LocalDateTime.of(2026, 1, 2, 3, 4, 5),
                        id);

                assertThat(rows(connection, "SELECT deleted_at FROM core.regions WHERE region_id = ?", id))
                        .singleElement()
                        .satisfies(row -> assertThat(row[0]).isNotNull());
                assertThat(count(connection, "core.deleted_rows")).isZero();
            }
        }
    }

    @Test
    void shouldGenerateTheSameRowsFromTheSameSeed() throws SQLException {
        try (TestDatabase first = migrated();
                TestDatabase second = migrated();
                TestDatabase other = migrated()) {
            GenerationReport report = new BaseDataGenerator(42, 1).generate(first.dataSource());
            new BaseDataGenerator(42, 1).generate(second.dataSource());
            new BaseDataGenerator(43, 1).generate(other.dataSource());

            Map<String, String> checksums = TableChecksums.of(first.dataSource());
            assertThat(TableChecksums.of(second.dataSource())).isEqualTo(checksums);
            assertThat(TableChecksums.of(other.dataSource())).isNotEqualTo(checksums);
            assertThat(report.rows(CoreTable.ORDER_ITEMS)).isEqualTo(1_000);
            try (Connection connection = first.dataSource().getConnection()) {
                for (CoreTable table : CoreTable.values()) {
                    assertThat(count(connection, table.qualifiedName()))
                            .as(table.qualifiedName())
                            .isEqualTo(report.rows(table))
                            .isPositive();
                }
            }
        }
    }

    @Test
    void shouldGiveEveryItemTheDiscountOfItsOrder() throws SQLException {
        try (TestDatabase database = migrated()) {
            new BaseDataGenerator(7, 2).generate(database.dataSource());
            try (Connection connection = database.dataSource().getConnection()) {
                List<Object[]> items = rows(
                        connection,
                        "SELECT o.order_id, d.discount_type, d.value, i.quantity, i.unit_price, i.discount_amount"
                                + " FROM core.orders o"
                                + " INNER JOIN core.order_items i ON i.order_id = o.order_id"
                                + " LEFT JOIN core.discounts d ON d.discount_id = o.discount_id");
                Map<Long, BigDecimal[]> fixedOrders = new HashMap<>();
                int discounted = 0;
                for (Object[] item : items) {
                    BigDecimal gross =
                            ((BigDecimal) item[4]).multiply(BigDecimal.valueOf(((Number) item[3]).longValue()));
                    BigDecimal amount = (BigDecimal) item[5];
                    if (item[1] == null) {
                        assertThat(amount).isZero();
                    } else if ("percent".equals(item[1])) {
                        discounted++;
                        assertThat(amount)
                                .isEqualByComparingTo(gross.multiply((BigDecimal) item[2])
                                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
                    } else {
                        discounted++;
                        BigDecimal[] sums = fixedOrders.computeIfAbsent(((Number) item[0]).longValue(), k ->
                                new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, (BigDecimal) item[2]});
                        sums[0] = sums[0].add(gross);
                        sums[1] = sums[1].add(amount);
                    }
                }
                assertThat(discounted).isPositive();
                assertThat(fixedOrders).isNotEmpty();
                fixedOrders.forEach((order, sums) -> assertThat(sums[1])
                        .as("discount of order %d", order)
                        .isEqualByComparingTo(sums[2].min(sums[0])));
            }
        }
    }

    @Test
    void shouldRefuseToGenerateIntoANonEmptySchema() {
        try (TestDatabase database = migrated()) {
            new BaseDataGenerator(1, 1).generate(database.dataSource());

            assertThatThrownBy(() -> new BaseDataGenerator(1, 1).generate(database.dataSource()))
                    .isInstanceOf(OltpException.class)
                    .hasMessageContaining("core.regions already holds");
        }
    }

    @Test
    void shouldMakeEveryKindOfChange() throws SQLException {
        try (TestDatabase database = migrated()) {
            new BaseDataGenerator(5, 1).generate(database.dataSource());
            Object latestOrder;
            try (Connection connection = database.dataSource().getConnection()) {
                latestOrder = rows(connection, "SELECT MAX(order_date) FROM core.orders")
                        .get(0)[0];
            }

            WorkloadReport report =
                    new ChangeWorkload(new ChangeWorkload.Options(5, 0, null, 300)).run(database.dataSource());

            assertThat(report.total()).isEqualTo(300);
            for (ChangeKind kind : ChangeKind.values()) {
                assertThat(report.count(kind)).as(kind.name()).isPositive();
            }
            try (Connection connection = database.dataSource().getConnection()) {
                assertThat(count(connection, "core.deleted_rows")).isPositive();
                assertThat(countWhere(connection, "core.orders", "deleted_at IS NOT NULL")
                                + countWhere(connection, "core.customers", "deleted_at IS NOT NULL")
                                + countWhere(connection, "core.products", "deleted_at IS NOT NULL"))
                        .isPositive();
                assertThat(((Number) rows(
                                                connection,
                                                "SELECT COUNT(*) FROM core.orders WHERE order_date > ?",
                                                latestOrder)
                                        .get(0)[0])
                                .longValue())
                        .as("orders placed by the workload")
                        .isPositive();
                assertThat(countWhere(connection, "core.sales_targets", "year = 2026"))
                        .isPositive();
            }
        }
    }

    @Test
    void shouldRepeatTheSameChangesFromTheSameSeed() throws SQLException {
        try (TestDatabase first = migrated();
                TestDatabase second = migrated()) {
            for (TestDatabase database : List.of(first, second)) {
                new BaseDataGenerator(11, 1).generate(database.dataSource());
                new ChangeWorkload(new ChangeWorkload.Options(11, 0, Duration.ofMinutes(5), 150))
                        .run(database.dataSource());
            }

            assertThat(TableChecksums.of(second.dataSource())).isEqualTo(TableChecksums.of(first.dataSource()));
        }
    }

    @Test
    void shouldKeepSellingWhenSoftDeletesHaveThinnedTheCatalogue() throws SQLException {
        try (TestDatabase database = migrated()) {
            new BaseDataGenerator(3, 1).generate(database.dataSource());
            try (Connection connection = database.dataSource().getConnection()) {
                // As after a long run: only the floor of live products is left.
                try (var statement = connection.prepareStatement(
                        "UPDATE core.products SET deleted_at = updated_at WHERE product_id > ?")) {
                    statement.setInt(1, ChangeWorkload.MIN_LIVE_PRODUCTS);
                    statement.executeUpdate();
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            }

            WorkloadReport report =
                    new ChangeWorkload(new ChangeWorkload.Options(3, 0, null, 400)).run(database.dataSource());

            assertThat(report.total()).isEqualTo(400);
            assertThat(report.count(ChangeKind.SOFT_DELETE)).isPositive();
            try (Connection connection = database.dataSource().getConnection()) {
                assertThat(countWhere(connection, "core.products", "deleted_at IS NULL"))
                        .as("live products")
                        .isEqualTo(ChangeWorkload.MIN_LIVE_PRODUCTS);
            }
        }
    }

    @Test
    void shouldRefuseAWorkloadWithoutBaseData() {
        try (TestDatabase database = migrated()) {
            ChangeWorkload workload = new ChangeWorkload(new ChangeWorkload.Options(1, 0, null, 10));

            assertThatThrownBy(() -> workload.run(database.dataSource()))
                    .isInstanceOf(OltpException.class)
                    .hasMessageContaining("run 'oltp generate' first");
        }
    }

    /** A fragment of the database's refusal of {@link #truncate}. */
    abstract String truncateRefusal(String table);

    /** The TRUNCATE of {@code core.<table>} that goes furthest on this database. */
    String truncate(String table) {
        return "TRUNCATE TABLE core." + table;
    }

    @Test
    void shouldRefuseTruncateOfEveryCapturedTableKeepingItsRows() throws SQLException {
        try (TestDatabase database = migrated()) {
            new BaseDataGenerator(42, 1).generate(database.dataSource());
            try (Connection connection = database.dataSource().getConnection()) {
                List<String> captured = tablesWithRowVersion(connection.getMetaData());
                assertThat(captured).containsAll(CONTRACT_TABLES).contains("deleted_rows");
                // One tombstone, so that core.deleted_rows has a row to keep too.
                execute(
                        connection,
                        "DELETE FROM core.sales_targets WHERE sales_target_id = "
                                + "(SELECT MIN(sales_target_id) FROM core.sales_targets)");

                for (String table : captured) {
                    long rows = count(connection, "core." + table);
                    assertThat(rows)
                            .as("rows of core.%s before its TRUNCATE", table)
                            .isPositive();

                    assertThatThrownBy(() -> execute(connection, truncate(table)))
                            .as(truncate(table))
                            .isInstanceOf(SQLException.class)
                            .hasMessageContaining(truncateRefusal(table));
                    assertThat(count(connection, "core." + table))
                            .as("rows of core.%s", table)
                            .isEqualTo(rows);
                }
            }
        }
    }

    @Test
    void shouldStillDeleteEveryRowOfEveryTableWithATombstoneEach() throws SQLException {
        try (TestDatabase database = migrated()) {
            new BaseDataGenerator(42, 1).generate(database.dataSource());
            try (Connection connection = database.dataSource().getConnection()) {
                Map<String, Long> deleted = new TreeMap<>();
                List<CoreTable> childrenFirst = new ArrayList<>(List.of(CoreTable.values()));
                Collections.reverse(childrenFirst);
                for (CoreTable table : childrenFirst) {
                    long rows = count(connection, table.qualifiedName());
                    execute(connection, "DELETE FROM " + table.qualifiedName());
                    deleted.put(table.tableName(), rows);
                }

                Map<String, Long> tombstones = new TreeMap<>();
                for (Object[] row :
                        rows(connection, "SELECT table_name, COUNT(*) FROM core.deleted_rows GROUP BY table_name")) {
                    tombstones.put((String) row[0], ((Number) row[1]).longValue());
                }
                assertThat(deleted).doesNotContainValue(0L);
                assertThat(tombstones).isEqualTo(deleted);
            }
        }
    }

    TestDatabase migrated() {
        TestDatabase database = freshDatabase();
        OltpSchema.migrate(database.dataSource());
        return database;
    }

    private long insertRegionUpdatedIn2020(Connection connection) throws SQLException {
        LocalDateTime past = LocalDateTime.of(2020, 1, 1, 0, 0);
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO core.regions (name, state, country, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            statement.setString(1, "Sul - Paraná");
            statement.setString(2, "PR");
            statement.setString(3, "Brasil");
            statement.setObject(4, past);
            statement.setObject(5, past);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private Object[] versionAndUpdatedAt(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + rowVersionAsNumber() + ", updated_at FROM core.regions WHERE region_id = ?")) {
            statement.setLong(1, id);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return new Object[] {new BigDecimal(row.getString(1)), row.getObject(2, LocalDateTime.class)};
            }
        }
    }

    static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    static long count(Connection connection, String table) throws SQLException {
        return countWhere(connection, table, "1 = 1");
    }

    static long countWhere(Connection connection, String table, String condition) throws SQLException {
        return ((Number) rows(connection, "SELECT COUNT(*) FROM " + table + " WHERE " + condition)
                        .get(0)[0])
                .longValue();
    }

    static List<Object[]> rows(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return all(rows);
            }
        }
    }

    private static List<Object[]> all(ResultSet rows) throws SQLException {
        List<Object[]> result = new ArrayList<>();
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
            Object[] row = new Object[columns];
            for (int c = 0; c < columns; c++) {
                row[c] = rows.getObject(c + 1);
            }
            result.add(row);
        }
        return result;
    }

    /** Tables of core with a row_version column: the captured tables, and core.deleted_rows. */
    private static List<String> tablesWithRowVersion(DatabaseMetaData meta) throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        try (ResultSet rs = meta.getColumns(null, OltpSchema.SCHEMA, "%", "row_version")) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(tables);
    }

    private static Set<String> tablesOfCore(DatabaseMetaData meta) throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        try (ResultSet rows = meta.getTables(null, null, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rows.next()) {
                if (OltpSchema.SCHEMA.equalsIgnoreCase(rows.getString("TABLE_SCHEM"))) {
                    tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    private static List<String> columns(DatabaseMetaData meta, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = meta.getColumns(null, OltpSchema.SCHEMA, table, "%")) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    /** Each index's columns in order. */
    private static List<List<String>> indexes(DatabaseMetaData meta, String table) throws SQLException {
        Map<String, Map<Integer, String>> byIndex = new HashMap<>();
        try (ResultSet rows = meta.getIndexInfo(null, OltpSchema.SCHEMA, table, false, false)) {
            while (rows.next()) {
                String index = rows.getString("INDEX_NAME");
                if (index != null) {
                    byIndex.computeIfAbsent(index, k -> new TreeMap<>())
                            .put(
                                    (int) rows.getShort("ORDINAL_POSITION"),
                                    rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return byIndex.values().stream()
                .map(columns -> List.copyOf(columns.values()))
                .toList();
    }
}
