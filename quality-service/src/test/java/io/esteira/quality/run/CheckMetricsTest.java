package io.esteira.quality.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.quality.check.CheckKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class CheckMetricsTest {

    @Test
    void shouldKeepReportingACheckStatusOnceNothingElseHoldsTheMetrics() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new CheckMetrics(meters).register(new FakeCheck("orphans-vendas", CheckKind.ORPHANS));

        // A weakly held gauge reads NaN once its state is collected (this test failed so in CI, run 292c542).
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
        }

        assertThat(meters.get("esteira.quality.check.status")
                        .tag("check", "orphans-vendas")
                        .gauge()
                        .value())
                .isEqualTo(-1.0);
    }
}
