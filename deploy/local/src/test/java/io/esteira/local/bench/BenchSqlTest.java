package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
