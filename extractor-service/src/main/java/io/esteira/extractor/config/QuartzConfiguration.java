package io.esteira.extractor.config;

import io.esteira.runtime.config.EsteiraProperties;
import java.util.Properties;
import org.apache.camel.component.quartz.QuartzComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Quartz scheduler behind the {@code extract-*} routes. One thread per entity (plus slack), so a
 * long run of one entity never delays another. With {@code esteira.extractor.clustered=true} the job
 * store is Quartz's clustered JDBC store in the DW ({@code ctl.qrtz_*}): each entity's job runs on one
 * replica at a time, and another takes over when that one dies.
 */
@Configuration(proxyBeanMethods = false)
public class QuartzConfiguration {

    @Bean("quartz")
    QuartzComponent quartz(ExtractorProperties properties, EsteiraProperties esteira) {
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.scheduler.instanceName", "esteira-extractor");
        quartz.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        quartz.setProperty("org.quartz.threadPool.threadCount", "16");
        if (properties.clustered()) {
            quartz.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
            quartz.setProperty(
                    "org.quartz.jobStore.driverDelegateClass",
                    delegate(esteira.dw().url()));
            quartz.setProperty("org.quartz.jobStore.tablePrefix", "ctl.qrtz_");
            quartz.setProperty("org.quartz.jobStore.isClustered", "true");
            quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
            quartz.setProperty("org.quartz.jobStore.dataSource", "dw");
            quartz.setProperty("org.quartz.dataSource.dw.provider", "hikaricp");
            quartz.setProperty("org.quartz.dataSource.dw.URL", esteira.dw().url());
            quartz.setProperty("org.quartz.dataSource.dw.user", esteira.dw().username());
            quartz.setProperty("org.quartz.dataSource.dw.password", esteira.dw().password());
            quartz.setProperty("org.quartz.dataSource.dw.maxConnections", "4");
        } else {
            quartz.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        }
        QuartzComponent component = new QuartzComponent();
        component.setProperties(quartz);
        return component;
    }

    static String delegate(String dwUrl) {
        if (dwUrl.startsWith("jdbc:postgresql:")) {
            return "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate";
        }
        if (dwUrl.startsWith("jdbc:sqlserver:")) {
            return "org.quartz.impl.jdbcjobstore.MSSQLDelegate";
        }
        return "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
    }
}
