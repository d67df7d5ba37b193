package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.local.EsteiraLocal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * {@code bench} with tiny numbers (2,000 order items, 5 s of freshness at 50 changes/s) on three
 * fresh PostgreSQL databases per test class; subclasses choose how the services run.
 */
abstract class BenchScenario {

    static final String SUMMARY =
            "bench: pipeline_rows_per_s=\\d+ reference_rows_per_s=\\d+ throughput_ratio=\\d+\\.\\d{2}"
                    + " freshness_p99_ms=\\d+ max_rss_mb=(\\d+|n/a)"
                    + " targets_missed=(none|[a-z0-9_]+(,[a-z0-9_]+)*)( targets_unmeasured=[a-z0-9_]+(,[a-z0-9_]+)*)?";

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("bench_oltp");

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("bench_dw");

    @RegisterExtension
    static final PostgresDatabase reference = new PostgresDatabase("bench_reference");

    static Run bench(Path output, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "bench",
                "--oltp-url",
                oltp.jdbcUrl(),
                "--oltp-username",
                oltp.username(),
                "--oltp-password",
                oltp.password(),
                "--dw-url",
                dw.jdbcUrl(),
                "--dw-username",
                dw.username(),
                "--dw-password",
                dw.password(),
                "--reference-dw-url",
                reference.jdbcUrl(),
                "--reset-dw",
                "--rows",
                "2000",
                "--freshness-seconds",
                "5",
                "--rate",
                "50",
                "--analyze-every",
                "2",
                "--progress-every",
                "PT2S",
                "--output-dir",
                output.toString()));
        arguments.addAll(List.of(more));
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new EsteiraLocal()).execute(arguments.toArray(String[]::new));
        } finally {
            System.setOut(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        original.println(text);
        return new Run(exit, text);
    }

    record Run(int exit, String output) {

        String lastLine() {
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        JsonNode json(Path directory) throws IOException {
            try (Stream<Path> files = Files.list(directory)) {
                List<Path> reports = files.filter(
                                f -> f.getFileName().toString().matches("bench-.*\\.json"))
                        .toList();
                assertThat(reports).as("JSON reports in %s", directory).hasSize(1);
                return new ObjectMapper().readTree(reports.get(0).toFile());
            }
        }
    }
}
