package io.esteira.oltp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamedQueriesTest {

    @Test
    void shouldSplitStatementsByNameAndDropCommentsAndSemicolons() {
        var statements = NamedQueries.parse(
                """
                -- header
                -- name: first
                SELECT 1
                -- a comment inside
                FROM t;

                -- name: second
                DELETE FROM t WHERE id = ?;
                """);

        assertThat(statements)
                .containsEntry("first", "SELECT 1\nFROM t")
                .containsEntry("second", "DELETE FROM t WHERE id = ?");
    }

    @Test
    void shouldRefuseARepeatedName() {
        assertThatThrownBy(() -> NamedQueries.parse("-- name: a\nSELECT 1;\n-- name: a\nSELECT 2;"))
                .hasMessageContaining("'a'");
    }

    @Test
    void shouldLoadTheWorkloadStatements() {
        NamedQueries queries = NamedQueries.load("io/esteira/oltp/workload.sql");

        assertThat(queries.get("pick-returnable-item")).contains("NOT EXISTS").doesNotEndWith(";");
        assertThat(queries.get("delete-order-returns")).startsWith("DELETE FROM core.returns");
    }
}
