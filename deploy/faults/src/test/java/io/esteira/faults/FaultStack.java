package io.esteira.faults;

import static org.awaitility.Awaitility.await;

import io.esteira.contracts.Queues;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.embedded.TemporaryPostgres;
import io.esteira.embedded.net.TcpProxy;
import io.esteira.faults.check.WarehouseComparison;
import io.esteira.faults.infra.BrokerProcess;
import io.esteira.faults.infra.ServiceProcess;
import io.esteira.faults.infra.WebhookSink;
import io.esteira.oltp.BaseDataGenerator;
import io.esteira.oltp.OltpSchema;
import io.esteira.oltp.ProgressListener;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.awaitility.core.ConditionTimeoutException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Everything the suite runs, each part a separate process where production has one: two PostgreSQL
 * databases on the shared server (OLTP with the reference schema and scale-1 base data; DW migrated by the
 * loader), the Artemis broker with security on ({@link BrokerProcess}), the loader, alerting and extractor
 * services from their runnable jars (the quality service only when a test asks), and the alerting
 * service's webhook receiver ({@link WebhookSink}).
 *
 * <p>The extractor reads the OLTP with a read-only role made for the run; every service has its own broker
 * user; the operator login and all passwords are random per run and reach the services through the
 * environment, as in production.
 */
public final class FaultStack implements AutoCloseable {

    /** The extractor's Quartz fallback interval: the "poll interval" of the recovery target. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

    /** Recovery target: caught up within two poll intervals and 30 s after the faulty part is back. */
    public static final Duration RECOVERY_TARGET = POLL_INTERVAL.multipliedBy(2).plusSeconds(30);

    /** The suite's own database sessions carry this name, so that dropping the services' sessions spares them. */
    public static final String APPLICATION_NAME = "esteira-faults";

    /** The alerting service's group_wait for alerts from Prometheus ({@code source=prometheus}). */
    public static final Duration PROMETHEUS_GROUP_WAIT = Duration.ofSeconds(10);

    /** The alerting service's {@code delivery.in-flight-timeout}: longer than the webhook's retries. */
    public static final Duration ALERT_IN_FLIGHT_TIMEOUT = Duration.ofSeconds(20);

    public static final String OPERATOR = "operator";

    /**
     * esteira.timeouts.database-socket of the services behind proxies: the shipped 10 minutes would make one
     * stalled connection cost a bounded run 10 minutes; the suite's statements take well under a second.
     */
    public static final Duration NETWORK_DATABASE_SOCKET_TIMEOUT = Duration.ofSeconds(20);

    /** Entities whose rows become facts; the others feed the dimensions. */
    public static final List<String> FACT_SOURCES = List.of("orders", "order_items", "returns", "sales_targets");

    public static final List<String> DIMENSION_SOURCES = EntityCatalog.reference().names().stream()
            .filter(entity -> !FACT_SOURCES.contains(entity))
            .toList();

    private final TemporaryPostgres oltpDatabase;
    private final TemporaryPostgres dwDatabase;
    private final String readOnlyRole;
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final Path brokerData;
    private final Path logs;
    private final Path jars;
    private final Path hikari;
    private final boolean behindProxies;
    private final boolean brokerPair;
    private BrokerProcess.Pair pair;
    private final List<TcpProxy> proxies = new ArrayList<>();
    private TcpProxy oltpProxy;
    private TcpProxy dwProxy;
    private TcpProxy brokerProxy;
    private BrokerProcess broker;
    private WebhookSink webhook;
    private Workload workload;
    private ServiceProcess loader;
    private ServiceProcess alerting;
    private ServiceProcess extractor;
    private ServiceProcess quality;
    private ServiceProcess secondLoader;
    private volatile String damage;

