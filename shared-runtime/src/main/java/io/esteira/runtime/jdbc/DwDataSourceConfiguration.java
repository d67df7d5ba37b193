package io.esteira.runtime.jdbc;

import io.esteira.runtime.config.EsteiraProperties;
import io.esteira.runtime.config.TimeoutProperties;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The warehouse connection ({@code esteira.dw.*}), primary: Flyway and JdbcTemplate use it. */
@Configuration(proxyBeanMethods = false)
public class DwDataSourceConfiguration {

    @Bean
    @Primary
    @Qualifier("dw")
    public DataSource dwDataSource(
            EsteiraProperties properties,
            TimeoutProperties timeouts,
            @Value("${esteira.dw.maximum-pool-size:10}") int maximumPoolSize) {
        return DataSources.pooled("esteira.dw", properties.dw(), maximumPoolSize, false, timeouts);
    }
}
