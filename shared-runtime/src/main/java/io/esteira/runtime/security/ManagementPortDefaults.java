package io.esteira.runtime.security;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts the actuator on its own port: {@code management.server.port} defaults to {@code server.port} +
 * {@code esteira.management.port-offset} (1000), so the services' 8081…8084 get 9081…9084, which only the
 * cluster's monitoring needs to reach. An explicit {@code management.server.port} (environment {@code
 * MANAGEMENT_SERVER_PORT}) wins; a random or absent server port ({@code 0}, tests) leaves the actuator on
 * the server port.
 *
 * <p>Runs right after {@code application.yml} is read, so it sees the service's own port.
 */
public class ManagementPortDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "esteira-management-port";
    static final String MANAGEMENT_PORT = "management.server.port";
    static final String OFFSET = "esteira.management.port-offset";
    static final int DEFAULT_OFFSET = 1000;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(MANAGEMENT_PORT)) {
            return;
        }
        Integer serverPort = environment.getProperty("server.port", Integer.class);
        if (serverPort == null || serverPort <= 0) {
            return;
        }
        int managementPort = serverPort + environment.getProperty(OFFSET, Integer.class, DEFAULT_OFFSET);
        if (managementPort > 65_535) {
            throw new IllegalStateException("server.port " + serverPort + " plus " + OFFSET
                    + " exceeds 65535; set management.server.port (MANAGEMENT_SERVER_PORT) explicitly.");
        }
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(SOURCE, Map.of(MANAGEMENT_PORT, managementPort)));
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
