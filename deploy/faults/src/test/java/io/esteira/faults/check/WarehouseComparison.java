package io.esteira.faults.check;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Does the DW hold exactly what the OLTP holds? Compared row by row, at rest (no workload running):
 *
 * <ol>
 *   <li>each of the eleven staging mirrors {@code stg.<table>} against {@code core.<table>}: every key and
 *       its version ({@code source_version} = {@code row_version::text::bigint}), hard deletes included
 *       ({@link KeyVersionDiff});
 *   <li>{@code fact.fact_vendas} against the live order items of live orders, key by key (order, day,
 *       quantity, net revenue, cost, returns, status), and per day (items, quantity, net, cost: what
 *       {@code io.esteira.local.stack.Reconciliation} compares); {@code fact.fact_descontos} and {@code
 *       fact.fact_metas} key by key ({@link KeyedValuesDiff});
 *   <li>no sales fact orphaned (every surrogate key resolves, mandatory ones to a real member), no inferred
 *       member left and no natural key with two current versions.
 * </ol>
 *
 * "Lost" and "duplicated" in the report mean: a change the OLTP made that the DW does not show, and a row
 * the DW shows that the OLTP does not have (or shows twice).
 */
public final class WarehouseComparison {

    /** What was compared and what differs; {@link #clean()} when nothing does. */
    public record Report(Map<String, Integer> compared, List<String> problems, long lost, long duplicated) {
        public boolean clean() {
            return problems.isEmpty();
        }

        public int rowsCompared() {
            return compared.values().stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public String toString() {
            return clean()
                    ? "DW equals OLTP (" + rowsCompared() + " rows compared: " + compared + ")"
                    : "DW differs from OLTP: " + lost + " lost, " + duplicated + " duplicated/extra\n  "
                            + String.join("\n  ", problems);
        }
    }

    private static final String TOMBSTONES =
            "SELECT row_key, MAX(row_version::text::bigint) FROM core.deleted_rows WHERE table_name = ? GROUP BY row_key";

    private final EntityCatalog catalog = EntityCatalog.reference();

    public Report compare(DataSource oltp, DataSource dw) {
        try (Connection source = oltp.getConnection();
                Connection target = dw.getConnection()) {
            return compare(source, target);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot compare the DW with the OLTP: " + e.getMessage(), e);
        }
    }

    /** Compares through the given connections (a test may pass one inside a transaction it rolls back). */
    public Report compare(Connection oltp, Connection dw) throws SQLException {
        Map<String, Integer> compared = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        long lost = 0;
        long duplicated = 0;
        for (EntityDefinition entity : catalog.loadOrder()) {
            KeyVersionDiff diff = mirror(oltp, dw, entity);
            compared.put("stg." + entity.tableName(), diff.compared());
            problems.addAll(diff.problems());
            lost += diff.lost().size() + diff.deleteLost().size();
            duplicated += diff.extra().size() + diff.ahead().size();
        }

        Map<Long, Sale> expectedSales = sales(oltp, "oltp-sales.sql");
        Map<Long, Sale> actualSales = sales(dw, "dw-sales.sql");
        KeyedValuesDiff vendas = KeyedValuesDiff.of("fact.fact_vendas", asText(expectedSales), asText(actualSales));
        compared.put("fact.fact_vendas", vendas.compared());
        problems.addAll(vendas.problems());
        lost += vendas.missing().size() + vendas.different().size();
        duplicated += vendas.extra().size();
        problems.addAll(days(expectedSales, actualSales));

        for (String[] fact : new String[][] {
            {"fact.fact_descontos", "oltp-discounts.sql", "dw-discounts.sql"},
            {"fact.fact_metas", "oltp-targets.sql", "dw-targets.sql"}
        }) {
            KeyedValuesDiff diff = KeyedValuesDiff.of(fact[0], keyed(oltp, fact[1]), keyed(dw, fact[2]));
            compared.put(fact[0], diff.compared());
            problems.addAll(diff.problems());
            lost += diff.missing().size() + diff.different().size();
            duplicated += diff.extra().size();
        }

        for (Map.Entry<String, Long> count : counts(dw, "dw-orphans.sql").entrySet()) {
            if (count.getValue() > 0) {
                problems.add("fact.fact_vendas: " + count.getValue() + " fact(s) orphaned on " + count.getKey());
            }
        }
        for (Map.Entry<String, Long> count :
                counts(dw, "dw-dimension-health.sql").entrySet()) {
            if (count.getValue() > 0) {
                problems.add(count.getKey() + ": " + count.getValue());
                if (count.getKey().contains("several")) {
                    duplicated += count.getValue();
                }
            }
        }
        return new Report(compared, problems, lost, duplicated);
    }

