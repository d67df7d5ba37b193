package io.esteira.runtime.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.esteira.runtime.config.Endpoint;
import io.esteira.runtime.config.TimeoutProperties;
import io.esteira.runtime.config.TrainingRun;
import io.esteira.runtime.config.UnreachableEndpointException;
import java.util.Locale;

/** Builds the named, pooled data sources of a service; fails at once when a database does not answer. */
public final class DataSources {

    /**
     * Connections a pool keeps open when idle. Hikari's default (as many as the maximum) kept 10 idle DW
     * connections in every service: PostgreSQL backends and driver buffers held for nothing, opened at
     * start-up while the JVM loads its classes. A pool grows to its maximum when work asks for more and
     * retires the extra connections after Hikari's idle timeout (10 minutes).
     */
    static final int MINIMUM_IDLE = 2;

    private DataSources() {}

    /**
     * A Hikari pool named after its role (pool name {@code esteira-oltp}, …). The first connection is
     * opened here, so an unreachable database or a refused login stops start-up with a message that
     * names the property to fix; in a class-data-sharing {@link TrainingRun}, where no database answers and
     * nothing will use the pool, none is opened, neither at once nor in the background.
     *
     * @param property the property prefix, e.g. {@code esteira.oltp}
     */
    public static HikariDataSource pooled(
            String property, Endpoint endpoint, int maximumPoolSize, boolean readOnly, TimeoutProperties timeouts) {
        try {
            return new HikariDataSource(config(property, endpoint, maximumPoolSize, readOnly, timeouts));
        } catch (RuntimeException e) {
            throw new UnreachableEndpointException(property, endpoint, e);
        }
    }

    static HikariConfig config(
            String property, Endpoint endpoint, int maximumPoolSize, boolean readOnly, TimeoutProperties timeouts) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(property.replace('.', '-'));
        config.setJdbcUrl(endpoint.url());
        config.setUsername(endpoint.username());
        config.setPassword(endpoint.password());
        config.setMaximumPoolSize(maximumPoolSize);
        config.setMinimumIdle(TrainingRun.active() ? 0 : Math.min(MINIMUM_IDLE, maximumPoolSize));
        config.setReadOnly(readOnly);
        config.setConnectionTimeout(timeouts.databaseConnect().toMillis());
        // 1: open the first connection now and fail at once; -1: open none at start.
        config.setInitializationFailTimeout(TrainingRun.active() ? -1 : 1);
        networkTimeouts(config, endpoint.url(), timeouts);
        return config;
    }

    /**
     * The driver's own network timeouts, in the driver's units, unless the URL already sets them (the
     * URL's word is the operator's). A read that waits past the socket timeout closes the connection and
     * fails with SQLSTATE 08006 (pgjdbc) or 08S01 (mssql-jdbc): {@link ConnectionFailures} takes it for a
     * lost connection, and the pool opens a new one.
     */
    private static void networkTimeouts(HikariConfig config, String url, TimeoutProperties timeouts) {
        long connectSeconds = Math.max(1, timeouts.databaseConnect().toSeconds());
        if (url.startsWith("jdbc:postgresql:")) {
            driverProperty(
                    config,
                    url,
                    "socketTimeout",
                    Math.max(1, timeouts.databaseSocket().toSeconds()));
            driverProperty(config, url, "connectTimeout", connectSeconds);
            driverProperty(config, url, "tcpKeepAlive", true);
        } else if (url.startsWith("jdbc:sqlserver:")) {
            driverProperty(
                    config, url, "socketTimeout", timeouts.databaseSocket().toMillis());
            driverProperty(config, url, "loginTimeout", connectSeconds);
        }
    }

    private static void driverProperty(HikariConfig config, String url, String name, Object value) {
        if (!url.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT) + "=")) {
            config.addDataSourceProperty(name, String.valueOf(value));
        }
    }
}
