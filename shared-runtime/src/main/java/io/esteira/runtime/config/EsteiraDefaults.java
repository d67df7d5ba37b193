package io.esteira.runtime.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code esteira-defaults.properties} as the lowest-precedence property source, so every
 * service shares one set of defaults (the local stack) that anything else overrides.
 */
public class EsteiraDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "esteira-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source :
                    new PropertiesPropertySourceLoader().load("esteira-defaults", new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE + " from the classpath", e);
        }
    }
}
