package io.esteira.local.stack;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.dialect.SqlDialect;
import io.esteira.embedded.EmbeddedBroker;
import io.esteira.loader.schema.DwSchema;
import io.esteira.oltp.OltpSchema;
import io.esteira.runtime.config.Endpoint;
import io.esteira.runtime.jdbc.ConnectionFailures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The four services in one JVM, each in its own Spring context exactly as it would run alone,
 * against the given databases and an embedded (or given) Artemis broker. Used by {@code demo},
 * {@code up}, the end-to-end tests and the benchmark.
 *
 * <p>A database that does not answer while the stack starts (down, restarting) is waited for, with a
 * message that names it, up to {@link #DATABASE_PATIENCE}; a refused login or any other error ends the
 * start at once.
 */
public final class LocalStack implements AutoCloseable {

    /** How long the start waits for a database that does not answer. */
    public static final Duration DATABASE_PATIENCE = Duration.ofMinutes(5);

    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    /** The DW login of the quality checks in a local stack: read-only, of role {@code quality_reader}. */
    static final String QUALITY_READER_LOGIN = "esteira_quality_reader";

    private final StackOptions options;
    private final EmbeddedBroker broker;
    private final Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();

    private LocalStack(StackOptions options, EmbeddedBroker broker) {
        this.options = options;
        this.broker = broker;
    }

    /** Starts the broker (unless one is given), migrates both schemas and starts the services in order. */
    public static LocalStack start(StackOptions options, Consumer<String> status) {
        EmbeddedBroker broker = null;
        if (options.brokerUrl() == null) {
            try {
                broker = EmbeddedBroker.at(
                                Files.createTempDirectory("esteira-broker-"),
                                options.brokerPort(),
                                EmbeddedBroker.Redelivery.defaults())
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the embedded broker's journal directory", e);
            }
            status.accept("Artemis broker (embedded) on " + broker.url());
        }
        LocalStack stack = new LocalStack(options, broker);
        try {
            Instant giveUp = Instant.now().plus(DATABASE_PATIENCE);
            stack.whileAnswering(giveUp, status, () -> {
                status.accept("Migrating the OLTP reference schema at "
                        + options.oltp().safeUrl());
                OltpSchema.migrate(dataSource(options.oltp()));
            });
            stack.whileAnswering(giveUp, status, () -> {
                status.accept("Migrating the warehouse at " + options.dw().safeUrl());
                DwSchema.migrate(dataSource(options.dw()));
            });
            for (ServiceSpec service : ServiceSpec.ALL) {
                stack.whileAnswering(giveUp, status, () -> stack.startService(service, status));
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * Runs {@code step}; when it fails because a database does not answer, waits until both answer and
     * runs it again (a failed service start has closed its context), until {@code giveUp}.
     */
    private void whileAnswering(Instant giveUp, Consumer<String> status, Runnable step) {
        while (true) {
            try {
                step.run();
                return;
            } catch (RuntimeException e) {
                if (!ConnectionFailures.isConnectionFailure(e)) {
                    throw e;
                }
                status.accept("A database stopped answering during the start (" + rootMessage(e) + ").");
                awaitAnswer("The OLTP", options.oltp(), giveUp, status);
                awaitAnswer("The warehouse", options.dw(), giveUp, status);
                status.accept("Both databases answer; trying that step again.");
            }
        }
    }

    /** Returns once {@code endpoint} accepts a connection; says once that it waits, and for what. */
    static void awaitAnswer(String what, Endpoint endpoint, Instant giveUp, Consumer<String> status) {
        boolean said = false;
        while (true) {
            try (Connection ignored =
                    DriverManager.getConnection(endpoint.url(), endpoint.username(), endpoint.password())) {
                return;
            } catch (SQLException e) {
                if (!ConnectionFailures.isConnectionFailure(e)) {
                    throw new IllegalStateException(
                            what + " at " + endpoint.safeUrl() + " refuses the connection: " + e.getMessage()
                                    + ". Check its URL, user and password.",
                            e);
                }
                if (!Instant.now().isBefore(giveUp)) {
                    throw new IllegalStateException(
                            what + " at " + endpoint.safeUrl() + " still does not answer after "
                                    + DATABASE_PATIENCE.toMinutes() + " min (" + e.getMessage()
                                    + "). Start it, or check its URL, then run the command again.",
                            e);
                }
                if (!said) {
                    status.accept(what + " at " + endpoint.safeUrl() + " does not answer (" + e.getMessage()
                            + "); waiting for it, up to " + DATABASE_PATIENCE.toMinutes() + " min (Ctrl-C to stop).");
                    said = true;
                }
            }
            try {
                Thread.sleep(CHECK_EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + endpoint.safeUrl(), e);
            }
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private void startService(ServiceSpec service, Consumer<String> status) {
        status.accept("Starting " + service.name() + " …");
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.config.location", service.configLocation());
        properties.put("spring.main.banner-mode", "off");
        properties.put("server.port", options.firstPort() == 0 ? 0 : options.firstPort() + service.portOffset());
        properties.put("esteira.oltp.url", options.oltp().url());
        properties.put("esteira.oltp.username", options.oltp().username());
        properties.put("esteira.oltp.password", options.oltp().password());
        properties.put("esteira.dw.url", options.dw().url());
        properties.put("esteira.dw.username", options.dw().username());
        properties.put("esteira.dw.password", options.dw().password());
        properties.put("esteira.broker.url", brokerUrl());
        // One JVM, several contexts: MBean names must not collide, and only the loader owns the DW schema.
        properties.put("spring.jmx.unique-names", "true");
        properties.put("spring.jmx.default-domain", service.name());
        if (service != ServiceSpec.LOADER) {
            properties.put("spring.flyway.enabled", "false");
        }
        if (services.containsKey(ServiceSpec.EXTRACTOR.name())) {
            properties.put(
                    "esteira.quality.repair.extractor-url", "http://127.0.0.1:" + port(ServiceSpec.EXTRACTOR.name()));
        }
        if (service == ServiceSpec.QUALITY && !options.properties().containsKey("esteira.dw.reader.username")) {
            qualityReaderLogin().ifPresent(password -> {
                properties.put("esteira.dw.reader.username", QUALITY_READER_LOGIN);
                properties.put("esteira.dw.reader.password", password);
                status.accept("The checks read the DW as " + QUALITY_READER_LOGIN + " (role quality_reader)");
            });
        }
        properties.putAll(options.properties());
        // As command-line arguments: they outrank every other property source, as they must.
        String[] arguments = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(service.application())
                .bannerMode(Banner.Mode.OFF)
                .registerShutdownHook(false)
                .run(arguments);
        services.put(service.name(), context);
        status.accept(service.name() + " is up on http://127.0.0.1:" + port(service.name()));
    }

    /**
     * A login of role {@code quality_reader} (V70) for the quality checks, as the runbook asks production
     * to set up (docs/runbook.md#quality-reader-login), when the DW is PostgreSQL and its login may create
     * roles (the embedded one of {@code demo} may): created if missing, with a new random password each
     * start. Where the DW's login may not, nothing is created and the quality service says what to set.
     *
     * @return the login's password, or empty when none could be set up
     */
    private Optional<String> qualityReaderLogin() {
        Endpoint dw = options.dw();
        if (!dw.url().startsWith("jdbc:postgresql:")) {
            return Optional.empty();
        }
        String password = UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(dw.url(), dw.username(), dw.password());
                Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '"
                    + QUALITY_READER_LOGIN + "') THEN CREATE ROLE " + QUALITY_READER_LOGIN + " LOGIN; END IF; END $$");
            statement.execute("ALTER ROLE " + QUALITY_READER_LOGIN + " LOGIN PASSWORD '" + password + "'");
            statement.execute("GRANT quality_reader TO " + QUALITY_READER_LOGIN);
            return Optional.of(password);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    public String brokerUrl() {
        return broker != null ? broker.url() : options.brokerUrl();
    }

    /** The embedded broker, or null when the stack uses an external one. */
    public EmbeddedBroker embeddedBroker() {
        return broker;
    }

    public ConfigurableApplicationContext context(String service) {
        ConfigurableApplicationContext context = services.get(service);
        if (context == null) {
            throw new IllegalArgumentException("No service " + service + " in this stack");
        }
        return context;
    }

    public int port(String service) {
        return ((WebServerApplicationContext) context(service)).getWebServer().getPort();
    }

    /** The actuator's port: its own (server port + 1000) unless the services run on free ports. */
    public int managementPort(String service) {
        return context(service).getEnvironment().getProperty("local.management.port", Integer.class, port(service));
    }

    public List<String> serviceNames() {
        return new ArrayList<>(services.keySet());
    }

    public DataSource oltp() {
        return dataSource(options.oltp());
    }

    /**
     * The entity catalog the services read, as they read it: the shipped one amended by the operator's file
     * ({@code esteira.catalog.file} among the stack's properties, {@code ESTEIRA_CATALOG_FILE}, or {@code
     * /etc/esteira/entities.yml} when it exists), where a source under its own names maps onto the contract.
     * Whatever the local stack reports per entity or reads from the OLTP goes through this one catalog.
     */
    public EntityCatalog catalog() {
        return context(ServiceSpec.EXTRACTOR.name()).getBean(EntityCatalog.class);
    }

    /** How the local tools quote the catalog's source names in the OLTP's SQL. */
    public SqlDialect oltpDialect() {
        return () -> SqlDialect.vendorOf(options.oltp().url());
    }

    public DataSource dw() {
        return dataSource(options.dw());
    }

    static DataSource dataSource(Endpoint endpoint) {
        return new DriverManagerDataSource(endpoint.url(), endpoint.username(), endpoint.password());
    }

    /** Stops the services in reverse order, then the embedded broker. */
    @Override
    public void close() {
        List<String> names = new ArrayList<>(services.keySet());
        java.util.Collections.reverse(names);
        for (String name : names) {
            services.remove(name).close();
        }
        if (broker != null) {
            broker.stop();
        }
    }
}
