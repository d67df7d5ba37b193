package io.esteira.loader.config;

import io.esteira.contracts.ContractCodec;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.dialect.SqlDialect;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.loader.apply.BatchApplier;
import io.esteira.loader.apply.BatchHandler;
import io.esteira.loader.apply.Deriver;
import io.esteira.loader.apply.LoaderMetrics;
import io.esteira.loader.apply.WarehouseOutage;
import io.esteira.loader.dlq.DeadLetters;
import io.esteira.loader.dlq.DlqService;
import io.esteira.runtime.alert.AlertPublisher;
import io.esteira.runtime.config.EsteiraProperties;
import io.esteira.runtime.config.TimeoutProperties;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the loader's plain classes. */
@Configuration(proxyBeanMethods = false)
public class LoaderConfiguration {

    @Bean
    BatchApplier batchApplier(
            @Qualifier("dw") DataSource dw, EsteiraProperties esteira, EntityCatalog catalog, Clock clock) {
        Vendor vendor = SqlDialect.vendorOf(esteira.dw().url());
        return new BatchApplier(dw, () -> vendor, catalog, clock);
    }

    @Bean
    Deriver deriver(
            BatchApplier applier,
            LoaderProperties properties,
            LoaderMetrics metrics,
            AlertPublisher alerts,
            Clock clock) {
        return new Deriver(
                applier, properties.deriveMaxKeys(), properties.deriveVacuumAfterKeys(), metrics, alerts, clock);
    }

    @Bean
    DeadLetters deadLetters(ProducerTemplate producer, Clock clock) {
        return new DeadLetters(producer, clock);
    }

    @Bean
    LoaderMetrics loaderMetrics(MeterRegistry registry, Clock clock) {
        return new LoaderMetrics(registry, clock);
    }

    @Bean
    BatchHandler batchHandler(
            ContractCodec codec,
            BatchApplier applier,
            DeadLetters deadLetters,
            AlertPublisher alerts,
            LoaderMetrics metrics,
            @Qualifier("dw") DataSource dw,
            LoaderProperties properties,
            Clock clock) {
        return new BatchHandler(
                codec,
                applier,
                deadLetters,
                alerts,
                metrics,
                new WarehouseOutage(dw, properties.outageWait(), clock),
                properties.maxAttempts(),
                clock);
    }

    @Bean
    DlqService dlqService(ConnectionFactory connectionFactory, EntityCatalog catalog, TimeoutProperties timeouts) {
        // A DLQ listing waits for the broker's next message as long as any blocking broker call may take.
        return new DlqService(connectionFactory, catalog, timeouts.brokerCall());
    }
}
