package io.esteira.quality.config;

import java.util.Properties;
import org.apache.camel.component.quartz.QuartzComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Quartz scheduler behind the {@code check-*} routes: an in-memory (RAM) job store, since every
 * replica may run the checks (they only read) and a missed run is simply the next one. The scheduler
 * has its own name so that it never shares state with another service's in the same JVM (the local
 * all-in-one stack).
 */
@Configuration(proxyBeanMethods = false)
public class QuartzConfiguration {

    @Bean("quartz")
    QuartzComponent quartz() {
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.scheduler.instanceName", "esteira-quality");
        quartz.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        quartz.setProperty("org.quartz.threadPool.threadCount", "4");
        quartz.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        QuartzComponent component = new QuartzComponent();
        component.setProperties(quartz);
        return component;
    }
}
