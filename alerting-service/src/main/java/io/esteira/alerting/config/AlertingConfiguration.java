package io.esteira.alerting.config;

import io.esteira.alerting.delivery.AlertLog;
import io.esteira.alerting.delivery.PolicyDnsResolver;
import io.esteira.alerting.delivery.SmtpSession;
import io.esteira.alerting.delivery.WebhookTargetPolicy;
import io.esteira.alerting.dispatch.DispatchStore;
import io.esteira.alerting.dispatch.Dispatcher;
import io.esteira.alerting.intake.AlertEventCodec;
import io.esteira.alerting.intake.AlertIntake;
import io.esteira.alerting.metrics.AlertingMetrics;
import io.esteira.alerting.route.AlertIntakeRoute;
import io.esteira.alerting.route.DeadLetters;
import io.esteira.alerting.route.DeliveryAttempts;
import io.esteira.alerting.route.DeliveryRoutes;
import io.esteira.alerting.silence.SilenceStore;
import io.esteira.contracts.ContractCodec;
import io.esteira.runtime.config.TrainingRun;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain domain classes and the Camel routes of the alerting service. */
@Configuration(proxyBeanMethods = false)
public class AlertingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AlertingConfiguration.class);

    @Bean
    WebhookTargetPolicy webhookTargetPolicy(AlertingProperties properties) {
        return WebhookTargetPolicy.system(
                properties.webhook().allowedHosts(), properties.webhook().allowedSchemes());
    }

    @Bean
    AlertingSetup alertingSetup(AlertingProperties properties, WebhookTargetPolicy webhookTargetPolicy) {
        AlertingSetup setup = AlertingConfigValidator.validate(properties, webhookTargetPolicy);
        if (!properties.api().configured()) {
            log.warn("esteira.alerting.api.username/password are not set: POST /api/alerts and /api/silences refuse"
                    + " every request until they are");
        }
        return setup;
    }

    @Bean
    DispatchStore dispatchStore(DataSource dataSource) {
        DispatchStore store = new DispatchStore(dataSource);
        if (!TrainingRun.active()) {
            store.verifyTables();
        }
        return store;
    }

    @Bean
    SilenceStore silenceStore(DataSource dataSource, Clock clock) {
        return new SilenceStore(dataSource, clock, Duration.ofDays(5));
    }

    @Bean
    Dispatcher dispatcher(
            AlertingSetup setup,
            SilenceStore silences,
            Clock clock,
            DispatchStore store,
            AlertingProperties properties) {
        return new Dispatcher(
                setup.root(),
                setup.fallbackRoute().stream().toList(),
                setup::sendResolved,
                silences,
                setup.inhibitRules(),
                clock,
                store,
                properties.delivery().inFlightTimeout());
    }

    @Bean
    AlertLog alertLog(DataSource dataSource, Clock clock) {
        AlertLog alertLog = new AlertLog(dataSource, clock);
        if (!TrainingRun.active()) {
            alertLog.verifyTable();
        }
        return alertLog;
    }

    @Bean
    AlertingMetrics alertingMetrics(MeterRegistry registry, Dispatcher dispatcher, SilenceStore silences) {
        AlertingMetrics metrics = new AlertingMetrics(registry);
        metrics.gauges(dispatcher::pendingGroups, silences::activeCount);
        return metrics;
    }

    @Bean
    AlertEventCodec alertEventCodec() {
        return new AlertEventCodec(ContractCodec.standard());
    }

    @Bean
    AlertIntake alertIntake(Dispatcher dispatcher, AlertLog alertLog, AlertingMetrics metrics) {
        return new AlertIntake(dispatcher, alertLog, metrics);
    }

    @Bean
    DeliveryAttempts deliveryAttempts(AlertLog alertLog, AlertingMetrics metrics) {
        return new DeliveryAttempts(alertLog, metrics);
    }

    @Bean
    DeadLetters deadLetters(DeliveryAttempts attempts, Dispatcher dispatcher, AlertingSetup setup, Clock clock) {
        return new DeadLetters(attempts, dispatcher, setup.fallbackRoute(), clock);
    }

    @Bean
    AlertIntakeRoute alertIntakeRoute(AlertEventCodec codec, AlertIntake intake, AlertingProperties properties) {
        return new AlertIntakeRoute(codec, intake, properties.intakeConsumers());
    }

    @Bean
    DeliveryRoutes deliveryRoutes(
            AlertingProperties properties,
            AlertingSetup setup,
            Dispatcher dispatcher,
            DeliveryAttempts attempts,
            DeadLetters deadLetters,
            WebhookTargetPolicy webhookTargetPolicy,
            Clock clock) {
        return new DeliveryRoutes(properties, setup, dispatcher, attempts, deadLetters, webhookTargetPolicy, clock);
    }

    /**
     * The Jakarta Mail properties of the email receivers ({@link SmtpSession}); the trust material of
     * {@code esteira.alerting.smtp.ssl-bundle} when one is named.
     */
    @Bean(SmtpSession.PROPERTIES_BEAN)
    Properties alertingSmtpProperties(AlertingProperties properties, ObjectProvider<SslBundles> sslBundles) {
        AlertingProperties.Smtp smtp = properties.smtp();
        SSLSocketFactory socketFactory = null;
        if (!smtp.sslBundle().isEmpty()) {
            SslBundles bundles = sslBundles.getIfAvailable();
            try {
                if (bundles == null) {
                    throw new NoSuchSslBundleException(smtp.sslBundle(), "no SSL bundles are configured");
                }
                socketFactory =
                        bundles.getBundle(smtp.sslBundle()).createSslContext().getSocketFactory();
            } catch (NoSuchSslBundleException e) {
                throw new InvalidAlertingConfigurationException(List.of("esteira.alerting.smtp.ssl-bundle '"
                        + smtp.sslBundle() + "' names no SSL bundle: define it under spring.ssl.bundle.pem."
                        + smtp.sslBundle() + " (or .jks.) or fix the name"));
            }
        }
        return SmtpSession.properties(smtp, socketFactory);
    }

    /**
     * Webhook timeouts, no redirects (a redirect could lead past the allow-list), and the allow-list's
     * resolver as the client's DNS, so that a connection goes to the addresses the policy checked.
     */
    @Bean
    CamelContextConfiguration webhookHttpClient(AlertingProperties properties, WebhookTargetPolicy policy) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                HttpComponent http = camelContext.getComponent("http", HttpComponent.class);
                long connect = properties.webhook().connectTimeout().toMillis();
                long response = properties.webhook().responseTimeout().toMillis();
                http.setClientConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new PolicyDnsResolver(policy))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofMilliseconds(connect))
                                .setSocketTimeout(Timeout.ofMilliseconds(response))
                                .build())
                        .build());
                http.setConnectTimeout(connect);
                http.setConnectionRequestTimeout(connect);
                http.setResponseTimeout(response);
                http.setSoTimeout(response);
                http.setFollowRedirects(false);
                http.setRedirectHandlingDisabled(true);
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {}
        };
    }
}
