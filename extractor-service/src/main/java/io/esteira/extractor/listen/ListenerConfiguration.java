package io.esteira.extractor.listen;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.extractor.config.ExtractorProperties;
import io.esteira.extractor.route.ExtractionRoutes;
import io.esteira.runtime.config.EsteiraProperties;
import java.util.function.Consumer;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the PostgreSQL change listener when the OLTP is PostgreSQL and listening is on. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(
        "${esteira.extractor.listen:true} and '${esteira.oltp.url:jdbc:postgresql:}'.startsWith('jdbc:postgresql:')")
public class ListenerConfiguration {

    /**
     * A notification runs the entity's extraction at once. With the clustered job store it fires the
     * entity's Quartz job instead, so that even a wake-up never runs an entity on two replicas at once.
     */
    @Bean
    PostgresChangeListener postgresChangeListener(
            EsteiraProperties esteira,
            ExtractorProperties properties,
            EntityCatalog catalog,
            ProducerTemplate producer,
            QuartzComponent quartz) {
        var entities = catalog.loadOrder().stream()
                .filter(e -> properties.enabledInConfig(e.name()))
                .toList();
        return new PostgresChangeListener(
                esteira.oltp().url(),
                esteira.oltp().username(),
                esteira.oltp().password(),
                entities,
                properties.wakeUpDelay(),
                onceStarted(
                        producer,
                        properties.clustered()
                                ? entity -> triggerJob(quartz, entity)
                                : entity -> producer.asyncSendBody(ExtractionRoutes.wakeUpUri(entity), null)));
    }

    /**
     * Passes a wake-up on only once Camel has started. The listener starts before Camel does and wakes every
     * entity as soon as it listens; a send into a context still starting would race its initialisation (it
     * resolves the endpoint into the registry being built), and the entity's Quartz job may not be scheduled
     * yet. The first Quartz fire extracts what such an early wake-up would have.
     */
    private static Consumer<String> onceStarted(ProducerTemplate producer, Consumer<String> wakeUp) {
        return entity -> {
            if (producer.getCamelContext().isStarted()) {
                wakeUp.accept(entity);
            }
        };
    }

    private static void triggerJob(QuartzComponent quartz, String entity) {
        try {
            quartz.getScheduler().triggerJob(JobKey.jobKey(entity, ExtractionRoutes.QUARTZ_GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot fire the extraction job of " + entity + ": " + e.getMessage(), e);
        }
    }
}
