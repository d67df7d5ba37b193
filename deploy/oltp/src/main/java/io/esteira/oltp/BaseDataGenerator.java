package io.esteira.oltp;

import io.esteira.oltp.ReferenceData.State;
import io.esteira.oltp.ReferenceData.Subcategory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * Writes the base data of the OLTP reference schema: the same seed and scale give the same rows,
 * key for key, on every run and every vendor (timestamps kept by the database aside).
 *
 * <p>Scale {@code N} writes exactly {@code N × 1,000} order items, in about {@code N × 400} orders
 * over 24 months from 2024-01-01, and the rest in proportion: regions (Brazilian states), teams,
 * sellers, {@code N × 100} customers, two-level categories, products, discount campaigns (about
 * 30% of orders use one, allocated to the order's items), returns of about 4% of delivered items,
 * and a target per seller and month.
 *
 * <p>Keys are explicit (1, 2, …) so that foreign keys need no read-back; identities are moved past
 * them at the end. The schema must exist ({@link OltpSchema#migrate}) and be empty.
 */
public final class BaseDataGenerator {

    /** First day of the generated business period. */
    public static final LocalDateTime PERIOD_START = LocalDateTime.of(2024, 1, 1, 0, 0);

    /** Length of the generated business period. */
    public static final int PERIOD_MONTHS = 24;

    private static final int ORDERS_PER_FLUSH = 1_000;
    private static final int ROWS_PER_FLUSH = 5_000;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** How many rows of each kind a scale gives. */
    public record Plan(
            int scale,
            int regions,
            int teams,
            int sellers,
            int customers,
            int parentCategories,
            int subcategoriesPerParent,
            int products,
            int discounts,
            long orderItems) {

        public static Plan of(int scale) {
            if (scale < 1) {
                throw new OltpException("Scale " + scale + " is not valid: use 1 or more (1 = 1,000 order items).");
            }
            int regions = (int) Math.min(ReferenceData.STATES.size(), 3 + Math.ceil(2 * Math.sqrt(scale)));
            int teams = regions * (1 + scale / 250);
            int sellers = teams * (3 + scale / 200);
            int log = (int) Math.ceil(Math.log(scale + 1) / Math.log(2));
            int parents = Math.min(ReferenceData.CATEGORIES.size(), 2 + log);
            int children = Math.min(6, 2 + log / 2);
            return new Plan(
                    scale,
                    regions,
                    teams,
                    sellers,
                    Math.max(50, 100 * scale),
                    parents,
                    children,
                    20 * scale + 30,
                    5 + scale / 4,
                    1_000L * scale);
        }

        public int categories() {
            return parentCategories * (1 + subcategoriesPerParent);
        }

        public long salesTargets() {
            return (long) sellers * PERIOD_MONTHS;
        }

        /** Rows to write, with orders and returns estimated (2.5 items per order, 3% returned). */
        public long estimatedRows() {
            return regions
                    + teams
                    + sellers
                    + customers
                    + categories()
                    + products
                    + discounts
                    + orderItems
                    + orderItems * 2 / 5
                    + orderItems * 3 / 100
                    + salesTargets();
        }
    }

    private final long seed;
    private final Plan plan;

    public BaseDataGenerator(long seed, int scale) {
        this.seed = seed;
        this.plan = Plan.of(scale);
    }

    public Plan plan() {
        return plan;
    }

    public GenerationReport generate(DataSource dataSource) {
        return generate(dataSource, ProgressListener.silent());
    }

    /**
     * Writes the base data in batches, committing as it goes.
     *
     * @throws OltpException when a core table already holds rows or the database refuses a batch
     */
    public GenerationReport generate(DataSource dataSource, ProgressListener progress) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            OltpDialect dialect = OltpDialect.of(connection);
            requireEmpty(connection);
            connection.setAutoCommit(false);
            progress.start("generate scale " + plan.scale(), plan.estimatedRows());
            try {
                Map<CoreTable, Long> rows = new Run(connection, dialect, progress).write();
                connection.commit();
                for (CoreTable table : CoreTable.values()) {
                    dialect.analyze(connection, table);
                }
                connection.commit();
                return new GenerationReport(rows, Duration.ofNanos(System.nanoTime() - started));
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                progress.finish();
            }
        } catch (SQLException e) {
            throw new OltpException(
                    "Generating the base data failed: " + OltpException.quote(e)
                            + ". Check that the schema is current (oltp init) and the database has room.",
                    e);
        }
    }

    private static void requireEmpty(Connection connection) throws SQLException {
        for (CoreTable table : CoreTable.values()) {
            try (Statement statement = connection.createStatement();
                    ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table.qualifiedName())) {
                count.next();
                if (count.getLong(1) > 0) {
                    throw new OltpException(table.qualifiedName() + " already holds " + count.getLong(1)
                            + " rows: generate writes into an empty schema; use a fresh database, or"
                            + " 'oltp workload' to add changes to this one.");
                }
            }
        }
    }

    /** One generation: the random streams and the keys written so far. */
    private final class Run {
        private final Connection connection;
        private final OltpDialect dialect;
        private final ProgressListener progress;
        private final Map<CoreTable, Long> rows = new EnumMap<>(CoreTable.class);
        private final List<BatchInserter> open = new ArrayList<>();
        // One stream per table, split in a fixed order: a change to one table's rules leaves the others' rows alone.
        private final SplittableRandom teamsRandom;
        private final SplittableRandom sellersRandom;
        private final SplittableRandom customersRandom;
        private final SplittableRandom productsRandom;
        private final SplittableRandom discountsRandom;
        private final SplittableRandom ordersRandom;
        private final SplittableRandom targetsRandom;

        private final LocalDateTime periodEnd = PERIOD_START.plusMonths(PERIOD_MONTHS);
        private BigDecimal[] productPrice;
        private BigDecimal[] productCost;
        private Discount[] discounts;

        Run(Connection connection, OltpDialect dialect, ProgressListener progress) {
            this.connection = connection;
            this.dialect = dialect;
            this.progress = progress;
            SplittableRandom root = new SplittableRandom(seed);
            teamsRandom = root.split();
            sellersRandom = root.split();
            customersRandom = root.split();
            productsRandom = root.split();
            discountsRandom = root.split();
            ordersRandom = root.split();
            targetsRandom = root.split();
        }

        Map<CoreTable, Long> write() throws SQLException {
            try {
                regions();
                teams();
                sellers();
                customers();
                categories();
                products();
                discounts();
                orders();
                salesTargets();
                for (BatchInserter inserter : open) {
                    inserter.restartIdentity();
                }
                return rows;
            } finally {
                for (BatchInserter inserter : open) {
                    inserter.close();
                }
            }
        }

        private BatchInserter inserter(CoreTable table, String... columns) throws SQLException {
            BatchInserter inserter = new BatchInserter(connection, dialect, table, columns);
            open.add(inserter);
            return inserter;
        }

        private void flushIfFull(BatchInserter inserter) throws SQLException {
            if (inserter.pending() >= ROWS_PER_FLUSH) {
                flush(inserter);
            }
        }

        private void flush(BatchInserter... inserters) throws SQLException {
            long sent = 0;
            for (BatchInserter inserter : inserters) {
                sent += inserter.flush();
            }
            connection.commit();
            progress.advance(sent);
        }

        private void done(CoreTable table, BatchInserter inserter) throws SQLException {
            flush(inserter);
            rows.put(table, inserter.rows());
        }

        private void regions() throws SQLException {
            BatchInserter regions = inserter(CoreTable.REGIONS, "name", "state", "country");
            for (int i = 0; i < plan.regions(); i++) {
                State state = ReferenceData.STATES.get(i);
                regions.add(i + 1, state.macroRegion() + " - " + state.name(), state.uf(), "Brasil");
            }
            done(CoreTable.REGIONS, regions);
        }

        private void teams() throws SQLException {
            BatchInserter teams = inserter(CoreTable.TEAMS, "name", "region_id", "manager_name");
            for (int j = 0; j < plan.teams(); j++) {
                int region = j % plan.regions();
                String manager = teamsRandom.nextInt(20) == 0 ? null : personName(teamsRandom);
                teams.add(
                        j + 1,
                        "Equipe " + ReferenceData.STATES.get(region).uf() + " " + (j / plan.regions() + 1),
                        (long) region + 1,
                        manager);
            }
            done(CoreTable.TEAMS, teams);
        }

        private void sellers() throws SQLException {
            BatchInserter sellers = inserter(CoreTable.SELLERS, "name", "email", "team_id", "is_active");
            for (int id = 1; id <= plan.sellers(); id++) {
                String first = pick(sellersRandom, ReferenceData.FIRST_NAMES);
                String last = pick(sellersRandom, ReferenceData.LAST_NAMES);
                sellers.add(
                        id,
                        first + " " + last,
                        slug(first) + "." + slug(last) + id + "@vendas.esteira.example",
                        (long) 1 + sellersRandom.nextInt(plan.teams()),
                        sellersRandom.nextInt(100) >= 7);
                flushIfFull(sellers);
            }
            done(CoreTable.SELLERS, sellers);
        }

        private void customers() throws SQLException {
            BatchInserter customers = inserter(
                    CoreTable.CUSTOMERS, "name", "email", "customer_type", "city", "state", "region_id", "segment");
            double[] regionWeights = regionWeights();
            for (int id = 1; id <= plan.customers(); id++) {
                SplittableRandom random = customersRandom;
                boolean business = random.nextInt(100) < 20;
                String first = pick(random, ReferenceData.FIRST_NAMES);
                String last = pick(random, ReferenceData.LAST_NAMES);
                String name = business
                        ? last + " " + pick(random, ReferenceData.COMPANY_SUFFIXES)
                        : first + " " + pick(random, ReferenceData.LAST_NAMES) + " " + last;
                int region = weighted(random, regionWeights);
                State state = ReferenceData.STATES.get(region);
                String segment = business
                        ? (random.nextInt(100) < 70 ? "small_business" : "corporate")
                        : (random.nextInt(100) < 85 ? "consumer" : "vip");
                customers.add(
                        id,
                        name,
                        slug(business ? last : first) + "." + slug(last) + id + "@cliente.esteira.example",
                        business ? "business" : "individual",
                        pick(random, state.cities()),
                        state.uf(),
                        (long) region + 1,
                        segment);
                flushIfFull(customers);
            }
            done(CoreTable.CUSTOMERS, customers);
        }

        private void categories() throws SQLException {
            BatchInserter categories = inserter(CoreTable.CATEGORIES, "name", "parent_id");
            for (int p = 0; p < plan.parentCategories(); p++) {
                categories.add(p + 1, ReferenceData.CATEGORIES.get(p).name(), null);
            }
            flush(categories); // parents before children: the self-reference checks row by row
            for (int p = 0; p < plan.parentCategories(); p++) {
                for (int k = 0; k < plan.subcategoriesPerParent(); k++) {
                    categories.add(
                            subcategoryId(p, k),
                            ReferenceData.CATEGORIES.get(p).children().get(k).name(),
                            (long) p + 1);
                }
            }
            done(CoreTable.CATEGORIES, categories);
        }

        private long subcategoryId(int parent, int child) {
            return plan.parentCategories() + (long) parent * plan.subcategoriesPerParent() + child + 1;
        }

        private void products() throws SQLException {
            BatchInserter products =
                    inserter(CoreTable.PRODUCTS, "sku", "name", "category_id", "brand", "list_price", "unit_cost");
            productPrice = new BigDecimal[plan.products() + 1];
            productCost = new BigDecimal[plan.products() + 1];
            SplittableRandom random = productsRandom;
            for (int id = 1; id <= plan.products(); id++) {
                int parent = random.nextInt(plan.parentCategories());
                int child = random.nextInt(plan.subcategoriesPerParent());
                Subcategory sub =
                        ReferenceData.CATEGORIES.get(parent).children().get(child);
                String brand = pick(random, ReferenceData.BRANDS);
                String model = (char) ('A' + random.nextInt(26)) + Integer.toString(100 + random.nextInt(900));
                BigDecimal price = retailPrice(random, sub.minPrice(), sub.maxPrice());
                BigDecimal cost = percentOf(price, 45 + random.nextInt(31));
                productPrice[id] = price;
                productCost[id] = cost;
                products.add(
                        id,
                        String.format(Locale.ROOT, "SKU-%07d", id),
                        pick(random, sub.nouns()) + " " + brand + " " + model,
                        subcategoryId(parent, child),
                        brand,
                        price,
                        cost);
                flushIfFull(products);
            }
            done(CoreTable.PRODUCTS, products);
        }

        private void discounts() throws SQLException {
            BatchInserter inserter =
                    inserter(CoreTable.DISCOUNTS, "code", "discount_type", "value", "campaign", "starts_at", "ends_at");
            SplittableRandom random = discountsRandom;
            long periodDays = ChronoUnit.DAYS.between(PERIOD_START, periodEnd);
            discounts = new Discount[plan.discounts()];
            for (int i = 0; i < plan.discounts(); i++) {
                String campaign = pick(random, ReferenceData.CAMPAIGNS);
                boolean percent = random.nextInt(100) < 65;
                BigDecimal value = BigDecimal.valueOf(
                                percent
                                        ? 5L * (1 + random.nextInt(6))
                                        : List.of(10L, 20L, 30L, 50L, 100L).get(random.nextInt(5)))
                        .setScale(2, RoundingMode.UNNECESSARY);
                LocalDateTime startsAt = PERIOD_START.plusDays(random.nextLong(periodDays - 7));
                LocalDateTime endsAt = startsAt.plusDays(7 + random.nextInt(39));
                long id = i + 1;
                discounts[i] = new Discount(id, percent, value, startsAt, endsAt);
                inserter.add(
                        id,
                        discountCode(campaign, value, id),
                        percent ? "percent" : "fixed",
                        value,
                        campaign,
                        startsAt,
                        endsAt);
            }
            done(CoreTable.DISCOUNTS, inserter);
        }

        private void orders() throws SQLException {
            BatchInserter orders = inserter(
                    CoreTable.ORDERS,
                    "order_number",
                    "customer_id",
                    "seller_id",
                    "discount_id",
                    "status",
                    "order_date",
                    "channel");
            BatchInserter items = inserter(
                    CoreTable.ORDER_ITEMS,
                    "order_id",
                    "product_id",
                    "quantity",
                    "unit_price",
                    "unit_cost",
                    "discount_amount");
            BatchInserter returns = inserter(CoreTable.RETURNS, "order_item_id", "quantity", "refund_amount", "status");
            SplittableRandom random = ordersRandom;
            long periodSeconds = ChronoUnit.SECONDS.between(PERIOD_START, periodEnd);
            long target = plan.orderItems();
            long itemsWritten = 0;
            long orderId = 0;
            long returnId = 0;
            while (itemsWritten < target) {
                orderId++;
                int lines = (int) Math.min(1 + random.nextInt(4), target - itemsWritten);
                long offset = itemsWritten * periodSeconds / target + random.nextInt(6 * 3600);
                LocalDateTime orderDate = PERIOD_START.plusSeconds(Math.min(offset, periodSeconds - 1));
                String status = orderStatus(random, ChronoUnit.DAYS.between(orderDate, periodEnd));
                Discount discount = random.nextInt(100) < 30 ? validDiscount(random, orderDate) : null;
                orders.add(
                        orderId,
                        orderNumber(orderId),
                        (long) 1 + random.nextInt(plan.customers()),
                        (long) 1 + random.nextInt(plan.sellers()),
                        discount == null ? null : discount.id(),
                        status,
                        orderDate,
                        channel(random));
                OrderLine[] order = orderLines(random, lines);
                BigDecimal[] discountAmounts = Discount.allocate(discount, order);
                for (int i = 0; i < order.length; i++) {
                    long itemId = itemsWritten + i + 1;
                    OrderLine line = order[i];
                    items.add(
                            itemId,
                            orderId,
                            line.productId(),
                            line.quantity(),
                            line.unitPrice(),
                            line.unitCost(),
                            discountAmounts[i]);
                    if ("delivered".equals(status) && random.nextInt(100) < 4) {
                        int quantity = 1 + random.nextInt(line.quantity());
                        String returnStatus = returnStatus(random);
                        returns.add(
                                ++returnId,
                                itemId,
                                quantity,
                                refund(line, discountAmounts[i], quantity, returnStatus),
                                returnStatus);
                    }
                }
                itemsWritten += lines;
                if (orders.pending() >= ORDERS_PER_FLUSH) {
                    flush(orders, items, returns);
                }
            }
            flush(orders, items, returns);
            rows.put(CoreTable.ORDERS, orders.rows());
            rows.put(CoreTable.ORDER_ITEMS, items.rows());
            rows.put(CoreTable.RETURNS, returns.rows());
        }

        private OrderLine[] orderLines(SplittableRandom random, int lines) {
            OrderLine[] order = new OrderLine[lines];
            for (int i = 0; i < lines; i++) {
                // Squared uniform: a few products sell much more than the rest.
                double u = random.nextDouble();
                int product = 1 + (int) (u * u * plan.products());
                int roll = random.nextInt(100);
                int quantity = roll < 60 ? 1 : roll < 85 ? 2 : roll < 95 ? 3 : 4 + random.nextInt(2);
                order[i] = new OrderLine(product, quantity, productPrice[product], productCost[product]);
            }
            return order;
        }

        private Discount validDiscount(SplittableRandom random, LocalDateTime at) {
            List<Discount> valid = new ArrayList<>();
            for (Discount discount : discounts) {
                if (discount.validAt(at)) {
                    valid.add(discount);
                }
            }
            return valid.isEmpty() ? null : valid.get(random.nextInt(valid.size()));
        }

        private void salesTargets() throws SQLException {
            BatchInserter targets = inserter(CoreTable.SALES_TARGETS, "seller_id", "year", "month", "target_amount");
            long id = 0;
            for (int seller = 1; seller <= plan.sellers(); seller++) {
                int base = 20_000 + 1_000 * targetsRandom.nextInt(61);
                for (int m = 0; m < PERIOD_MONTHS; m++) {
                    LocalDateTime month = PERIOD_START.plusMonths(m);
                    targets.add(
                            ++id,
                            (long) seller,
                            (short) month.getYear(),
                            (short) month.getMonthValue(),
                            monthlyTarget(targetsRandom, base, month.getMonthValue()));
                    flushIfFull(targets);
                }
            }
            done(CoreTable.SALES_TARGETS, targets);
        }

        private double[] regionWeights() {
            double[] weights = new double[plan.regions()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = 1.0 / (1.0 + 0.35 * i);
            }
            return weights;
        }
    }

    // Shared with the workload: the same rules make its rows look like the base data.

    static String orderNumber(long orderId) {
        return String.format(Locale.ROOT, "PED-%09d", orderId);
    }

    static String discountCode(String campaign, BigDecimal value, long id) {
        String letters = slug(campaign).replace(".", "").toUpperCase(Locale.ROOT);
        return String.format(
                Locale.ROOT, "%s%d-%05d", letters.substring(0, Math.min(10, letters.length())), value.intValue(), id);
    }

    static String personName(SplittableRandom random) {
        return pick(random, ReferenceData.FIRST_NAMES) + " " + pick(random, ReferenceData.LAST_NAMES);
    }

    static String orderStatus(SplittableRandom random, long ageDays) {
        int roll = random.nextInt(100);
        if (ageDays > 20) {
            return roll < 5 ? "cancelled" : "delivered";
        }
        if (ageDays > 7) {
            return roll < 5 ? "cancelled" : roll < 10 ? "paid" : roll < 55 ? "shipped" : "delivered";
        }
        return roll < 3 ? "cancelled" : roll < 35 ? "placed" : roll < 70 ? "paid" : "shipped";
    }

    static String channel(SplittableRandom random) {
        int roll = random.nextInt(100);
        return roll < 45 ? "web" : roll < 75 ? "app" : roll < 90 ? "marketplace" : "store";
    }

    static String returnStatus(SplittableRandom random) {
        int roll = random.nextInt(100);
        return roll < 55 ? "refunded" : roll < 70 ? "approved" : roll < 80 ? "requested" : "rejected";
    }

    /** What the customer gets back for {@code quantity} units: their price net of the line's discount. */
    static BigDecimal refund(OrderLine line, BigDecimal lineDiscount, int quantity, String status) {
        if ("rejected".equals(status)) {
            return BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);
        }
        BigDecimal net = line.gross().subtract(lineDiscount);
        return net.multiply(BigDecimal.valueOf(quantity))
                .divide(BigDecimal.valueOf(line.quantity()), 2, RoundingMode.HALF_UP);
    }

    static BigDecimal monthlyTarget(SplittableRandom random, int base, int month) {
        double season = month == 11 ? 1.3 : month == 12 ? 1.5 : 0.9 + random.nextInt(21) / 100.0;
        long hundreds = Math.round(base * season / 100.0);
        return BigDecimal.valueOf(hundreds * 100).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** A price between the bounds, ending in ,90 as shops do. */
    static BigDecimal retailPrice(SplittableRandom random, int min, int max) {
        int reais = min + random.nextInt(Math.max(1, max - min));
        return BigDecimal.valueOf(reais * 100L + 90, 2);
    }

    static BigDecimal percentOf(BigDecimal amount, int percent) {
        return amount.multiply(BigDecimal.valueOf(percent)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static int weighted(SplittableRandom random, double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double roll = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
    }

    /** One line of an order before it is written. */
    record OrderLine(long productId, int quantity, BigDecimal unitPrice, BigDecimal unitCost) {
        BigDecimal gross() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    /** A discount as the order rules need it. */
    record Discount(long id, boolean percent, BigDecimal value, LocalDateTime startsAt, LocalDateTime endsAt) {

        boolean validAt(LocalDateTime at) {
            return !at.isBefore(startsAt) && at.isBefore(endsAt);
        }

        /**
         * The discount of each line: a percentage applies to each line's gross; a fixed amount
         * (at most the order's gross) is split over the lines in proportion to their gross, the
         * last line taking the cents left over.
         */
        static BigDecimal[] allocate(Discount discount, OrderLine[] lines) {
            BigDecimal[] amounts = new BigDecimal[lines.length];
            BigDecimal zero = BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);
            if (discount == null) {
                Arrays.fill(amounts, zero);
                return amounts;
            }
            if (discount.percent()) {
                for (int i = 0; i < lines.length; i++) {
                    amounts[i] = lines[i].gross().multiply(discount.value()).divide(HUNDRED, 2, RoundingMode.HALF_UP);
                }
                return amounts;
            }
            BigDecimal gross = zero;
            for (OrderLine line : lines) {
                gross = gross.add(line.gross());
            }
            BigDecimal total = discount.value().min(gross);
            BigDecimal allocated = zero;
            for (int i = 0; i < lines.length - 1; i++) {
                amounts[i] = total.multiply(lines[i].gross()).divide(gross, 2, RoundingMode.DOWN);
                allocated = allocated.add(amounts[i]);
            }
            amounts[lines.length - 1] = total.subtract(allocated);
            return amounts;
        }
    }
}
