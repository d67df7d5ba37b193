package io.esteira.quality.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.AlertEvent;
import io.esteira.quality.check.Check;
import io.esteira.quality.check.CheckDefinition;
import io.esteira.quality.check.CheckKind;
import io.esteira.quality.check.Evaluation;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CheckRoutesTest {

    @Test
    void shouldScheduleTheCheckOnItsCronInTheBusinessZone() {
        Check check = new Check() {
            @Override
            public CheckDefinition definition() {
                return new CheckDefinition(
                        "kpi-smoke-diario",
                        CheckKind.KPI_SMOKE,
                        "0 30 8 * * ?",
                        ZoneId.of("America/Sao_Paulo"),
                        AlertEvent.Severity.critical,
                        null);
            }

            @Override
            public Evaluation evaluate() {
                throw new UnsupportedOperationException();
            }
        };

        assertThat(CheckRoutes.uri(check))
                .isEqualTo("quartz:esteira-quality/kpi-smoke-diario?cron=0+30+8+*+*+?"
                        + "&trigger.timeZone=RAW(America/Sao_Paulo)&stateful=true");
        assertThat(CheckRoutes.routeId("kpi-smoke-diario")).isEqualTo("check-kpi-smoke-diario");
    }
}
