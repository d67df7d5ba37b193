package io.esteira.oltp;

import io.esteira.contracts.sql.SqlResources;
import io.esteira.oltp.BaseDataGenerator.Discount;
import io.esteira.oltp.BaseDataGenerator.OrderLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * Makes incremental changes to a generated OLTP database, one transaction per change, at a given
 * rate: new orders, status moves, attribute updates (SCD1 and SCD2-tracked ones), soft and hard
 * deletes, returns, new targets and discounts (see {@link ChangeKind}).
 *
 * <p>Deterministic: the same seed on the same data makes the same changes. Rows are picked as the
 * first match at or after a random key; business time (order dates, deleted_at, discount periods)
 * runs on a clock that starts at the latest order date and moves 1–120 s per change, so it does not
 * depend on the wall clock. The first {@code ChangeKind.values().length} changes are one of each
 * kind, so that even a short run shows every kind; after that kinds are drawn by weight.
 */
public final class ChangeWorkload {

    /**
     * How much to change and how fast.
     *
     * @param seed the random seed
     * @param ratePerSecond changes per second; 0 for as fast as the database allows
     * @param duration stop after this long; null for no time bound
     * @param maxChanges stop after this many changes; 0 for no count bound
     */
    public record Options(long seed, double ratePerSecond, Duration duration, long maxChanges) {
        public Options {
            if (ratePerSecond < 0 || Double.isNaN(ratePerSecond)) {
                throw new OltpException(
                        "Rate " + ratePerSecond + " is not valid: use changes per second, 0 for unthrottled.");
            }
            if (duration != null && (duration.isNegative() || duration.isZero())) {
                throw new OltpException("Duration " + duration + " is not valid: use a positive duration.");
            }
            if (maxChanges < 0) {
                throw new OltpException("Count " + maxChanges + " is not valid: use 0 (no bound) or more.");
            }
            if (duration == null && maxChanges == 0) {
                throw new OltpException("The workload needs a bound: give a duration, a count, or both.");
            }
        }
    }

    /** Products a run never soft-deletes below: new order lines need something to sell. */
    static final int MIN_LIVE_PRODUCTS = 10;

    /**
     * The highest list price a price change moves up from. Prices walk by -15% to +20% a change, which drifts
     * upwards: the fault suite's long mode (hundreds of thousands of changes on a few dozen products) walked
     * one past {@code numeric(12,2)} and ended its run. At or above this a change only lowers the price.
     */
    static final BigDecimal PRICE_CEILING = new BigDecimal("100000.00");

