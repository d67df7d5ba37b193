package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import org.junit.jupiter.api.Test;

class BenchSqlTest {

    @Test
    void shouldSplitStatementsByNameAndDropCommentsAndTheSemicolon() {
        var statements = BenchSql.parse(
                """
                -- header comment
                -- name: one
                -- what it does
                SELECT 1
                FROM t;

                -- name: two
                SELECT 2;
                """);

        assertThat(statements).containsOnlyKeys("one", "two");
        assertThat(statements.get("one")).isEqualTo("SELECT 1\nFROM t");
        assertThat(statements.get("two")).isEqualTo("SELECT 2");
    }

    @Test
    void shouldRefuseARepeatedName() {
        assertThatThrownBy(() -> BenchSql.parse("-- name: a\nSELECT 1;\n-- name: a\nSELECT 2;"))
                .hasMessageContaining("'a'");
    }

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
