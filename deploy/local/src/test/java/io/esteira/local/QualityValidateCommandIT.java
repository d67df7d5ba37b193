package io.esteira.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code esteira-local quality validate --file X}, as a data team's CI would run it. */
class QualityValidateCommandIT {

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = EsteiraLocal.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void shouldExitZeroForAValidFileAndNonZeroNamingTheCheckAndFieldOtherwise() throws IOException {
        Path good = write(
                "good.yml",
                "esteira.quality.checks.unique-sku: { kind: unique, database: oltp, table: core.products,"
                        + " column: sku, schedule: \"0 0 * * * ?\" }\n");
        Path bad = write(
                "bad.yml",
                "esteira:\n  quality:\n    checks:\n"
                        + "      range-quantidade: { kind: range, table: fact.fact_vendas, column: quantidade,"
                        + " minimum: 1, schedule: \"0 0 * * * ?\" }\n"
                        + "      rule-sem-tabela: { kind: rule, schedule: \"0 0 * * * ?\","
                        + " sql: \"SELECT * FROM fact.fact_nada\" }\n");

        int valid = run("quality", "validate", "--file", good.toString());
        String validOut = out.toString();
        int invalid = run("quality", "validate", "--file", bad.toString());

        assertThat(valid).as(err.toString()).isZero();
        assertThat(validOut).contains("good.yml is valid (");
        assertThat(invalid).isEqualTo(1);
        assertThat(err.toString())
                .contains("quality validate: Check 'range-quantidade' (esteira.quality.checks.range-quantidade):"
                        + " unknown field minimum")
                .contains("quality validate: Check 'rule-sem-tabela' (esteira.quality.checks.rule-sem-tabela): its"
                        + " SQL does not prepare on the dw database")
                .contains("2 problem(s) in " + bad);
    }

    @Test
    void shouldExitTwoWhenTheFileIsMissing() {
        int code = run(
                "quality", "validate", "--file", directory.resolve("none.yml").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("none.yml does not exist");
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(directory.resolve(name), yaml);
    }
}
