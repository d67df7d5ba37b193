package io.esteira.loader.schema;

import io.esteira.contracts.schema.SchemaPlaceholders;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Start-up checks of the migration settings Spring Boot's Flyway reads from {@code spring.flyway.*}: the
 * calendar range must be two ISO dates in order, and the warehouse a database with migrations
 * (PostgreSQL or SQL Server), or the service stops before touching it. Adds the vendor's placeholders
 * ({@link SchemaPlaceholders}) that render the migrations of {@code db/dw/common}.
 */
@Configuration(proxyBeanMethods = false)
public class DwSchemaConfiguration {

    @Bean
    FlywayConfigurationCustomizer dwMigrationSettingsCheck() {
        return configuration -> {
            CalendarRange.fromPlaceholders(configuration.getPlaceholders());
            String vendor = DwSchema.vendor(configuration.getDataSource());
            configuration.placeholders(SchemaPlaceholders.with(configuration.getPlaceholders(), vendor));
        };
    }
}
