package io.esteira.quality.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.QualityResult;
import io.esteira.contracts.QualityResult.Status;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.quality.check.CheckDefinition;
import io.esteira.quality.check.CheckKind;
import io.esteira.quality.check.CountThreshold;
import io.esteira.quality.check.Database;
import io.esteira.quality.check.RuleCheck;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A hung query on a real PostgreSQL is cancelled at the check's timeout and reported as error, not pass. */
class CheckTimeoutIT {

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("check_timeout");

    @Test
    void shouldReportACheckThatOutlivesItsTimeoutAsError() {
        CheckDefinition definition = new CheckDefinition(
                "rule-slow",
                CheckKind.RULE,
                "0 * * * * ?",
                ZoneId.of("UTC"),
                AlertEvent.Severity.critical,
                "sleeps, then finds no violation",
                Duration.ofSeconds(1));
        RuleCheck check = new RuleCheck(
                definition,
                Database.of("dw", dw.dataSource(), 10),
                "SELECT 1 AS violation FROM (SELECT pg_sleep(5)) s(slept) WHERE s.slept::text = 'never'",
                new CountThreshold(0, null),
                10);
        CheckRunnerTest harness = new CheckRunnerTest();

        QualityResult result = harness.runner(check, null, true).run("rule-slow");

        assertThat(result.status()).isEqualTo(Status.error);
        assertThat(result.message())
                .contains("rule-slow")
                .contains("timeout of PT1S")
                .contains("esteira.quality.checks.rule-slow.timeout");
    }
}
