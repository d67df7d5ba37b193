package io.esteira.validation;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The settings each service reads from its environment (the {@code @ConfigurationProperties} records
 * of shared-runtime and the services), and Spring Boot's own relaxed binding to tell which property an
 * environment variable sets: {@code ESTEIRA_QUALITY_REPAIR_EXTRACTORURL} sets {@code
 * esteira.quality.repair.extractor-url}, {@code ESTEIRA_QUALITY_REPAIR_EXTRACTOR_URL} sets nothing.
 */
final class ServiceProperties {

    private static final Set<String> SHARED = Set.of(
            "server.port",
            "management.server.port",
            "spring.config.additional-location",
            "esteira.oltp.url",
            "esteira.oltp.username",
            "esteira.oltp.password",
            "esteira.dw.url",
            "esteira.dw.username",
            "esteira.dw.password",
            "esteira.broker.url",
            "esteira.broker.username",
            "esteira.broker.password",
            "esteira.security.username",
            "esteira.security.password",
            "esteira.timeouts.database-connect",
            "esteira.timeouts.database-socket",
            "esteira.timeouts.broker-call",
            "esteira.timeouts.broker-connection-ttl",
            "esteira.timeouts.broker-failure-check",
            "esteira.catalog.file");

    /** Service name to the properties it binds beyond the shared ones (its config package). */
    static final Map<String, Set<String>> OWN = Map.of(
            "extractor-service",
                    Set.of("esteira.extractor.clustered", "esteira.extractor.listen", "esteira.extractor.interval"),
            "loader-service", Set.of(),
            "quality-service",
                    Set.of(
                            "esteira.quality.repair.extractor-url",
                            "esteira.quality.repair.username",
                            "esteira.quality.repair.password",
                            "esteira.dw.reader.username",
                            "esteira.dw.reader.password"),
            "alerting-service", Set.of("esteira.alerting.api.username", "esteira.alerting.api.password"));

    private ServiceProperties() {}

    /** The known property that {@code variable} sets in {@code service}, or null when it sets none. */
    static String propertyOf(String service, String variable) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource("compose", Map.of(variable, "value-of-" + variable)));
        ConfigurationPropertySources.attach(environment);
        for (String property : known(service)) {
            if (("value-of-" + variable).equals(environment.getProperty(property))) {
                return property;
            }
        }
        return null;
    }

    static Set<String> known(String service) {
        Set<String> known = new java.util.TreeSet<>(SHARED);
        known.addAll(OWN.getOrDefault(service, Set.of()));
        return known;
    }
}
