package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void shouldGiveWhatEachGroupUsedBetweenTwoSnapshotsAndLeaveOutGroupsMissingFromEither() {
        ProcessCpu.Snapshot before = new ProcessCpu.Snapshot(
                Map.of("loader-service", Duration.ofSeconds(10), "DW PostgreSQL", Duration.ofSeconds(3)));
        ProcessCpu.Snapshot after = new ProcessCpu.Snapshot(Map.of(
                "loader-service", Duration.ofSeconds(25),
                "DW PostgreSQL", Duration.ofSeconds(2), // backends that ended took their time with them
                "extractor-service", Duration.ofSeconds(4)));

        assertThat(after.since(before)).containsExactly(Map.entry("loader-service", Duration.ofSeconds(15)));
    }

    @Test
    void shouldReadTheCpuTimeOfThisJvmAndOfNoProcessThatIsGone() {
        assertThat(ProcessCpu.take(Map.of(), Map.of()).cpu()).containsKey("bench JVM (broker, probes)");
        assertThat(ProcessCpu.of(Long.MAX_VALUE)).isEmpty();
    }
}
