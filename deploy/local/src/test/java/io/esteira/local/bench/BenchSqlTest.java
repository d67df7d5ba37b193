package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import org.junit.jupiter.api.Test;

class BenchSqlTest {

    @Test
    void shouldHoldAContentQueryForEveryComparedTable() {
        for (String table : WarehouseContent.TABLES) {
            assertThat(BenchSql.get("content-" + table)).startsWith("SELECT");
        }
    }

    @Test
    void shouldHoldACopyOfEverySourceTableAndEveryBuildStepForTheReference() {
        for (EntityDefinition entity : EntityCatalog.reference().loadOrder()) {
            assertThat(BenchSql.get("reference-copy-out-" + entity.name()))
                    .startsWith("COPY (SELECT")
                    .contains("FROM " + entity.table() + ")");
            assertThat(BenchSql.get("reference-copy-in-" + entity.name()))
                    .isEqualTo("COPY ref_src." + entity.name() + " FROM STDIN (FORMAT binary)");
        }
        for (String step : ReferenceBuild.BUILD) {
            assertThat(BenchSql.get("reference-build-" + step)).startsWith("INSERT INTO");
        }
    }
}
