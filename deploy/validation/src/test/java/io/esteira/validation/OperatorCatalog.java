package io.esteira.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.runtime.config.CatalogProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The operator's entity catalog file that compose and Kubernetes ship: read as a service reads it ({@link
 * CatalogProperties}, the shipped catalog amended by the file), it must start the services with the shipped
 * entities alone, and its commented example, once uncommented, must be a valid entry too.
 */
final class OperatorCatalog {

    /** The services that read the entity catalog, and so must see the operator's file. */
    static final Set<String> READERS = Set.of("extractor-service", "loader-service", "quality-service");

    /** The example entity the shipped files hold in comments. */
    private static final String EXAMPLE = "payments";

    private OperatorCatalog() {}

    /** Asserts that {@code text}, the file as deployed, and its uncommented example both read as a catalog. */
    static void assertValid(String origin, String text) {
        assertThat(read(text).loadOrder())
                .as("%s as shipped: the shipped entities alone", origin)
                .isEqualTo(EntityCatalog.reference().loadOrder());
        // Indented comment lines are the example entry: without their "# " they must be one valid entity.
        EntityCatalog example = read(text.replaceAll("(?m)^( +)# ", "$1"));
        assertThat(example.names())
                .as("%s with its example uncommented", origin)
                .containsAll(EntityCatalog.reference().names())
                .endsWith(EXAMPLE);
        assertThat(example.isMirror(EXAMPLE)).as("%s's example", origin).isTrue();
    }

    private static EntityCatalog read(String text) {
        try {
            Path file = Files.createTempFile("entities-", ".yml");
            try {
                Files.writeString(file, text);
                return new CatalogProperties(file).catalog();
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
