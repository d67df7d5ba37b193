package io.esteira.runtime.config;

import io.esteira.contracts.catalog.EntityCatalogException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a catalog file that cannot be used into its one-sentence reason and where to fix it. */
public class EntityCatalogFailureAnalyzer extends AbstractFailureAnalyzer<EntityCatalogException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EntityCatalogException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Fix the entity catalog file named by esteira.catalog.file (ESTEIRA_CATALOG_FILE, default "
                        + CatalogProperties.DEFAULT_FILE + "); docs/data-contract.md, \"The entity catalog\","
                        + " describes its fields.",
                cause);
    }
}
