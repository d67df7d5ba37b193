package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.esteira.local.stack.ServiceSpec;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --services processes}: each service in its own JVM from the runnable jar the build
 * left in its module's target folder (skipped when the jars are not there), its peak RSS reported.
 */
class BenchServiceProcessesIT extends BenchScenario {

    @TempDir
    Path output;

    @Test
    void shouldRunEachServiceInItsOwnJvmAndReportItsPeakMemory() throws IOException {
        assumeTrue(ExecJars.find(null).isPresent(), "the services' -exec.jar files are not built");

        Run run = bench(output, "--services", "processes");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.lastLine()).matches(SUMMARY).doesNotContain("n/a");
        JsonNode json = run.json(output);
        assertThat(json.at("/pipeline/services").asText()).isEqualTo("processes");
        assertThat(json.at("/warehouses/identical").asBoolean())
                .as(json.get("warehouses").toString())
                .isTrue();
        for (ServiceSpec service : ServiceSpec.ALL) {
            assertThat(json.at("/peakRssMb/" + service.name()).asLong())
                    .as(service.name())
                    .isPositive();
        }
        assertThat(output.resolve("logs").resolve("loader-service.log")).isNotEmptyFile();
    }
}
