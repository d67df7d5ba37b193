package io.esteira.loader.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.schema.Descriptions;
import io.esteira.contracts.schema.SchemaPlaceholders;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** The service's spring.flyway.* and {@link DwSchema} must migrate the same way; every vendor ships every version. */
class DwSchemaTest {

    @Test
    void shouldConfigureSpringFlywayAsDwSchemaDoes() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();

        assertThat(properties.getProperty("spring.flyway.locations")).isEqualTo(DwSchema.LOCATIONS);
        assertThat(properties.getProperty("spring.flyway.schemas")).isEqualTo(DwSchema.HISTORY_SCHEMA);
        assertThat(properties.getProperty("spring.flyway.table")).isEqualTo(DwSchema.HISTORY_TABLE);
        assertThat(properties.get("spring.flyway.validate-migration-naming")).isEqualTo(true);
        assertThat(properties.getProperty("spring.flyway.placeholders." + CalendarRange.FROM_PLACEHOLDER))
                .isEqualTo("${" + CalendarRange.FROM_PROPERTY + ":" + CalendarRange.DEFAULT.from() + "}");
        assertThat(properties.getProperty("spring.flyway.placeholders." + CalendarRange.TO_PLACEHOLDER))
                .isEqualTo("${" + CalendarRange.TO_PROPERTY + ":" + CalendarRange.DEFAULT.to() + "}");
    }

    @Test
    void shouldShipTheSameMigrationsForBothVendors() {
        List<String> postgresql = Migrations.of("postgresql");

        assertThat(postgresql).contains("V1__schemas.sql", "V8__bi_reader.sql");
        assertThat(Migrations.of("sqlserver"))
                .as("db/dw/sqlserver follows db/dw/postgresql, the reference")
                .isEqualTo(postgresql);
    }

    @Test
    void shouldRenderEveryPlaceholderOfTheCommonMigrationsForBothVendors() {
        assertThat(SchemaPlaceholders.of("sqlserver").keySet())
                .isEqualTo(SchemaPlaceholders.of("postgresql").keySet())
                .contains("varchar", "text", "bool", "timestamp", "identity", "go");
        assertThat(Migrations.of("common")).contains("V2__dimensions.sql", "V7__mart_views.sql");
    }

    @Test
    void shouldReadTheWarehouseDescriptions() {
        assertThat(Descriptions.load(DwSchema.DESCRIPTIONS).objects())
                .contains("schema dim", "table dim.dim_data", "view mart.vendas", "column stg.incoming_regions.applies")
                .doesNotHaveDuplicates();
    }
}