    /** True when the staging mirrors of these entities equal their OLTP tables, key and version. */
    public boolean mirrorsEqual(DataSource oltp, DataSource dw, java.util.Collection<String> entities) {
        try (Connection source = oltp.getConnection();
                Connection target = dw.getConnection()) {
            for (String entity : entities) {
                if (!mirror(source, target, catalog.get(entity)).clean()) {
                    return false;
                }
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot compare the staging mirrors: " + e.getMessage(), e);
        }
    }

    private KeyVersionDiff mirror(Connection oltp, Connection dw, EntityDefinition entity) throws SQLException {
        String key = quote(entity.keyColumn());
        String table = quote(entity.tableName());
        Map<Long, Long> source = new HashMap<>();
        try (Statement statement = oltp.createStatement();
                ResultSet rs = statement.executeQuery("SELECT " + key + ", row_version::text::bigint FROM "
                        + quote(entity.tableSchema()) + "." + table)) {
            while (rs.next()) {
                source.put(rs.getLong(1), rs.getLong(2));
            }
        }
        Map<Long, Long> tombstones = new HashMap<>();
        try (PreparedStatement statement = oltp.prepareStatement(TOMBSTONES)) {
            statement.setString(1, entity.tableName());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    tombstones.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        Map<Long, KeyVersionDiff.Mirrored> mirrored = new HashMap<>();
        try (Statement statement = dw.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT " + key + ", source_version, source_deleted FROM stg." + table)) {
            while (rs.next()) {
                mirrored.put(rs.getLong(1), new KeyVersionDiff.Mirrored(rs.getLong(2), rs.getBoolean(3)));
            }
        }
        return KeyVersionDiff.of(entity.tableName(), source, tombstones, mirrored);
    }

    /** One sales fact as compared: everything but the surrogate keys and load time. */
    record Sale(
            long order,
            int day,
            long quantity,
            BigDecimal net,
            BigDecimal cost,
            long returnedQuantity,
            BigDecimal returnedValue,
            String status) {

        String text() {
            return "order=" + order + " day=" + day + " qty=" + quantity + " net=" + plain(net) + " cost="
                    + plain(cost) + " returned=" + returnedQuantity + "/" + plain(returnedValue) + " status="
                    + status;
        }
    }

    private static Map<Long, Sale> sales(Connection connection, String resource) throws SQLException {
        Map<Long, Sale> sales = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql(resource))) {
            while (rs.next()) {
                sales.put(
                        rs.getLong(1),
                        new Sale(
                                rs.getLong(2),
                                rs.getInt(3),
                                rs.getLong(4),
                                rs.getBigDecimal(5),
                                rs.getBigDecimal(6),
                                rs.getLong(7),
                                rs.getBigDecimal(8),
                                rs.getString(9)));
            }
        }
        return sales;
    }

    private static Map<Long, String> asText(Map<Long, Sale> sales) {
        Map<Long, String> text = new HashMap<>();
        sales.forEach((key, sale) -> text.put(key, sale.text()));
        return text;
    }

    /** Per day: items, quantity, net revenue and cost, as the local stack's reconciliation compares them. */
    private static List<String> days(Map<Long, Sale> expected, Map<Long, Sale> actual) {
        Map<Integer, String> oltpDays = dayTotals(expected);
        Map<Integer, String> dwDays = dayTotals(actual);
        List<String> different = new ArrayList<>();
        TreeMap<Integer, String> all = new TreeMap<>(oltpDays);
        dwDays.forEach(all::putIfAbsent);
        for (Integer day : all.keySet()) {
            if (!String.valueOf(oltpDays.get(day)).equals(String.valueOf(dwDays.get(day)))) {
                different.add(day + ": OLTP " + oltpDays.get(day) + " DW " + dwDays.get(day));
            }
        }
        return different.isEmpty()
                ? List.of()
                : List.of("fact.fact_vendas: " + different.size() + " day(s) do not reconcile, e.g. "
                        + different.subList(0, Math.min(3, different.size())));
    }

    private static Map<Integer, String> dayTotals(Map<Long, Sale> sales) {
        Map<Integer, long[]> counts = new TreeMap<>();
        Map<Integer, BigDecimal[]> sums = new TreeMap<>();
        for (Sale sale : sales.values()) {
            long[] c = counts.computeIfAbsent(sale.day(), d -> new long[2]);
            c[0]++;
            c[1] += sale.quantity();
            BigDecimal[] s = sums.computeIfAbsent(sale.day(), d -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(sale.net());
            s[1] = s[1].add(sale.cost());
        }
        Map<Integer, String> totals = new TreeMap<>();
        counts.forEach((day, c) -> totals.put(
                day,
                "items=" + c[0] + " qty=" + c[1] + " net=" + plain(sums.get(day)[0]) + " cost="
                        + plain(sums.get(day)[1])));
        return totals;
    }

    private static Map<Long, String> keyed(Connection connection, String resource) throws SQLException {
        Map<Long, String> values = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql(resource))) {
            while (rs.next()) {
                values.put(rs.getLong(1), plain(rs.getBigDecimal(2)));
            }
        }
        return values;
    }

    private static Map<String, Long> counts(Connection connection, String resource) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql(resource))) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    static String plain(BigDecimal value) {
        return value == null ? "null" : value.stripTrailingZeros().toPlainString();
    }

    /** Catalog identifiers are plain (checked by EntityDefinition); quoted all the same. */
    private static String quote(String identifier) {
        return "\"" + identifier + "\"";
    }

    private static String sql(String resource) {
        try (InputStream in = WarehouseComparison.class.getResourceAsStream("/check/" + resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "SQL resource /check/" + resource + " is missing from the test classes");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read /check/" + resource, e);
        }
    }
}
