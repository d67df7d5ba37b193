package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessesTest {

    @TempDir
    Path folder;

    @Test
    void shouldQuoteTheLastLinesOfTheLogOfAServiceThatStopped() throws IOException {
        Path log = folder.resolve("loader-service.log");
        Files.writeString(
                log,
                IntStream.rangeClosed(1, 30).mapToObj(n -> "line " + n).collect(Collectors.joining("\n"))
                        + "\nWeb server failed to start. Port 41234 was already in use.\n");

        String tail = ServiceProcesses.logTail(log, 3);

        assertThat(tail)
                .isEqualTo("  line 29\n  line 30\n  Web server failed to start. Port 41234 was already in use.");
    }

    @Test
    void shouldCutAVeryLongLogLine() throws IOException {
        Path log = folder.resolve("quality-service.log");
        Files.writeString(log, "x".repeat(2_000) + "\n");

        assertThat(ServiceProcesses.logTail(log, 20)).hasSize(2 + 500 + 2).endsWith(" …");
    }

    @Test
    void shouldSayWhenTheLogCannotBeRead() {
        assertThat(ServiceProcesses.logTail(folder.resolve("missing.log"), 20))
                .startsWith("  (the log could not be read: java.nio.file.NoSuchFileException");
    }
}
