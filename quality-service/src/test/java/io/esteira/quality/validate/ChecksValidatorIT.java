package io.esteira.quality.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.quality.check.Database;
import io.esteira.quality.scenario.Fixture;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A checks file validated as start-up would, against an OLTP and a DW migrated like production. */
class ChecksValidatorIT {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("validate_oltp");

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("validate_dw");

    private static ChecksValidator validator;

    @BeforeAll
    static void migrate() {
        Fixture.migrate(oltp.dataSource(), dw.dataSource());
        validator = new ChecksValidator(
                Database.of("oltp", oltp.dataSource(), 10),
                Database.of("dw", dw.dataSource(), 10),
                EntityCatalog.reference(),
                Fixture.ZONE);
    }

    @Test
    void shouldAcceptAFileThatAmendsAndAddsToTheShippedChecks() throws URISyntaxException {
        ValidationReport report = validator.validate(file("validate-good.yml"));

        assertThat(report.problems()).isEmpty();
        assertThat(report.valid()).isTrue();
        int shippedEnabled = Fixture.shippedChecks().size();
        assertThat(report.checks()).isEqualTo(shippedEnabled); // one switched off, one added
    }

    @Test
    void shouldNameTheCheckAndTheFieldOfEveryMistake() throws URISyntaxException {
        ValidationReport report = validator.validate(file("validate-bad.yml"));

        assertThat(report.valid()).isFalse();
        assertThat(report.problems())
                .hasSize(7)
                .anySatisfy(p -> assertThat(p)
                        .startsWith("Check 'orphans-typo' (esteira.quality.checks.orphans-typo): kind 'orphan' is"
                                + " unknown"))
                .anySatisfy(p -> assertThat(p)
                        .startsWith("Check 'rule-bad-cron'")
                        .contains("schedule '0 */15 * * *' is not a Quartz cron expression"))
                .anySatisfy(p ->
                        assertThat(p).startsWith("Check 'not-null-no-table'").contains("table is not set"))
                .anySatisfy(p -> assertThat(p).startsWith("Check 'rule-typo'").contains("unknown field shedule"))
                .anySatisfy(p -> assertThat(p)
                        .startsWith("Check 'rule-bad-sql'")
                        .contains("its SQL does not prepare on the dw database")
                        .contains("quantidad"))
                .anySatisfy(p -> assertThat(p)
                        .startsWith("Check 'rule-bad-timeout'")
                        .contains("field timeout has a value that does not fit ('five minutes')"))
                .anySatisfy(p -> assertThat(p)
                        .startsWith("Check 'freshness'")
                        .contains("warn-after (PT3H) is longer than error-after (PT2H)"));
    }

    @Test
    void shouldRefuseAFileThatDoesNotExist() {
        assertThatThrownBy(() -> validator.validate(Path.of("no-such-checks.yml")))
                .hasMessage("Checks file no-such-checks.yml does not exist; give the path of a YAML file.");
    }

    private static Path file(String name) throws URISyntaxException {
        return Path.of(ChecksValidatorIT.class.getResource("/checks/" + name).toURI());
    }
}
