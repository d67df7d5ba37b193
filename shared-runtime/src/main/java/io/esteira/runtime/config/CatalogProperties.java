package io.esteira.runtime.config;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityCatalogFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the operator's entity catalog is ({@code esteira.catalog.file}, {@code ESTEIRA_CATALOG_FILE}): a
 * YAML file that amends the shipped {@code esteira/entities.yml} and adds entities to it
 * ({@link EntityCatalogFile}). Unset, {@value #DEFAULT_FILE} is read when it exists (where the Kubernetes
 * base and compose mount it), else the shipped catalog is used alone; set, the file must exist. Every
 * service of one installation reads the same file.
 *
 * @param file the operator's catalog file, or null for the default
 */
@ConfigurationProperties("esteira.catalog")
public record CatalogProperties(Path file) {

    /** The operator's file when {@code esteira.catalog.file} is unset, read only when it exists. */
    public static final String DEFAULT_FILE = "/etc/esteira/entities.yml";

    /** The configured catalog: the shipped file amended by the operator's. */
    public EntityCatalog catalog() {
        if (file != null) {
            return EntityCatalogFile.shippedWith(file);
        }
        Path fallback = Path.of(DEFAULT_FILE);
        return Files.isRegularFile(fallback) ? EntityCatalogFile.shippedWith(fallback) : EntityCatalogFile.shipped();
    }
}
