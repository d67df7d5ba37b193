package io.esteira.contracts.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlResourcesTest {

    private static final SqlResources SHARED_ONLY = SqlResources.in("sqlresources/shared");
    private static final SqlResources SPECIAL_FIRST = SqlResources.in("sqlresources/special", "sqlresources/shared");

    @Test
    void shouldPreferTheFirstFolderThatHoldsTheResource() {
        assertThat(SPECIAL_FIRST.resource("pick").path()).isEqualTo("sqlresources/special/pick.sql");
        assertThat(SPECIAL_FIRST.resource("only-shared").path()).isEqualTo("sqlresources/shared/only-shared.sql");
    }

    @Test
    void shouldTellWhetherAFolderHoldsTheResource() {
        assertThat(SPECIAL_FIRST.has("only-shared")).isTrue();
        assertThat(SHARED_ONLY.has("pick")).isTrue();
        assertThat(SPECIAL_FIRST.has("absent")).isFalse();
    }

    @Test
    void shouldNameEveryPathLookedAtWhenTheResourceIsMissing() {
        assertThatThrownBy(() -> SPECIAL_FIRST.text("absent"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("absent.sql is missing")
                .hasMessageContaining("sqlresources/special/absent.sql and sqlresources/shared/absent.sql");
    }

    @Test
    void shouldFillPlaceholdersOfTheStatementAndDropItsCommentLines() {
        assertThat(SHARED_ONLY.statement("pick", Map.of("key", "\"id\"", "table", "\"core\".\"t\"")))
                .isEqualTo("SELECT \"id\"\nFROM \"core\".\"t\"\nWHERE \"id\" = :key;");
    }

    @Test
    void shouldKeepCommentsWhenRenderingTheWholeText() {
        assertThat(SHARED_ONLY.render("pick", Map.of("key", "k", "table", "t")))
                .startsWith("-- Reads one row of t (a comment may name a placeholder).\nSELECT k\n");
    }

    @Test
    void shouldNameTheResourceAndThePlaceholderThatHasNoValue() {
        assertThatThrownBy(() -> SHARED_ONLY.statement("pick", Map.of("table", "t")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sqlresources/shared/pick.sql needs {key}");
    }

    @Test
    void shouldPassATokensArgumentsToTheValues() {
        String sql = SPECIAL_FIRST.render(
                "pick", (name, arguments) -> "days_ago".equals(name) ? "now() - " + arguments : name.toUpperCase());

        assertThat(sql).contains("SELECT TOP 1 KEY FROM TABLE WHERE KEY = :key AND created > now() - 7;");
    }

    @Test
    void shouldReportATokenRefusingItsArgumentsWithTheResource() {
        assertThatThrownBy(() -> SPECIAL_FIRST.render("pick", (name, arguments) -> {
                    if (arguments != null) {
                        throw new IllegalArgumentException("{" + name + "} takes a column, not " + arguments);
                    }
                    return name;
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("SQL resource sqlresources/special/pick.sql: {days_ago} takes a column, not 7");
    }

    @Test
    void shouldLeaveBracesThatAreNoPlaceholderAlone() {
        assertThat(SqlResources.fill("SELECT '{}', '{1,2}', :x", "inline", (name, arguments) -> null))
                .isEqualTo("SELECT '{}', '{1,2}', :x");
    }

    @Test
    void shouldSplitNamedStatementsAndDropCommentsAndTheSemicolon() {
        SqlResources.Named queries = SHARED_ONLY.named("queries");

        assertThat(queries.all()).containsOnlyKeys("first", "second");
        assertThat(queries.get("first")).isEqualTo("SELECT 1\nFROM t");
        assertThat(queries.get("second")).isEqualTo("DELETE FROM t WHERE id = ?");
    }

    @Test
    void shouldJoinTheNamedStatementsOfSeveralResources() {
        assertThat(SHARED_ONLY.named("queries", "more-queries").all()).containsOnlyKeys("first", "second", "third");
    }

    @Test
    void shouldRefuseANameRepeatedAcrossResources() {
        assertThatThrownBy(() -> SHARED_ONLY.named("queries", "repeat-queries"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'first'")
                .hasMessageContaining("sqlresources/shared/repeat-queries.sql");
    }

    @Test
    void shouldRefuseANameRepeatedInOneResource() {
        assertThatThrownBy(() -> SqlResources.parseNamed("-- name: a\nSELECT 1;\n-- name: a\nSELECT 2;", "x.sql"))
                .hasMessageContaining("'a' in x.sql is empty or repeated");
    }

    @Test
    void shouldNameTheMissingStatementAndWhereItWasLookedFor() {
        assertThatThrownBy(() -> SHARED_ONLY.named("queries").get("third"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No statement 'third' in sqlresources/shared/queries.sql");
    }
}