    /**
     * A product's new list price and unit cost: the price moved by -15% to +20% (-15% to -1% from {@link
     * #PRICE_CEILING} up), ending in ,90; the cost by -5% to +10%, never above the new price.
     *
     * @return the new price and the new cost
     */
    static BigDecimal[] reprice(BigDecimal price, BigDecimal cost, SplittableRandom random) {
        int percent = price.compareTo(PRICE_CEILING) >= 0 ? 85 + random.nextInt(15) : 85 + random.nextInt(36);
        long reais = Math.max(
                1,
                price.multiply(BigDecimal.valueOf(percent))
                        .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN)
                        .longValue());
        BigDecimal newPrice = BigDecimal.valueOf(reais * 100 + 90, 2);
        BigDecimal newCost = BaseDataGenerator.percentOf(cost, 95 + random.nextInt(16));
        return new BigDecimal[] {newPrice, newCost.min(newPrice)};
    }

    private static final String[] SEGMENTS_INDIVIDUAL = {"consumer", "vip"};
    private static final String[] SEGMENTS_BUSINESS = {"small_business", "corporate"};

    private final Options options;
    private final SqlResources.Named sql = SqlResources.in("io/esteira/oltp").named("workload");

    public ChangeWorkload(Options options) {
        this.options = options;
    }

    public WorkloadReport run(DataSource dataSource) {
        return run(dataSource, ProgressListener.silent());
    }

    /**
     * Runs until the duration or the count is reached.
     *
     * @throws OltpException when the database holds no base data or refuses a change
     */
    public WorkloadReport run(DataSource dataSource, ProgressListener progress) {
        long started = System.nanoTime();
        Map<ChangeKind, Long> counts = new EnumMap<>(ChangeKind.class);
        try (Connection connection = dataSource.getConnection()) {
            OltpDialect.of(connection); // refuses, naming it, a database the OLTP tools do not support
            connection.setAutoCommit(false);
            Session session = new Session(connection);
            session.load();
            progress.start("workload", options.maxChanges() > 0 ? options.maxChanges() : -1);
            try {
                ChangeKind[] kinds = ChangeKind.values();
                long deadline = options.duration() == null
                        ? Long.MAX_VALUE
                        : started + options.duration().toNanos();
                for (long i = 0; options.maxChanges() == 0 || i < options.maxChanges(); i++) {
                    if (!pace(started, i, deadline)) {
                        break;
                    }
                    ChangeKind kind = i < kinds.length ? kinds[(int) i] : session.drawKind();
                    ChangeKind done = session.change(kind);
                    counts.merge(done, 1L, Long::sum);
                    progress.advance(1);
                }
            } finally {
                progress.finish();
            }
        } catch (SQLException e) {
            throw new OltpException(
                    "The workload failed: " + OltpException.quote(e) + ". Check that the database is reachable and the"
                            + " schema current (oltp init).",
                    e);
        }
        return new WorkloadReport(counts, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Waits for change {@code i}'s slot; false when the deadline comes first. */
    private boolean pace(long started, long i, long deadline) {
        long slot = options.ratePerSecond() == 0 ? started : started + (long) (i * 1e9 / options.ratePerSecond());
        if (slot >= deadline) {
            return false;
        }
        long wait;
        while ((wait = slot - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
        return System.nanoTime() < deadline;
    }

    /** Key range of a table, extended as the workload inserts. */
    private static final class Range {
        long min;
        long max;

        boolean isEmpty() {
            return max < min || max == 0;
        }

        void include(long key) {
            if (isEmpty()) {
                min = key;
            }
            max = Math.max(max, key);
        }
    }

    /** One connection's workload: random stream, business clock, key ranges. */
    private final class Session {
        private final Connection connection;
        private final SplittableRandom random = new SplittableRandom(options.seed());
        private final Map<CoreTable, Range> ranges = new EnumMap<>(CoreTable.class);
        private LocalDateTime clock;
        private long nextOrderNumber;
        private long nextDiscountNumber;
        private final int totalWeight;

        Session(Connection connection) {
            this.connection = connection;
            int sum = 0;
            for (ChangeKind kind : ChangeKind.values()) {
                sum += kind.weight();
            }
            this.totalWeight = sum;
        }

        void load() throws SQLException {
            range(CoreTable.ORDERS, "key-range-orders");
            range(CoreTable.ORDER_ITEMS, "key-range-order-items");
            range(CoreTable.RETURNS, "key-range-returns");
            range(CoreTable.CUSTOMERS, "key-range-customers");
            range(CoreTable.PRODUCTS, "key-range-products");
            range(CoreTable.SELLERS, "key-range-sellers");
            range(CoreTable.DISCOUNTS, "key-range-discounts");
            for (CoreTable table :
                    List.of(CoreTable.ORDERS, CoreTable.CUSTOMERS, CoreTable.PRODUCTS, CoreTable.SELLERS)) {
                if (ranges.get(table).isEmpty()) {
                    throw new OltpException(table.qualifiedName()
                            + " is empty: the workload changes generated data; run 'oltp generate' first.");
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(sql.get("latest-order"));
                    ResultSet row = statement.executeQuery()) {
                row.next();
                clock = row.getObject(1, LocalDateTime.class).truncatedTo(ChronoUnit.SECONDS);
                nextOrderNumber = Long.parseLong(row.getString(2).replaceAll("\\D", "")) + 1;
            }
            nextDiscountNumber = ranges.get(CoreTable.DISCOUNTS).max + 1;
            connection.commit();
        }

        private void range(CoreTable table, String query) throws SQLException {
            Range range = new Range();
            try (PreparedStatement statement = connection.prepareStatement(sql.get(query));
                    ResultSet row = statement.executeQuery()) {
                row.next();
                range.min = row.getLong(1);
                range.max = row.getLong(2);
            }
            ranges.put(table, range);
        }

        ChangeKind drawKind() {
            int roll = random.nextInt(totalWeight);
            for (ChangeKind kind : ChangeKind.values()) {
                roll -= kind.weight();
                if (roll < 0) {
                    return kind;
                }
            }
            return ChangeKind.NEW_ORDER;
        }

        /** Makes one change in its own transaction; returns the kind made (a new order when nothing fits). */
        ChangeKind change(ChangeKind kind) throws SQLException {
            clock = clock.plusSeconds(1 + random.nextInt(120));
            try {
                boolean done =
                        switch (kind) {
                            case NEW_ORDER -> newOrder();
                            case ORDER_STATUS -> orderStatus();
                            case NEW_CUSTOMER -> newCustomer();
                            case CUSTOMER_UPDATE -> customerUpdate();
                            case CUSTOMER_SCD2 -> customerScd2();
                            case PRODUCT_PRICE -> productPrice();
                            case PRODUCT_CATEGORY -> productCategory();
                            case SELLER_TEAM -> sellerTeam();
                            case NEW_RETURN -> newReturn();
                            case RETURN_STATUS -> returnStatus();
                            case SOFT_DELETE -> softDelete();
                            case HARD_DELETE -> hardDelete();
                            case NEW_TARGETS -> newTargets();
                            case NEW_DISCOUNT -> newDiscount();
                        };
                ChangeKind made = kind;
                if (!done) {
                    connection.rollback();
                    newOrder();
                    made = ChangeKind.NEW_ORDER;
                }
                connection.commit();
                return made;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }

        private boolean newOrder() throws SQLException {
            Object[] customer = pick("pick-customer", CoreTable.CUSTOMERS);
            Object[] seller = pick("pick-seller", CoreTable.SELLERS, true);
            if (customer == null || seller == null) {
                throw new OltpException("No live customer or active seller is left to place an order with:"
                        + " generate fresh data or lower the delete share.");
            }
            int lines = 1 + random.nextInt(4);
            List<OrderLine> order = new ArrayList<>();
            for (int i = 0; i < lines; i++) {
                Object[] product = pick("pick-product", CoreTable.PRODUCTS);
                if (product == null) {
                    throw new OltpException("No live product is left to sell: generate fresh data.");
                }
                int roll = random.nextInt(100);
                int quantity = roll < 60 ? 1 : roll < 85 ? 2 : roll < 95 ? 3 : 4;
                order.add(new OrderLine(
                        number(product[0]).longValue(), quantity, (BigDecimal) product[1], (BigDecimal) product[2]));
            }
            Discount discount = random.nextInt(100) < 30 ? validDiscount() : null;
            OrderLine[] lineArray = order.toArray(new OrderLine[0]);
            BigDecimal[] discounts = Discount.allocate(discount, lineArray);
            long orderId = insert(
                    "insert-order",
                    BaseDataGenerator.orderNumber(nextOrderNumber++),
                    number(customer[0]).longValue(),
                    number(seller[0]).longValue(),
                    discount == null ? null : discount.id(),
                    "placed",
                    clock,
                    BaseDataGenerator.channel(random));
            ranges.get(CoreTable.ORDERS).include(orderId);
            for (int i = 0; i < lineArray.length; i++) {
                OrderLine line = lineArray[i];
                long itemId = insert(
                        "insert-order-item",
                        orderId,
                        line.productId(),
                        line.quantity(),
                        line.unitPrice(),
                        line.unitCost(),
                        discounts[i]);
                ranges.get(CoreTable.ORDER_ITEMS).include(itemId);
            }
            return true;
        }

        private Discount validDiscount() throws SQLException {
            List<Discount> valid = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql.get("valid-discounts"))) {
                statement.setObject(1, clock);
                statement.setObject(2, clock);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        valid.add(new Discount(
                                rows.getLong(1),
                                "percent".equals(rows.getString(2)),
                                rows.getBigDecimal(3),
                                clock,
                                clock));
                    }
                }
            }
            return valid.isEmpty() ? null : valid.get(random.nextInt(valid.size()));
        }

        private boolean orderStatus() throws SQLException {
            String[] open = {"placed", "paid", "shipped"};
            int first = random.nextInt(open.length);
            Object[] order = null;
            for (int i = 0; i < open.length && order == null; i++) {
                order = pick("pick-order-in-status", CoreTable.ORDERS, open[(first + i) % open.length]);
            }
            if (order == null) {
                return false;
            }
            int roll = random.nextInt(100);
            String next =
                    switch ((String) order[1]) {
                        case "placed" -> roll < 10 ? "cancelled" : "paid";
                        case "paid" -> roll < 5 ? "cancelled" : "shipped";
                        default -> "delivered";
                    };
            return update("update-order-status", next, number(order[0]).longValue());
        }

        private boolean newCustomer() throws SQLException {
            List<Object[]> regions = list("regions");
            Object[] region = regions.get(random.nextInt(regions.size()));
            String uf = (String) region[1];
            boolean business = random.nextInt(100) < 20;
            String first = BaseDataGenerator.pick(random, ReferenceData.FIRST_NAMES);
            String last = BaseDataGenerator.pick(random, ReferenceData.LAST_NAMES);
            String name = business
                    ? last + " " + BaseDataGenerator.pick(random, ReferenceData.COMPANY_SUFFIXES)
                    : first + " " + last;
            String segment = business
                    ? SEGMENTS_BUSINESS[random.nextInt(100) < 70 ? 0 : 1]
                    : SEGMENTS_INDIVIDUAL[random.nextInt(100) < 85 ? 0 : 1];
            long id = insert(
                    "insert-customer",
                    name,
                    BaseDataGenerator.slug(first) + "." + BaseDataGenerator.slug(last) + "." + random.nextInt(1_000_000)
                            + "@cliente.esteira.example",
                    business ? "business" : "individual",
                    city(uf),
                    uf,
                    number(region[0]).longValue(),
                    segment);
            ranges.get(CoreTable.CUSTOMERS).include(id);
            return true;
        }

        private boolean customerUpdate() throws SQLException {
            Object[] customer = pick("pick-customer", CoreTable.CUSTOMERS);
            if (customer == null) {
                return false;
            }
            long id = number(customer[0]).longValue();
            String email = "cliente" + id + "." + random.nextInt(1_000_000) + "@novo.esteira.example";
            return update("update-customer-email", email, id);
        }

        private boolean customerScd2() throws SQLException {
            Object[] customer = pick("pick-customer", CoreTable.CUSTOMERS);
            if (customer == null) {
                return false;
            }
            long id = number(customer[0]).longValue();
            if (random.nextBoolean()) {
                String[] segments = "business".equals(customer[1]) ? SEGMENTS_BUSINESS : SEGMENTS_INDIVIDUAL;
                String segment = segments[0].equals(customer[2]) ? segments[1] : segments[0];
                return update("update-customer-segment", segment, id);
            }
            List<Object[]> regions = list("regions");
            Object[] region = regions.get(random.nextInt(regions.size()));
            if (number(region[0]).longValue() == number(customer[3]).longValue() && regions.size() > 1) {
                region = regions.get((regions.indexOf(region) + 1) % regions.size());
            }
            String uf = (String) region[1];
            return update(
                    "update-customer-address", city(uf), uf, number(region[0]).longValue(), id);
        }

        private boolean productPrice() throws SQLException {
            Object[] product = pick("pick-product", CoreTable.PRODUCTS);
            if (product == null) {
                return false;
            }
            BigDecimal[] repriced = reprice((BigDecimal) product[1], (BigDecimal) product[2], random);
            return update(
                    "update-product-price",
                    repriced[0],
                    repriced[1],
                    number(product[0]).longValue());
        }

        private boolean productCategory() throws SQLException {
            Object[] product = pick("pick-product", CoreTable.PRODUCTS);
            if (product == null) {
                return false;
            }
            Long category = other(list("subcategories"), number(product[3]).longValue());
            return category != null
                    && update(
                            "update-product-category",
                            category,
                            number(product[0]).longValue());
        }

        private boolean sellerTeam() throws SQLException {
            Object[] seller = pick("pick-seller", CoreTable.SELLERS, true);
            if (seller == null) {
                return false;
            }
            Long team = other(list("teams"), number(seller[1]).longValue());
            return team != null
                    && update("update-seller-team", team, number(seller[0]).longValue());
        }

        private boolean newReturn() throws SQLException {
            Object[] item = pick("pick-returnable-item", CoreTable.ORDER_ITEMS);
            if (item == null) {
                return false;
            }
            OrderLine line = new OrderLine(0, number(item[1]).intValue(), (BigDecimal) item[2], (BigDecimal) item[3]);
            int quantity = 1 + random.nextInt(line.quantity());
            long id = insert(
                    "insert-return",
                    number(item[0]).longValue(),
                    quantity,
                    BaseDataGenerator.refund(line, (BigDecimal) item[4], quantity, "requested"),
                    "requested");
            ranges.get(CoreTable.RETURNS).include(id);
            return true;
        }

        private boolean returnStatus() throws SQLException {
            Object[] open = pick("pick-open-return", CoreTable.RETURNS);
            if (open == null) {
                return false;
            }
            long id = number(open[0]).longValue();
            String next = "approved".equals(open[1]) ? "refunded" : random.nextInt(100) < 20 ? "rejected" : "approved";
            Object[] refund = one("return-refund", id);
            OrderLine line =
                    new OrderLine(0, number(refund[0]).intValue(), (BigDecimal) refund[1], (BigDecimal) refund[2]);
            BigDecimal amount = BaseDataGenerator.refund(
                    line, (BigDecimal) refund[3], number(refund[4]).intValue(), next);
            return update("update-return-status", next, amount, id);
        }

        private boolean softDelete() throws SQLException {
            int roll = random.nextInt(4);
            if (roll < 2) {
                Object[] order = pick("pick-live-order", CoreTable.ORDERS);
                return order != null
                        && update("soft-delete-order", clock, number(order[0]).longValue());
            }
            if (roll == 2) {
                Object[] customer = pick("pick-customer", CoreTable.CUSTOMERS);
                return customer != null
                        && update(
                                "soft-delete-customer",
                                clock,
                                number(customer[0]).longValue());
            }
            // A shop keeps a catalogue: below MIN_LIVE_PRODUCTS a long run would have nothing left to sell.
            if (number(one("count-live-products")[0]).longValue() <= MIN_LIVE_PRODUCTS) {
                return false;
            }
            Object[] product = pick("pick-product", CoreTable.PRODUCTS);
            return product != null
                    && update("soft-delete-product", clock, number(product[0]).longValue());
        }

        private boolean hardDelete() throws SQLException {
            if (random.nextBoolean()) {
                Object[] aReturn = pick("pick-any-return", CoreTable.RETURNS);
                if (aReturn != null) {
                    return update("delete-return", number(aReturn[0]).longValue());
                }
            }
            Object[] order = pick("pick-any-order", CoreTable.ORDERS);
            if (order == null) {
                return false;
            }
            long id = number(order[0]).longValue();
            update("delete-order-returns", id);
            update("delete-order-items", id);
            return update("delete-order", id);
        }

        private boolean newTargets() throws SQLException {
            Object[] latest = one("latest-target-month");
            LocalDateTime month;
            if (latest[0] == null) {
                month = clock.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            } else {
                int yyyymm = number(latest[0]).intValue();
                month = LocalDateTime.of(yyyymm / 100, yyyymm % 100, 1, 0, 0).plusMonths(1);
            }
            List<Object[]> sellers = list("active-sellers", true);
            if (sellers.isEmpty()) {
                return false;
            }
            try (PreparedStatement statement = connection.prepareStatement(sql.get("insert-sales-target"))) {
                for (Object[] seller : sellers) {
                    int base = 20_000 + 1_000 * random.nextInt(61);
                    bind(
                            statement,
                            number(seller[0]).longValue(),
                            (short) month.getYear(),
                            (short) month.getMonthValue(),
                            BaseDataGenerator.monthlyTarget(random, base, month.getMonthValue()));
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return true;
        }

        private boolean newDiscount() throws SQLException {
            String campaign = BaseDataGenerator.pick(random, ReferenceData.CAMPAIGNS);
            boolean percent = random.nextInt(100) < 65;
            BigDecimal value = BigDecimal.valueOf(
                            percent ? 5L * (1 + random.nextInt(6)) : 10L * (1 + random.nextInt(5)))
                    .setScale(2, RoundingMode.UNNECESSARY);
            LocalDateTime startsAt = clock.truncatedTo(ChronoUnit.DAYS);
            long id = insert(
                    "insert-discount",
                    BaseDataGenerator.discountCode(campaign, value, nextDiscountNumber++),
                    percent ? "percent" : "fixed",
                    value,
                    campaign,
                    startsAt,
                    startsAt.plusDays(7 + random.nextInt(24)));
            ranges.get(CoreTable.DISCOUNTS).include(id);
            return true;
        }

        private String city(String uf) {
            for (ReferenceData.State state : ReferenceData.STATES) {
                if (state.uf().equals(uf)) {
                    return BaseDataGenerator.pick(random, state.cities());
                }
            }
            return uf;
        }

        /** A key from the single-column rows other than {@code current}, or null when there is none. */
        private Long other(List<Object[]> rows, long current) {
            List<Long> keys = new ArrayList<>();
            for (Object[] row : rows) {
                long key = number(row[0]).longValue();
                if (key != current) {
                    keys.add(key);
                }
            }
            return keys.isEmpty() ? null : keys.get(random.nextInt(keys.size()));
        }

        /** The first matching row at or after a random key of the table, wrapping round once; null if none. */
        private Object[] pick(String query, CoreTable table, Object... more) throws SQLException {
            Range range = ranges.get(table);
            if (range.isEmpty()) {
                return null;
            }
            long start = range.min + random.nextLong(range.max - range.min + 1);
            Object[] row = first(query, start, more);
            return row != null || start == range.min ? row : first(query, range.min, more);
        }

        private Object[] first(String query, long start, Object... more) throws SQLException {
            Object[] parameters = new Object[more.length + 1];
            parameters[0] = start;
            System.arraycopy(more, 0, parameters, 1, more.length);
            List<Object[]> rows = list(query, parameters);
            return rows.isEmpty() ? null : rows.get(0);
        }

        private Object[] one(String query, Object... parameters) throws SQLException {
            List<Object[]> rows = list(query, parameters);
            if (rows.isEmpty()) {
                throw new IllegalStateException("Query " + query + " returned no row");
            }
            return rows.get(0);
        }

        private List<Object[]> list(String query, Object... parameters) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql.get(query))) {
                bind(statement, parameters);
                try (ResultSet rows = statement.executeQuery()) {
                    int columns = rows.getMetaData().getColumnCount();
                    List<Object[]> result = new ArrayList<>();
                    while (rows.next()) {
                        Object[] row = new Object[columns];
                        for (int c = 0; c < columns; c++) {
                            row[c] = rows.getObject(c + 1);
                        }
                        result.add(row);
                    }
                    return result;
                }
            }
        }

        private boolean update(String statementName, Object... parameters) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql.get(statementName))) {
                bind(statement, parameters);
                return statement.executeUpdate() > 0;
            }
        }

        private long insert(String statementName, Object... parameters) throws SQLException {
            try (PreparedStatement statement =
                    connection.prepareStatement(sql.get(statementName), Statement.RETURN_GENERATED_KEYS)) {
                bind(statement, parameters);
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new IllegalStateException(statementName + " returned no generated key");
                    }
                    return keys.getLong(1);
                }
            }
        }

        private void bind(PreparedStatement statement, Object... parameters) throws SQLException {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    statement.setNull(i + 1, java.sql.Types.BIGINT);
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
        }
    }

    private static Number number(Object value) {
        if (value instanceof Number number) {
            return number;
        }
        throw new IllegalStateException("Expected a number, got " + value);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "ChangeWorkload[seed=%d, rate=%s/s, duration=%s, count=%d]",
                options.seed(),
                options.ratePerSecond() == 0 ? "unthrottled" : options.ratePerSecond(),
                options.duration(),
                options.maxChanges());
    }
}
