package io.esteira.loader.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.loader.schema.DataDictionary.Column;
import io.esteira.loader.schema.DataDictionary.Kind;
import io.esteira.loader.schema.DataDictionary.Relation;
import io.esteira.loader.schema.DataDictionary.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataDictionaryTest {

    private final DataDictionary dictionary = new DataDictionary(List.of(
            new Schema(
                    "dim",
                    "Dimensions.",
                    List.of(new Relation(
                            "dim",
                            "dim_x",
                            Kind.TABLE,
                            "A table\nover two lines.",
                            List.of(
                                    new Column("x_sk", "bigint", false, "Key | surrogate."),
                                    new Column("nome", "character varying(100)", true, null))))),
            new Schema(
                    "mart",
                    null,
                    List.of(new Relation(
                            "mart", "v", Kind.VIEW, " ", List.of(new Column("a", "integer", true, "A.")))))));

    @Test
    void shouldNameEveryObjectWithoutAComment() {
        assertThat(dictionary.uncommented()).containsExactly("column dim.dim_x.nome", "schema mart", "view mart.v");
    }

    @Test
    void shouldRenderATablePerRelationWithEscapedCells() {
        String markdown = dictionary.toMarkdown();

        assertThat(markdown)
                .contains(DataDictionary.REGENERATE_COMMAND)
                .contains("| `dim` | `dim_x` |\n")
                .contains("\n### `dim.dim_x` (table)\n\nA table over two lines.\n\n")
                .contains("| `x_sk` | bigint | no | Key \\| surrogate. |\n")
                .contains("| `nome` | character varying(100) | yes | _(no comment)_ |\n")
                .contains("\n### `mart.v` (view)\n");
    }
}
