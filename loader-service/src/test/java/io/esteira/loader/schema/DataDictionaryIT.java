package io.esteira.loader.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.esteira.embedded.junit.PostgresDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keeps {@code docs/data-dictionary.md} equal to the descriptions of a migrated PostgreSQL warehouse. With
 * {@code -Ddictionary.write=true} it rewrites the file instead of failing:
 *
 * <pre>{@value DataDictionary#REGENERATE_COMMAND}</pre>
 */
class DataDictionaryIT {

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("dw_dictionary");

    private static DataDictionary dictionary;

    @BeforeAll
    static void migrate() {
        DwSchema.migrate(dw.dataSource());
        dictionary = DataDictionary.read(dw.dataSource());
    }

    @Test
    void shouldFindACommentOnEverySchemaTableViewAndColumn() {
        assertThat(dictionary.uncommented())
                .as("objects without a comment: describe them in " + DwSchema.DESCRIPTIONS)
                .isEmpty();
    }

    @Test
    void shouldListEveryTableAndViewOfTheContract() {
        List<String> documented = dictionary.schemas().stream()
                .flatMap(schema -> schema.relations().stream())
                .map(DataDictionary.Relation::qualifiedName)
                .toList();

        List<String> contract = new ArrayList<>(WarehouseContract.TABLES);
        contract.remove(DataDictionary.FLYWAY_HISTORY);
        contract.addAll(WarehouseContract.VIEWS);
        assertThat(documented).containsAll(contract);
    }

    @Test
    void shouldMatchTheCommittedDataDictionary() throws IOException {
        Path file = dictionaryFile();
        String rendered = dictionary.toMarkdown();
        if (Boolean.getBoolean("dictionary.write")) {
            Files.writeString(file, rendered, StandardCharsets.UTF_8);
        }

        String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (!committed.replace("\r\n", "\n").equals(rendered)) {
            fail(file + " differs from the warehouse migrations (first difference at line "
                    + firstDifference(committed, rendered)
                    + "); regenerate it with: " + DataDictionary.REGENERATE_COMMAND);
        }
    }

    /** {@code docs/} of the repository: failsafe runs in the module directory. */
    private static Path dictionaryFile() {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        return module.resolveSibling("docs").resolve("data-dictionary.md");
    }

    private static int firstDifference(String committed, String rendered) {
        String[] a = committed.split("\n", -1);
        String[] b = rendered.split("\n", -1);
        int line = 0;
        while (line < a.length && line < b.length && a[line].equals(b[line])) {
            line++;
        }
        return line + 1;
    }
}
