package io.esteira.runtime.jdbc;

import io.esteira.runtime.config.EsteiraProperties;
import io.esteira.runtime.config.TimeoutProperties;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The source connection ({@code esteira.oltp.*}), read-only: Esteira never writes to the OLTP. */
@Configuration(proxyBeanMethods = false)
public class OltpDataSourceConfiguration {

    @Bean
    @Qualifier("oltp")
    public DataSource oltpDataSource(
            EsteiraProperties properties,
            TimeoutProperties timeouts,
            @Value("${esteira.oltp.maximum-pool-size:4}") int maximumPoolSize) {
        return DataSources.pooled("esteira.oltp", properties.oltp(), maximumPoolSize, true, timeouts);
    }
}
