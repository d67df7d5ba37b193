package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class FreshnessProbeTest {

    @Test
    void shouldReportTheLatenciesSinceTheLastProgressLineApartFromThoseSoFar() {
        Histogram recent = new Histogram(3);
        for (int i = 1; i <= 99; i++) {
            recent.recordValue(40_000); // 40 ms
        }
        recent.recordValue(900_000); // one change at 900 ms: the window's p99 is at the 99th of 100

        assertThat(FreshnessProbe.describeRecent(recent)).isEqualTo("100 shown, p50 40 ms p99 40 ms");

        recent.recordValue(900_000);
        recent.recordValue(900_000);
        assertThat(FreshnessProbe.describeRecent(recent)).isEqualTo("102 shown, p50 40 ms p99 900 ms");
    }

    @Test
    void shouldSayNoneWasShownWhenNoChangeArrivedSinceTheLastLine() {
        assertThat(FreshnessProbe.describeRecent(new Histogram(3))).isEqualTo("none shown");
    }
}
