package io.esteira.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityCatalogException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;

class CatalogPropertiesTest {

    private static CatalogProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("esteira.catalog", CatalogProperties.class);
    }

    @Test
    void shouldUseTheShippedCatalogWhenNoFileIsSetAndNoneIsMounted() {
        assumeThat(Path.of(CatalogProperties.DEFAULT_FILE)).doesNotExist();

        assertThat(bind(Map.of()).catalog().loadOrder())
                .isEqualTo(EntityCatalog.reference().loadOrder());
    }

    @Test
    void shouldAddTheEntitiesOfTheConfiguredFile(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("entities.yml");
        Files.writeString(
                file,
                """
                entities:
                  payments:
                    table: sales.payments
                    key: payment_id
                    columns: [order_id, amount]
                    references: {order_id: orders}
                """);

        EntityCatalog catalog =
                bind(Map.of("esteira.catalog.file", file.toString())).catalog();

        assertThat(catalog.names()).hasSize(12).endsWith("sales_targets", "payments");
    }

    @Test
    void shouldRefuseAConfiguredFileThatDoesNotExistAndSayWhatToFix(@TempDir Path directory) {
        CatalogProperties properties = bind(
                Map.of("esteira.catalog.file", directory.resolve("nope.yml").toString()));

        assertThatThrownBy(properties::catalog)
                .isInstanceOf(EntityCatalogException.class)
                .hasMessageContaining("nope.yml does not exist");
        EntityCatalogException failure = new EntityCatalogException("x.yml: entity a has unknown field 'b'; use c.");
        FailureAnalysis analysis = new EntityCatalogFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).isEqualTo(failure.getMessage());
        assertThat(analysis.getAction()).contains("esteira.catalog.file", "ESTEIRA_CATALOG_FILE");
    }
}
