package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

    @Test
    void shouldReadKilobytesFromAStatusLine() {
        assertThat(ProcessMemory.parseKb("   123456 kB")).hasValue(123456);
        assertThat(ProcessMemory.parseKb(" n/a")).isEmpty();
    }

    @Test
    void shouldReportAPeakAtLeastAsLargeAsTheCurrentResidentSetOfThisJvm() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs Linux /proc");

        long pid = ProcessHandle.current().pid();
        long current = ProcessMemory.currentKb(pid).orElseThrow();

        assertThat(ProcessMemory.peakKb(pid).orElseThrow())
                .isGreaterThanOrEqualTo(current)
                .isPositive();
    }

    @Test
    void shouldReportNothingForAProcessThatDoesNotExist() {
        assertThat(ProcessMemory.peakKb(Long.MAX_VALUE)).isEmpty();
    }
}
