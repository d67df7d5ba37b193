package io.esteira.runtime.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.esteira.runtime.config.Endpoint;
import io.esteira.runtime.config.UnreachableEndpointException;

/** Builds the named, pooled data sources of a service; fails at once when a database does not answer. */
public final class DataSources {

    private DataSources() {}

    /**
     * A Hikari pool named after its role (pool name {@code esteira-oltp}, …). The first connection is
     * opened here, so an unreachable database or a refused login stops start-up with a message that
     * names the property to fix.
     *
     * @param property the property prefix, e.g. {@code esteira.oltp}
     */
    public static HikariDataSource pooled(String property, Endpoint endpoint, int maximumPoolSize, boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(property.replace('.', '-'));
        config.setJdbcUrl(endpoint.url());
        config.setUsername(endpoint.username());
        config.setPassword(endpoint.password());
        config.setMaximumPoolSize(maximumPoolSize);
        config.setReadOnly(readOnly);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(1);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new UnreachableEndpointException(property, endpoint, e);
        }
    }
}
