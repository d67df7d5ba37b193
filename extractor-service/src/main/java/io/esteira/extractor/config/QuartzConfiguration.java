package io.esteira.extractor.config;

import io.esteira.contracts.dialect.SqlDialect;
import io.esteira.runtime.config.EsteiraProperties;
import java.util.Properties;
import org.apache.camel.component.quartz.QuartzComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Quartz scheduler behind the {@code extract-*} routes. One thread per entity (plus slack), so a
 * long run of one entity never delays another (the catalog has eleven). With {@code esteira.extractor.clustered=true} the job
 * store is Quartz's clustered JDBC store in the DW ({@code ctl.qrtz_*}): each entity's job runs on one
 * replica at a time, and another takes over when that one dies.
 */
@Configuration(proxyBeanMethods = false)
public class QuartzConfiguration {

    /** One worker per catalog entity, and one to spare. */
    static final int THREADS = 12;

    @Bean("quartz")
    QuartzComponent quartz(ExtractorProperties properties, EsteiraProperties esteira) {
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.scheduler.instanceName", "esteira-extractor");
        quartz.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        quartz.setProperty("org.quartz.threadPool.threadCount", Integer.toString(THREADS));
        if (properties.clustered()) {
            quartz.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
            quartz.setProperty(
                    "org.quartz.jobStore.driverDelegateClass",
                    delegate(esteira.dw().url()));
            quartz.setProperty("org.quartz.jobStore.tablePrefix", "ctl.qrtz_");
            quartz.setProperty("org.quartz.jobStore.isClustered", "true");
            quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval", "10000");
            // Acquire and fire triggers under the store's row lock, so two nodes never fire one job at once.
            quartz.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
            quartz.setProperty("org.quartz.jobStore.dataSource", "dw");
            quartz.setProperty("org.quartz.dataSource.dw.provider", "hikaricp");
            quartz.setProperty(
                    "org.quartz.dataSource.dw.driver", driver(esteira.dw().url()));
            quartz.setProperty("org.quartz.dataSource.dw.URL", esteira.dw().url());
            quartz.setProperty("org.quartz.dataSource.dw.user", esteira.dw().username());
            quartz.setProperty("org.quartz.dataSource.dw.password", esteira.dw().password());
            // Quartz needs a connection per busy worker plus its cluster manager and misfire handler.
            quartz.setProperty("org.quartz.dataSource.dw.maxConnections", Integer.toString(THREADS + 3));
        } else {
            quartz.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        }
        QuartzComponent component = new QuartzComponent();
        component.setProperties(quartz);
        // Camel would append the CamelContext's name (spring.application.name) to the scheduler's name, and
        // replicas with different names would then form separate clusters in the same tables.
        component.setPrefixInstanceName(!properties.clustered());
        return component;
    }

    static String driver(String dwUrl) {
        return switch (SqlDialect.vendorOf(dwUrl)) {
            case POSTGRESQL -> "org.postgresql.Driver";
            case SQLSERVER -> "com.microsoft.sqlserver.jdbc.SQLServerDriver";
        };
    }

    static String delegate(String dwUrl) {
        return switch (SqlDialect.vendorOf(dwUrl)) {
            case POSTGRESQL -> "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate";
            case SQLSERVER -> "org.quartz.impl.jdbcjobstore.MSSQLDelegate";
        };
    }
}