    private FaultStack(TemporaryPostgres oltp, TemporaryPostgres dw, boolean behindProxies, boolean brokerPair)
            throws IOException {
        this.behindProxies = behindProxies;
        this.brokerPair = brokerPair;
        this.oltpDatabase = oltp;
        this.dwDatabase = dw;
        this.readOnlyRole = "esteira_faults_ro_" + secret().substring(0, 10);
        this.brokerData = Files.createTempDirectory("esteira-faults-broker-");
        this.logs = Path.of(System.getProperty("faults.logs", "target/faults-logs"));
        this.jars = Path.of(System.getProperty("faults.services", "target/services"));
        Files.createDirectories(logs);
        this.hikari = logs.resolve("hikari.properties");
        Files.writeString(hikari, "minimumIdle=1\nidleTimeout=15000\n");
        for (String name :
                List.of("operator", "admin", "extractor", "loader", "quality", "alerting", "oltp-ro", "cluster")) {
            secrets.put(name, secret());
        }
    }

    /** Starts the whole stack; on any failure what was started is stopped again. */
    public static FaultStack start(TemporaryPostgres.Server server) throws Exception {
        return start(server, server);
    }

    /** The same, with the OLTP and the DW on servers of their own, as production has them. */
    public static FaultStack start(TemporaryPostgres.Server oltpServer, TemporaryPostgres.Server dwServer)
            throws Exception {
        return start(oltpServer, dwServer, false);
    }

    /**
     * The same, with every service reaching the OLTP, the DW and the broker through a {@link TcpProxy} of
     * its own ({@link #oltpProxy()}, {@link #dwProxy()}, {@link #brokerProxy()}), for the network faults;
     * the suite's own connections (workload, comparisons, broker administration) go direct. The services'
     * database socket timeout is {@link #NETWORK_DATABASE_SOCKET_TIMEOUT}; every other timeout is the
     * shipped one.
     */
    public static FaultStack startBehindProxies(TemporaryPostgres.Server server) throws Exception {
        return start(server, server, true, false);
    }

    /**
     * The same, with a broker pair instead of one broker ({@link BrokerProcess#pair}: a primary and a backup
     * on one shared journal, {@link #brokerPair()}); the services take both in their broker URL ({@link
     * BrokerProcess.Pair#url()}).
     */
    public static FaultStack startWithBrokerPair(TemporaryPostgres.Server server) throws Exception {
        return start(server, server, false, true);
    }

    private static FaultStack start(
            TemporaryPostgres.Server oltpServer, TemporaryPostgres.Server dwServer, boolean behindProxies)
            throws Exception {
        return start(oltpServer, dwServer, behindProxies, false);
    }

