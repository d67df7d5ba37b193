package io.esteira.runtime.config;

import io.esteira.contracts.ContractCodec;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.runtime.alert.AlertPublisher;
import io.esteira.runtime.broker.BrokerConfiguration;
import io.esteira.runtime.route.ErrorHandlingRoutes;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What every Esteira service gets: the connection contract, the broker connection, and the shared
 * plain objects — the clock, the entity catalog (the shipped file amended by {@code esteira.catalog.file},
 * {@link CatalogProperties}), the contract codec and the alert publisher (whose
 * events carry {@code spring.application.name} as their source) — and the one route configuration of
 * every route, {@link ErrorHandlingRoutes}. A service that needs another one declares its own bean.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@EnableConfigurationProperties({EsteiraProperties.class, TimeoutProperties.class, CatalogProperties.class})
@Import(BrokerConfiguration.class)
public class RuntimeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The shipped catalog amended by {@code esteira.catalog.file}; a file that is wrong stops start-up. */
    @Bean
    @ConditionalOnMissingBean
    EntityCatalog entityCatalog(CatalogProperties properties) {
        return properties.catalog();
    }

    @Bean
    @ConditionalOnMissingBean
    ContractCodec contractCodec() {
        return ContractCodec.standard();
    }

    @Bean
    @ConditionalOnMissingBean
    ErrorHandlingRoutes errorHandlingRoutes() {
        return new ErrorHandlingRoutes();
    }

    @Bean
    @ConditionalOnMissingBean
    AlertPublisher alertPublisher(
            ProducerTemplate producer, @Value("${spring.application.name:esteira}") String service, Clock clock) {
        return new AlertPublisher(producer, service, clock);
    }
}
