package io.esteira.extractor.listen;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.extractor.config.ExtractorProperties;
import io.esteira.extractor.route.ExtractionRoutes;
import io.esteira.runtime.config.EsteiraProperties;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the PostgreSQL change listener when the OLTP is PostgreSQL and listening is on. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(
        "${esteira.extractor.listen:true} and '${esteira.oltp.url:jdbc:postgresql:}'.startsWith('jdbc:postgresql:')")
public class ListenerConfiguration {

    @Bean
    PostgresChangeListener postgresChangeListener(
            EsteiraProperties esteira,
            ExtractorProperties properties,
            EntityCatalog catalog,
            ProducerTemplate producer) {
        var entities = catalog.loadOrder().stream()
                .filter(e -> properties.enabledInConfig(e.name()))
                .toList();
        return new PostgresChangeListener(
                esteira.oltp().url(),
                esteira.oltp().username(),
                esteira.oltp().password(),
                entities,
                entity -> producer.asyncSendBody(ExtractionRoutes.wakeUpUri(entity), null));
    }
}
