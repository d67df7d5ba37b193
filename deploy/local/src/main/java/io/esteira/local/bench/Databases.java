package io.esteira.local.bench;

import io.esteira.runtime.config.Endpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The benchmark's databases, all on PostgreSQL: where the reference's warehouse goes, creating a
 * database that does not exist yet, emptying a warehouse or an OLTP schema for a fresh run.
 */
final class Databases {

    private static final Pattern POSTGRES_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^/?;]+)(.*)$");
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    /** What the reference's warehouse is called next to the pipeline's: the DW's name with this suffix. */
    static final String REFERENCE_SUFFIX = "_reference";

    private Databases() {}

    /** The database name of a PostgreSQL JDBC URL, checked to be a plain identifier. */
    static String databaseName(String option, String url) {
        Matcher matcher = POSTGRES_URL.matcher(url == null ? "" : url);
        if (!matcher.matches()) {
            throw new BenchException(option + " " + safe(url)
                    + " is not a PostgreSQL URL with a database (jdbc:postgresql://host:port/name): the benchmark"
                    + " runs on PostgreSQL only.");
        }
        String name = matcher.group(2);
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new BenchException("The database name '" + name + "' in " + option
                    + " must be letters, digits and underscores (at most 63, not starting with a digit).");
        }
        return name;
    }

    /** The same URL on another database of the same server. */
    static String withDatabase(String url, String database) {
        Matcher matcher = POSTGRES_URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL URL with a database: " + safe(url));
        }
        return matcher.group(1) + database + matcher.group(3);
    }

    /** The reference's warehouse: the pipeline's DW server, database name suffixed {@value #REFERENCE_SUFFIX}. */
    static String referenceUrl(String dwUrl) {
        return withDatabase(dwUrl, databaseName("--dw-url", dwUrl) + REFERENCE_SUFFIX);
    }

    /**
     * Creates the endpoint's database (connecting to the server's {@code postgres} database) unless it
     * exists.
     *
     * @return true when it was created
     */
    static boolean createIfMissing(String option, Endpoint endpoint) {
        String name = databaseName(option, endpoint.url());
        try (Connection admin = connect(new Endpoint(
                        withDatabase(endpoint.url(), "postgres"), endpoint.username(), endpoint.password()));
                PreparedStatement exists = admin.prepareStatement(BenchSql.get("database-exists"))) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return false;
                }
            }
            try (Statement create = admin.createStatement()) {
                // The name is checked against DATABASE_NAME above, and quoted.
                create.execute("CREATE DATABASE \"" + name + "\"");
            }
            return true;
        } catch (SQLException e) {
            throw new BenchException(
                    "Cannot create database " + name + " for " + option + " at "
                            + endpoint.safeUrl() + ": " + e.getMessage()
                            + ". Create it yourself, or use a login that may create databases.",
                    e);
        }
    }

    static DataSource dataSource(Endpoint endpoint) {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
        dataSource.setDriverClass(org.postgresql.Driver.class);
        dataSource.setUrl(endpoint.url());
        dataSource.setConnectionProperties(properties(endpoint));
        return dataSource;
    }

    static Connection connect(Endpoint endpoint) throws SQLException {
        return DriverManager.getConnection(endpoint.url(), properties(endpoint));
    }

    private static Properties properties(Endpoint endpoint) {
        Properties properties = new Properties();
        if (!endpoint.username().isBlank()) {
            properties.setProperty("user", endpoint.username());
        }
        if (!endpoint.password().isEmpty()) {
            properties.setProperty("password", endpoint.password());
        }
        return properties;
    }

    /** True when the warehouse has applied batches already (a load happened into it). */
    static boolean holdsLoad(DataSource dw) {
        JdbcTemplate jdbc = new JdbcTemplate(dw);
        Boolean exists = jdbc.queryForObject(BenchSql.get("table-exists"), Boolean.class, "ctl.applied_batch");
        if (!Boolean.TRUE.equals(exists)) {
            return false;
        }
        Long batches = jdbc.queryForObject("SELECT COUNT(*) FROM ctl.applied_batch", Long.class);
        return batches != null && batches > 0;
    }

    /** Drops the six warehouse schemas (and with them Flyway's history in ctl). */
    static void dropWarehouse(DataSource dw) {
        new JdbcTemplate(dw).execute(BenchSql.get("drop-warehouse"));
    }

    /** Drops the OLTP reference schema core (and Flyway's history in it). */
    static void dropOltp(DataSource oltp) {
        new JdbcTemplate(oltp).execute(BenchSql.get("drop-oltp"));
    }

    /**
     * Asks the server for a checkpoint, so that one phase's dirty pages are not written during the
     * next. Needs a superuser (or pg_checkpoint on PostgreSQL 15); without one it is skipped.
     *
     * @return whether the checkpoint ran
     */
    static boolean checkpoint(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String safe(String url) {
        return url == null ? "(none)" : new Endpoint(url, "", "").safeUrl();
    }
}
