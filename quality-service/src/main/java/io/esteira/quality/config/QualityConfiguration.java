package io.esteira.quality.config;

import com.zaxxer.hikari.HikariDataSource;
import io.esteira.contracts.Queues;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.quality.check.Check;
import io.esteira.quality.check.CheckFactory;
import io.esteira.quality.check.Database;
import io.esteira.quality.check.PendingSightings;
import io.esteira.quality.config.QualityProperties.CheckProperties;
import io.esteira.quality.config.QualityProperties.CheckRepair;
import io.esteira.quality.repair.HttpReplayClient;
import io.esteira.quality.repair.RepairService;
import io.esteira.quality.repair.ReplayClient;
import io.esteira.quality.repair.ReplayDrain;
import io.esteira.quality.run.AlertOutbox;
import io.esteira.quality.run.CheckAlerts;
import io.esteira.quality.run.CheckMetrics;
import io.esteira.quality.run.CheckRegistry;
import io.esteira.quality.run.CheckRunner;
import io.esteira.quality.run.ResultStore;
import io.esteira.runtime.alert.AlertPublisher;
import io.esteira.runtime.config.Endpoint;
import io.esteira.runtime.config.EsteiraProperties;
import io.esteira.runtime.config.TimeoutProperties;
import io.esteira.runtime.jdbc.DataSources;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * Builds the checks from {@code esteira.quality.checks} and everything that runs them. Start-up fails,
 * naming the check, when one cannot run (see {@link CheckFactory}).
 */
@Configuration(proxyBeanMethods = false)
public class QualityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(QualityConfiguration.class);

    /**
     * The databases the checks read: the OLTP with its (read-only) login, the DW with the read-only login
     * of {@code esteira.dw.reader} when one is set; and the DW with its writing login, for results and
     * alerts only.
     */
    @Bean
    QualityDatabases qualityDatabases(
            @Qualifier("oltp") DataSource oltp,
            @Qualifier("dw") DataSource dw,
            EsteiraProperties esteira,
            DwReaderProperties reader,
            QualityProperties properties,
            TimeoutProperties timeouts) {
        int sampleSize = properties.sampleSize();
        if (!reader.configured()) {
            LOG.warn("esteira.dw.reader.username is not set: the checks read the DW with the login of esteira.dw,"
                    + " which can write (in read-only transactions, which SQL Server does not enforce); set a"
                    + " login of role quality_reader (docs/runbook.md#quality-reader-login).");
            return new QualityDatabases(
                    Database.of("oltp", oltp, sampleSize), Database.of("dw", dw, sampleSize), dw, null);
        }
        HikariDataSource checks = DataSources.pooled(
                "esteira.dw.reader",
                new Endpoint(esteira.dw().url(), reader.username(), reader.password()),
                reader.maximumPoolSize(),
                true,
                timeouts);
        return new QualityDatabases(
                Database.of("oltp", oltp, sampleSize), Database.of("dw", checks, sampleSize), dw, checks);
    }

    @Bean
    CheckRegistry checkRegistry(
            QualityDatabases databases,
            QualityProperties properties,
            TimeoutProperties timeouts,
            EntityCatalog catalog,
            Clock clock) {
        CheckFactory factory = new CheckFactory(
                databases.oltp(),
                databases.dw(),
                catalog,
                properties.zone(),
                properties.sampleSize(),
                new PendingSightings(databases.dwWriter(), databases.dw().dialect()),
                clock);
        Map<String, Check> checks = factory.createAll(properties.checks());
        Map<String, CheckRepair> repairs = new HashMap<>();
        for (Map.Entry<String, CheckProperties> entry : properties.checks().entrySet()) {
            if (checks.containsKey(entry.getKey()) && entry.getValue().repair().enabled()) {
                repairs.put(entry.getKey(), entry.getValue().repair());
            }
        }
        CheckRegistry registry = new CheckRegistry(checks, repairs);
        registry.requireTimeoutsShorterThan(timeouts.databaseSocket());
        return registry;
    }

    @Bean
    ResultStore resultStore(QualityDatabases databases) {
        databases.dw().catalog().table("audit.dq_result", "results table");
        return new ResultStore(databases.dwWriter(), databases.dw().dialect());
    }

    /**
     * Sends {@code audit.alert_outbox} to {@code dw.alerts}: a send counts only when the broker confirmed
     * it (a persistent JMS send is synchronous on Artemis; a failed one is an exception here).
     */
    @Bean
    AlertOutbox alertOutbox(QualityDatabases databases, ProducerTemplate producer) {
        databases.dw().catalog().table("audit.alert_outbox", "alert outbox table");
        return new AlertOutbox(
                databases.dwWriter(),
                databases.dw().dialect(),
                json -> {
                    Exchange sent = producer.send(
                            "jms:queue:" + Queues.ALERTS + "?deliveryPersistent=true",
                            exchange -> exchange.getIn().setBody(json));
                    if (sent.getException() != null) {
                        throw sent.getException();
                    }
                },
                100);
    }

    @Bean
    CheckMetrics checkMetrics(MeterRegistry registry, CheckRegistry checks) {
        CheckMetrics metrics = new CheckMetrics(registry);
        checks.all().forEach(metrics::register);
        return metrics;
    }

    @Bean
    CheckAlerts checkAlerts(AlertPublisher publisher, CheckRegistry checks, ResultStore results) {
        CheckAlerts alerts = new CheckAlerts(publisher);
        alerts.restore(checks.all(), results.latest(), results.latestEntities());
        return alerts;
    }

    @Bean
    @ConditionalOnMissingBean
    ReplayClient replayClient(RestClient.Builder http, QualityProperties properties) {
        return new HttpReplayClient(http, properties.repair());
    }

    @Bean
    RepairService repairService(ReplayClient client, QualityDatabases databases, QualityProperties properties) {
        databases.dw().catalog().table("ctl.applied_batch", "applied-batch table");
        ReplayDrain drain = new ReplayDrain(
                databases.dw().dataSource(),
                databases.dw().dialect(),
                properties.repair().drainTimeout(),
                properties.repair().pollInterval(),
                duration -> Thread.sleep(duration.toMillis()));
        return new RepairService(client, drain);
    }

    @Bean
    CheckRunner checkRunner(
            CheckRegistry checks,
            ResultStore results,
            CheckMetrics metrics,
            CheckAlerts alerts,
            RepairService repairs,
            Clock clock) {
        return new CheckRunner(checks, results, metrics, alerts, repairs, clock);
    }

    /**
     * Starts the overdue clock of the checks that have not run yet once the service is ready: Camel's routes
     * and the Quartz scheduler that fires the checks have started by then, however long the start took.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> overdueClock(CheckRunner runner) {
        return event -> runner.schedulesStarted();
    }

    /**
     * The two databases the checks read, the DW's writing connection (results, alerts), and the checks'
     * own DW pool when there is one, closed with the context.
     */
    public record QualityDatabases(Database oltp, Database dw, DataSource dwWriter, HikariDataSource checksPool)
            implements AutoCloseable {

        @Override
        public void close() {
            if (checksPool != null) {
                checksPool.close();
            }
        }
    }
}