    private static FaultStack start(
            TemporaryPostgres.Server oltpServer,
            TemporaryPostgres.Server dwServer,
            boolean behindProxies,
            boolean brokerPair)
            throws Exception {
        TemporaryPostgres oltp = TemporaryPostgres.create(oltpServer, "faults_oltp");
        TemporaryPostgres dw;
        try {
            dw = TemporaryPostgres.create(dwServer, "faults_dw");
        } catch (RuntimeException e) {
            oltp.close();
            throw e;
        }
        FaultStack stack = new FaultStack(oltp, dw, behindProxies, brokerPair);
        try {
            stack.startAll();
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() throws SQLException {
        for (String jar : List.of("extractor-service", "loader-service", "alerting-service", "quality-service")) {
            if (!Files.isRegularFile(jar(jar))) {
                throw new IllegalStateException(jar(jar) + " is missing: run the suite with ./mvnw -Pfaults verify"
                        + " from the top directory, which builds it (docs/reliability.md)");
            }
        }
        OltpSchema.migrate(oltp());
        new BaseDataGenerator(7, 1).generate(oltp(), ProgressListener.silent());
        createReadOnlyRole();

        Path brokerXml = Path.of(System.getProperty("faults.broker-xml", "../artemis/broker.xml"));
        List<BrokerProcess.User> brokerUsers = List.of(
                new BrokerProcess.User("admin", secrets.get("admin"), "amq"),
                new BrokerProcess.User("extractor", secrets.get("extractor"), "extractor"),
                new BrokerProcess.User("loader", secrets.get("loader"), "loader"),
                new BrokerProcess.User("quality", secrets.get("quality"), "quality"),
                new BrokerProcess.User("alerting", secrets.get("alerting"), "alerting"));
        if (brokerPair) {
            pair = BrokerProcess.pair(brokerXml, brokerData, logs, brokerUsers, secrets.get("cluster"));
            broker = pair.primary().start();
            pair.backup().startAsBackup();
        } else {
            broker = new BrokerProcess(brokerXml, brokerData, logs, brokerUsers).start();
        }
        if (behindProxies) {
            oltpProxy = proxy("oltp", oltpDatabase.jdbcUrl());
            dwProxy = proxy("dw", dwDatabase.jdbcUrl());
            brokerProxy = TcpProxy.start("broker", "127.0.0.1", broker.port());
            proxies.add(brokerProxy);
        }
        webhook = new WebhookSink().start();

        loader = new ServiceProcess(
                "loader-service", jar("loader-service"), logs, jvmOptions(), List.of(), environment("loader"));
        loader.start();
        installHooks();
        alerting = new ServiceProcess(
                "alerting-service",
                jar("alerting-service"),
                logs,
                jvmOptions(),
                List.of(
                        "--esteira.alerting.route.receiver=hook",
                        "--esteira.alerting.route.group-by=fingerprint",
                        "--esteira.alerting.route.group-wait=1s",
                        "--esteira.alerting.route.group-interval=5s",
                        // Prometheus's alerts wait longer: AlertingFaultsIT kills the service in that wait.
                        "--esteira.alerting.route.routes[0].matchers[0]=source=prometheus",
                        "--esteira.alerting.route.routes[0].receiver=hook",
                        "--esteira.alerting.route.routes[0].group-wait=" + PROMETHEUS_GROUP_WAIT,
                        "--esteira.alerting.receivers.hook.type=webhook",
                        "--esteira.alerting.receivers.hook.webhook.url=" + webhook.url(),
                        // About 10 s of attempts, then the dead notification is formed again every group_interval;
                        // a notification a killed process left in flight is formed again after 20 s.
                        "--esteira.alerting.receivers.hook.retry.max-attempts=5",
                        "--esteira.alerting.delivery.in-flight-timeout=" + ALERT_IN_FLIGHT_TIMEOUT,
                        "--esteira.alerting.receivers.hook.retry.initial-delay=1s",
                        "--esteira.alerting.receivers.hook.retry.max-delay=3s",
                        "--esteira.alerting.webhook.allowed-schemes=http",
                        "--esteira.alerting.webhook.allowed-hosts=127.0.0.1"),
                environment("alerting"));
        alerting.start();
        extractor = new ServiceProcess(
                "extractor-service",
                jar("extractor-service"),
                logs,
                jvmOptions(),
                List.of(
                        "--esteira.extractor.interval=" + POLL_INTERVAL,
                        // Small pages: more batches per change, ties across pages, more places for a kill to land.
                        "--esteira.extractor.batch-size=100"),
                environment("extractor"));
        // The initial load brings the dimensions' sources first, then the facts' (an operator's initial load
        // does the same with ctl.etl_control.enabled): the cycles then start from a complete warehouse.
        // LateDimensionIT covers facts that arrive before their dimension rows.
        setEnabled(FACT_SOURCES, false);
        extractor.start();
        await("dimension sources mirrored")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> new WarehouseComparison().mirrorsEqual(oltp(), dw(), DIMENSION_SOURCES));
        setEnabled(FACT_SOURCES, true);
    }

    /** Turns extraction of entities on or off, as an operator does in ctl.etl_control. */
    public void setEnabled(List<String> entities, boolean enabled) {
        for (String entity : entities) {
            Sql.update(dw(), "UPDATE ctl.etl_control SET enabled = ? WHERE entity = ?", enabled, entity);
        }
    }

    /**
     * JVM options of every service. The PostgreSQL server is shared with other work (max_connections 100),
     * and each service's pools are fixed-size (10 DW + 4 OLTP connections, opened at once): Hikari's own
     * configuration file lets them start with one idle connection and grow on demand instead.
     */
    private List<String> jvmOptions() {
        return List.of("-Dhikaricp.configurationFile=" + hikari.toAbsolutePath());
    }

    private TcpProxy proxy(String name, String jdbcUrl) {
        URI address = URI.create(jdbcUrl.substring("jdbc:".length()));
        TcpProxy proxy = TcpProxy.start(name, address.getHost(), address.getPort());
        proxies.add(proxy);
        return proxy;
    }

    /** {@code jdbcUrl} through {@code proxy} when the stack runs behind proxies, else itself. */
    private String via(TcpProxy proxy, String url) {
        if (proxy == null) {
            return url;
        }
        return url.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
    }

    /** The settings a service reads from its environment, as in production (credentials never on the command line). */
    Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ESTEIRA_OLTP_URL", via(oltpProxy, oltpDatabase.jdbcUrl()));
        if (service.equals("extractor")) {
            env.put("ESTEIRA_OLTP_USERNAME", readOnlyRole);
            env.put("ESTEIRA_OLTP_PASSWORD", secrets.get("oltp-ro"));
        } else {
            env.put("ESTEIRA_OLTP_USERNAME", oltpDatabase.username());
            env.put("ESTEIRA_OLTP_PASSWORD", oltpDatabase.password());
        }
        env.put("ESTEIRA_DW_URL", via(dwProxy, dwDatabase.jdbcUrl()));
        env.put("ESTEIRA_DW_USERNAME", dwDatabase.username());
        env.put("ESTEIRA_DW_PASSWORD", dwDatabase.password());
        env.put(
                "ESTEIRA_BROKER_URL",
                pair != null
                        ? pair.url()
                        : brokerProxy == null ? broker.url() : "tcp://127.0.0.1:" + brokerProxy.port());
        if (behindProxies) {
            env.put("ESTEIRA_TIMEOUTS_DATABASE_SOCKET", NETWORK_DATABASE_SOCKET_TIMEOUT.toSeconds() + "s");
        }
        env.put("ESTEIRA_BROKER_USERNAME", service);
        env.put("ESTEIRA_BROKER_PASSWORD", secrets.get(service));
        env.put("ESTEIRA_SECURITY_USERNAME", OPERATOR);
        env.put("ESTEIRA_SECURITY_PASSWORD", secrets.get("operator"));
        env.put("ESTEIRA_EXTRACTOR_REPLAY_PASSWORD", secrets.get("operator"));
        env.put("ESTEIRA_LOADER_DLQ_PASSWORD", secrets.get("operator"));
        env.put("ESTEIRA_ALERTING_API_USERNAME", OPERATOR);
        env.put("ESTEIRA_ALERTING_API_PASSWORD", secrets.get("operator"));
        env.put("ESTEIRA_QUALITY_REPAIR_USERNAME", OPERATOR);
        env.put("ESTEIRA_QUALITY_REPAIR_PASSWORD", secrets.get("operator"));
        return env;
    }

