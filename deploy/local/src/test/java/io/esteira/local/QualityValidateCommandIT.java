package io.esteira.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.oltp.OltpSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code esteira-local quality validate}, as a data team's CI would run it: {@code --file} for a checks file,
 * {@code --catalog} for an operator's entity catalog file against the OLTP it is meant for.
 */
class QualityValidateCommandIT {

    /** The OLTP of the catalog checks: the reference schema, plus the operator's tables each test creates. */
    @RegisterExtension
    static final PostgresDatabase source = new PostgresDatabase("validate_catalog");

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void migrateTheReferenceSchema() {
        OltpSchema.migrate(source.dataSource());
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
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
        String validOut = out.toString() + err;
        int invalid = run("quality", "validate", "--file", bad.toString());

        assertThat(valid).as(validOut).isZero();
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
    void shouldCheckAnOperatorsCatalogAgainstTheOltpAndNameEachRefusal() throws Exception {
        try (Connection connection = source.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE core.payments (payment_id bigint PRIMARY KEY, order_ref varchar(40),"
                    + " amount numeric(12,2), paid_at timestamp)");
            statement.execute("CREATE TABLE core.refunds (refund_id bigint PRIMARY KEY, payment_id bigint,"
                    + " amount numeric(12,2))");
        }
        assertThat(catalogCommand("source", "prepare", "--tables", "core.payments", "--apply"))
                .as(err.toString())
                .isZero();
        Path good = write(
                "entities.yml",
                """
                entities:
                  payments:
                    table: core.payments
                    key: payment_id
                    columns: [order_ref, amount, paid_at]
                    mirror: true
                """);
        Path bad = write(
                "wrong-entities.yml",
                """
                entities:
                  payments:
                    table: core.payments
                    key: payment_id
                    columns: [order_ref, amount_cents, paid_at]
                    mirror: true
                  refunds:
                    table: core.refunds
                    key: payment_id
                    columns: [amount]
                    mirror: true
                """);

        int valid = catalogCommand("quality", "validate", "--catalog", good.toString());
        String validOut = out.toString() + err;
        int invalid = catalogCommand("quality", "validate", "--catalog", bad.toString());

        assertThat(valid).as(validOut).isZero();
        assertThat(validOut).contains("entities.yml is valid against " + source.jdbcUrl(), "(12 enabled entities");
        assertThat(invalid).as(out.toString()).isEqualTo(1);
        assertThat(err.toString())
                .contains("quality validate: column core.payments.amount_cents (entity payments) does not exist; add"
                        + " it to the table, take it out of columns, or map amount_cents onto the table's column")
                .contains("quality validate: key column core.refunds.payment_id (entity refunds) is not unique on its"
                        + " own")
                .contains("quality validate: change-order column core.refunds.row_version (entity refunds) does not"
                        + " exist; the table needs an xid8 column")
                .contains("3 problem(s) in " + bad);
    }

    @Test
    void shouldRefuseACatalogThatIsNotACatalogBeforeReadingTheOltp() throws Exception {
        Path misspelt =
                write("misspelt.yml", "entities:\n  payments: {table: core.payments, key: payment_id, colums: [a]}\n");

        int code = catalogCommand("quality", "validate", "--catalog", misspelt.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("entity payments has unknown field 'colums'");
    }

    @Test
    void shouldExitTwoWhenTheFileToCheckIsMissing() {
        int checks = run(
                "quality", "validate", "--file", directory.resolve("none.yml").toString());
        String checksErr = err.toString();
        int catalog = catalogCommand(
                "quality",
                "validate",
                "--catalog",
                directory.resolve("no-entities.yml").toString());

        assertThat(checks).isEqualTo(2);
        assertThat(checksErr).contains("none.yml does not exist");
        assertThat(catalog).isEqualTo(2);
        assertThat(err.toString()).contains("no-entities.yml does not exist");
    }

    /** {@code args} on the test's OLTP. */
    private int catalogCommand(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", source.jdbcUrl(), "--username", source.username()));
        if (source.password() != null) {
            all.addAll(List.of("--password", source.password()));
        }
        return run(all.toArray(String[]::new));
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(directory.resolve(name), yaml);
    }
}
