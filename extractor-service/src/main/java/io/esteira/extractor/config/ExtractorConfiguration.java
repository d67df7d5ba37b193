package io.esteira.extractor.config;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.extractor.capture.ChangeCapture;
import io.esteira.extractor.capture.EntityExtractor;
import io.esteira.extractor.capture.ExtractorMetrics;
import io.esteira.extractor.dialect.CaptureDialect;
import io.esteira.extractor.publish.BatchPublisher;
import io.esteira.extractor.replay.ReplayService;
import io.esteira.extractor.watermark.RunAudit;
import io.esteira.extractor.watermark.WatermarkStore;
import io.esteira.runtime.alert.AlertPublisher;
import io.esteira.runtime.config.EsteiraProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the extractor's plain classes. */
@Configuration(proxyBeanMethods = false)
public class ExtractorConfiguration {

    @Bean
    CaptureDialect captureDialect(EsteiraProperties esteira) {
        return CaptureDialect.forJdbcUrl(esteira.oltp().url());
    }

    @Bean
    ChangeCapture changeCapture(
            @Qualifier("oltp") DataSource oltp,
            CaptureDialect dialect,
            io.esteira.contracts.catalog.EntityCatalog catalog) {
        // 500 rows a round trip: a 5,000-row page arrives in ten, never held twice (ChangeCapture).
        return new ChangeCapture(oltp, dialect, 500, catalog::isMirror, catalog::carriesAllColumns);
    }

    @Bean
    WatermarkStore watermarkStore(@Qualifier("dw") DataSource dw, Clock clock) {
        return new WatermarkStore(dw, clock);
    }

    @Bean
    RunAudit runAudit(@Qualifier("dw") DataSource dw) {
        return new RunAudit(dw);
    }

    @Bean
    BatchPublisher batchPublisher(ProducerTemplate producer) {
        return new BatchPublisher(producer);
    }

    @Bean
    ExtractorMetrics extractorMetrics(MeterRegistry registry, Clock clock) {
        return new ExtractorMetrics(registry, clock);
    }

    @Bean
    EntityExtractor entityExtractor(
            ChangeCapture capture,
            BatchPublisher publisher,
            WatermarkStore watermarks,
            RunAudit audit,
            AlertPublisher alerts,
            ExtractorProperties properties,
            ExtractorMetrics metrics,
            Clock clock) {
        return new EntityExtractor(capture, publisher, watermarks, audit, alerts, properties, metrics, clock);
    }

    @Bean
    ReplayService replayService(EntityCatalog catalog, EntityExtractor extractor) {
        return new ReplayService(catalog, extractor);
    }
}
