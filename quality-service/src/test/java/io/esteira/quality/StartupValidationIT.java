package io.esteira.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.quality.check.CheckConfigurationException;
import io.esteira.quality.run.CheckRegistry;
import io.esteira.quality.scenario.Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Start-up refuses a check that could not run, naming it; an operator's file amends the shipped checks. */
class StartupValidationIT {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("oltp");

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("dw");

    @RegisterExtension
    static final ArtemisBroker broker = new ArtemisBroker();

    @BeforeAll
    static void migrate() {
        Fixture.migrate(oltp.dataSource(), dw.dataSource());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "bad-kind.yml      | Check 'orphans-typo' (esteira.quality.checks.orphans-typo): kind 'orphan' is unknown",
                "bad-cron.yml      | Check 'rule-bad-cron' (esteira.quality.checks.rule-bad-cron): schedule '0 */15 * * *' is not a Quartz cron expression",
                "bad-sql.yml       | Check 'rule-bad-sql' (esteira.quality.checks.rule-bad-sql): its SQL does not prepare on the dw database: ERROR: syntax error",
                "missing-table.yml | Check 'orphans-fact-nada' (esteira.quality.checks.orphans-fact-nada): fact table fact.fact_nada does not exist in the dw database"
            })
    void shouldRefuseToStartWithACheckThatCannotRun(String file, String expected) {
        assertThatThrownBy(() -> start("classpath:checks/" + file, "target/no-such-file.yml")
                        .close())
                .hasRootCauseInstanceOf(CheckConfigurationException.class)
                .rootCause()
                .hasMessageStartingWith(expected);
    }

    @Test
    void shouldRefuseAMisspeltFieldNamingIt() {
        assertThatThrownBy(() -> start("classpath:checks/unknown-field.yml", "target/no-such-file.yml")
                        .close())
                .hasStackTraceContaining("esteira.quality.checks.rule-typo.shedule");
    }

    @Test
    void shouldLetAnOperatorsFileSwitchOffChangeAndAddChecks(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("quality-checks.yml");
        Files.writeString(
                file,
                """
                esteira:
                  quality:
                    checks:
                      kpi-smoke-diario:
                        enabled: false
                      rule-status-aceito:
                        schedule: "0 0 6 * * ?"
                      rule-sem-cliente:
                        kind: rule
                        schedule: "0 0 7 * * ?"
                        sql: SELECT pedido_id FROM fact.fact_descontos WHERE cliente_sk IS NULL
                """);

        try (ConfigurableApplicationContext context = start("classpath:quality-checks.yml", file.toString())) {
            CheckRegistry checks = context.getBean(CheckRegistry.class);

            assertThat(checks.find("kpi-smoke-diario")).isEmpty();
            assertThat(checks.find("rule-status-aceito"))
                    .hasValueSatisfying(
                            c -> assertThat(c.definition().schedule()).isEqualTo("0 0 6 * * ?"));
            assertThat(checks.find("rule-sem-cliente")).isPresent();
            assertThat(checks.find("orphans-fact-vendas")).isPresent();
        }
    }

    @Test
    void shouldStartWithAMirrorEntityWithoutChangeTimeDeclaredInTheCatalogAlone(@TempDir Path directory)
            throws IOException {
        new JdbcTemplate(oltp.dataSource())
                .execute("CREATE TABLE IF NOT EXISTS core.ledger_entries (entry_id bigint PRIMARY KEY,"
                        + " amount numeric(12,2), row_version xid8 NOT NULL DEFAULT pg_current_xact_id())");
        Path catalog = directory.resolve("entities.yml");
        Files.writeString(
                catalog,
                """
                entities:
                  ledger_entries:
                    table: core.ledger_entries
                    key: entry_id
                    columns: [amount]
                    mirror: true
                """);

        try (ConfigurableApplicationContext context =
                QualityService.startWithCatalog(oltp, dw, broker, catalog.toString())) {
            CheckRegistry checks = context.getBean(CheckRegistry.class);

            assertThat(checks.find("freshness"))
                    .hasValueSatisfying(c -> assertThat(c.entities()).contains("orders", "ledger_entries"));
            assertThat(checks.find("volume-entities"))
                    .hasValueSatisfying(c -> assertThat(c.entities()).contains("orders", "ledger_entries"));
        }
    }

    private static ConfigurableApplicationContext start(String defaultChecks, String checksFile) {
        return QualityService.start(oltp, dw, broker, defaultChecks, checksFile);
    }
}