    /** The suite's fault hooks in its own DW (see faults/hold-watermark.sql); installed once the loader migrated it. */
    private void installHooks() throws SQLException {
        String sql;
        try (var in = FaultStack.class.getResourceAsStream("/faults/hold-watermark.sql")) {
            sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read /faults/hold-watermark.sql", e);
        }
        try (Connection connection = dwDatabase.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void createReadOnlyRole() throws SQLException {
        try (Connection connection = oltpDatabase.connect();
                Statement statement = connection.createStatement()) {
            String role = "\"" + readOnlyRole + "\"";
            // DDL takes no bind parameters; the role name is generated (letters, digits, underscore) and the
            // password is hex, so neither can break out of its literal.
            statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + secrets.get("oltp-ro") + "'");
            statement.execute("GRANT CONNECT ON DATABASE \"" + oltpDatabase.databaseName() + "\" TO " + role);
            statement.execute("GRANT USAGE ON SCHEMA core TO " + role);
            statement.execute("GRANT SELECT ON ALL TABLES IN SCHEMA core TO " + role);
        }
    }

    public DataSource oltp() {
        return dataSource(oltpDatabase, oltpDatabase.username(), oltpDatabase.password());
    }

    public DataSource dw() {
        return dataSource(dwDatabase, dwDatabase.username(), dwDatabase.password());
    }

    /** The OLTP as the extractor's read-only role sees it. */
    public DataSource oltpAsExtractor() {
        return dataSource(oltpDatabase, readOnlyRole, secrets.get("oltp-ro"));
    }

    private static DataSource dataSource(TemporaryPostgres database, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(database.jdbcUrl());
        ds.setUser(user);
        ds.setPassword(password);
        ds.setApplicationName(APPLICATION_NAME);
        return ds;
    }

    public String readOnlyRole() {
        return readOnlyRole;
    }

    public String oltpDatabaseName() {
        return oltpDatabase.databaseName();
    }

    public String dwDatabaseName() {
        return dwDatabase.databaseName();
    }

    public BrokerProcess broker() {
        return broker;
    }

    /** The broker pair, when the stack runs one ({@link #startWithBrokerPair}); {@link #broker()} is its primary. */
    public BrokerProcess.Pair brokerPair() {
        if (pair == null) {
            throw new IllegalStateException("This stack runs one broker; start it with startWithBrokerPair");
        }
        return pair;
    }

    /** The proxies between the services and the OLTP, the DW and the broker (none unless behind proxies). */
    public List<TcpProxy> proxies() {
        return List.copyOf(proxies);
    }

    public TcpProxy oltpProxy() {
        return oltpProxy;
    }

    public TcpProxy dwProxy() {
        return dwProxy;
    }

    public TcpProxy brokerProxy() {
        return brokerProxy;
    }

    /** The continuous workload the fault cycles burst on the OLTP, started on first use. */
    public synchronized Workload workload() {
        if (workload == null) {
            workload = new Workload(oltp());
        }
        return workload;
    }

    public WebhookSink webhook() {
        return webhook;
    }

    public ServiceProcess loader() {
        return loader;
    }

    public ServiceProcess alerting() {
        return alerting;
    }

    public ServiceProcess extractor() {
        return extractor;
    }

    /** The quality service, started on first use (the fault cycles do not need it). */
    public synchronized ServiceProcess quality() {
        if (quality == null) {
            quality = new ServiceProcess(
                    "quality-service", jar("quality-service"), logs, jvmOptions(), List.of(), environment("quality"));
        }
        if (!quality.isAlive()) {
            quality.start();
        }
        return quality;
    }

    /**
     * The quality service (re)started with {@code arguments} (e.g. a check's schedule made seconds long); the
     * caller stops it with {@link #stopQuality()} so that later tests get the shipped configuration.
     */
    public synchronized ServiceProcess quality(List<String> arguments) {
        stopQuality();
        quality = new ServiceProcess(
                "quality-service", jar("quality-service"), logs, jvmOptions(), arguments, environment("quality"));
        quality.start();
        return quality;
    }

    /**
     * A second loader on the same queues and the same DW, as a scaled-out deployment runs it; created on
     * first use, started by the caller.
     */
    public synchronized ServiceProcess secondLoader() {
        if (secondLoader == null) {
            secondLoader = new ServiceProcess(
                    "loader-service-2", jar("loader-service"), logs, jvmOptions(), List.of(), environment("loader"));
        }
        return secondLoader;
    }

    public synchronized void stopQuality() {
        if (quality != null) {
            quality.stop();
            quality = null;
        }
    }

    public Path jar(String service) {
        return jars.resolve(service + ".jar");
    }

    public Path logs() {
        return logs;
    }

    /** Operator login ("user:password") of every service's protected endpoints. */
    public String operatorCredentials() {
        return OPERATOR + ":" + secrets.get("operator");
    }

    public String brokerPassword(String user) {
        return secrets.get(user.equals("admin") ? "admin" : user);
    }

    /** Compares the DW with the OLTP now. */
    public WarehouseComparison.Report compare() {
        return new WarehouseComparison().compare(oltp(), dw());
    }

    /**
     * Waits until the DW equals the OLTP (polling the comparison once a second), and returns the matching
     * report; fails with the last differences when {@code timeout} passes first.
     */
    public WarehouseComparison.Report awaitCaughtUp(Duration timeout) {
        AtomicReference<WarehouseComparison.Report> last = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try {
            await("DW equal to the OLTP")
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        try {
                            WarehouseComparison.Report report = compare();
                            last.set(report);
                            // Idle too: nothing left in the change queues that could still change the DW.
                            return report.clean() && queuedChanges() == 0;
                        } catch (IllegalStateException e) {
                            // The shared server may refuse a connection for a moment (too many clients): try again.
                            failure.set(e);
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            AssertionError error = new AssertionError(
                    "The DW did not catch up with the OLTP within " + timeout + ": " + last.get() + "\n" + status(), e);
            damage = String.valueOf(last.get());
            if (failure.get() != null) {
                error.addSuppressed(failure.get());
            }
            throw error;
        }
        return last.get();
    }

    /**
     * Before a test: waits for the DW to equal the OLTP, unless an earlier test already found a difference
     * that never healed; then fails at once (one compare), so one defect does not cost every later test a
     * full wait.
     */
    public WarehouseComparison.Report settle(Duration timeout) {
        String earlier = damage;
        if (earlier != null) {
            WarehouseComparison.Report now = compare();
            if (!now.clean()) {
                throw new AssertionError("The DW has differed from the OLTP since an earlier test and still does: "
                        + now + "\n(first seen: " + earlier + ")");
            }
            damage = null;
        }
        return awaitCaughtUp(timeout);
    }

    /** Messages waiting in the change queues now (the administrator's view). */
    public int queuedChanges() {
        int total = 0;
        for (String entity : EntityCatalog.reference().names()) {
            total += (pair == null ? broker : pair.active()).depth(Queues.changes(entity));
        }
        return total;
    }

    /** Which processes run, for failure messages. */
    public String status() {
        StringBuilder text = new StringBuilder("processes:");
        text.append(" broker=").append(broker != null && broker.process().isAlive() ? "up" : "down");
        if (pair != null) {
            text.append(" backup-broker=").append(pair.backup().process().isAlive() ? "up" : "down");
        }
        for (ServiceProcess service : new ServiceProcess[] {extractor, loader, secondLoader, alerting, quality}) {
            if (service != null) {
                text.append(' ').append(service.name()).append('=').append(service.isAlive() ? "up" : "down");
            }
        }
        return text.append(" (logs in ")
                .append(logs.toAbsolutePath())
                .append(')')
                .toString();
    }

    /**
     * Ends every session the services hold on both databases ({@code pg_terminate_backend}), the closest
     * this shared PostgreSQL server allows to a database restart. The suite's own sessions are spared.
     *
     * @return how many sessions were ended
     */
    public int terminateServiceSessions() throws SQLException {
        // Each database on its own connection: the two may live on different servers.
        int ended = 0;
        for (TemporaryPostgres database : List.of(oltpDatabase, dwDatabase)) {
            try (Connection connection = database.connect();
                    var statement = connection.prepareStatement(
                            "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = ?"
                                    + " AND pid <> pg_backend_pid() AND application_name <> ?")) {
                statement.setString(1, database.databaseName());
                statement.setString(2, APPLICATION_NAME);
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    ended += rs.getInt(1);
                }
            }
        }
        return ended;
    }

    @Override
    public void close() {
        List<Runnable> steps = new ArrayList<>();
        if (workload != null) {
            steps.add(workload::close);
        }
        for (ServiceProcess service : new ServiceProcess[] {quality, extractor, alerting, secondLoader, loader}) {
            if (service != null) {
                steps.add(service::stop);
            }
        }
        for (TcpProxy proxy : proxies) {
            steps.add(proxy::close);
        }
        if (pair != null) {
            // The backup first: a primary stopped while its backup waits would hand over to it (failover-on-shutdown).
            steps.add(pair.backup()::stop);
        }
        if (broker != null) {
            steps.add(broker::stop);
        }
        if (webhook != null) {
            steps.add(webhook::close);
        }
        steps.add(this::dropReadOnlyRole);
        steps.add(oltpDatabase::close);
        steps.add(dwDatabase::close);
        steps.add(() -> deleteRecursively(brokerData));
        RuntimeException first = null;
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void dropReadOnlyRole() {
        try (Connection connection = oltpDatabase.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP OWNED BY \"" + readOnlyRole + "\"");
            statement.execute("DROP ROLE IF EXISTS \"" + readOnlyRole + "\"");
        } catch (SQLException e) {
            if (!"42704".equals(e.getSQLState())) {
                throw new IllegalStateException("Cannot drop the test role " + readOnlyRole + ": " + e.getMessage(), e);
            }
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot delete the broker's data directory " + directory, e);
        }
    }

    private static String secret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
