package io.esteira.runtime.config;

import io.esteira.contracts.ContractCodec;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.runtime.alert.AlertPublisher;
import io.esteira.runtime.broker.BrokerConfiguration;
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
 * plain objects — the clock, the entity catalog, the contract codec and the alert publisher (whose
 * events carry {@code spring.application.name} as their source). A service that needs another one
 * declares its own bean.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@EnableConfigurationProperties(EsteiraProperties.class)
@Import(BrokerConfiguration.class)
public class RuntimeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EntityCatalog entityCatalog() {
        return EntityCatalog.reference();
    }

    @Bean
    @ConditionalOnMissingBean
    ContractCodec contractCodec() {
        return ContractCodec.standard();
    }

    @Bean
    @ConditionalOnMissingBean
    AlertPublisher alertPublisher(
            ProducerTemplate producer, @Value("${spring.application.name:esteira}") String service, Clock clock) {
        return new AlertPublisher(producer, service, clock);
    }
}
