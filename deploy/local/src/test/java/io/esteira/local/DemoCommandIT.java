package io.esteira.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, for a short duration, on its embedded PostgreSQL and broker: it runs, its
 * consoles open with the login it prints, and it drains and prints a reconciled summary.
 */
class DemoCommandIT {

    private static final Pattern PASSWORD = Pattern.compile("Consoles \\(user operator, password (\\S+),");
    /** A progress line as printed when output is not a terminal ({@code ProgressView.Mode.LINE}). */
    private static final Pattern PROGRESS_LINE =
            Pattern.compile("^progress \\d\\d:\\d\\d:\\d\\d read=\\d+ applied=(\\d+) \\(\\S+\\) rows/s=\\S+ .*");

    /** A log line the console appender printed (logback.xml: only WARN and ERROR reach the console). */
    private static final Pattern LOG_WARNING = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d (WARN|ERROR) .*");

    /**
     * Start-up warnings a newcomer may see, each with why it cannot be acted on. Empty on purpose: add
     * a pattern here only with a comment saying why the warning is expected.
     */
    private static final List<Pattern> ALLOWED_AT_START_UP = List.of();

    private static final Pattern MANAGEMENT = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)/actuator/health");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldRunThePipelineOnEmbeddedDefaultsOpenItsConsolesWithThePrintedLoginAndPrintAReconciledSummary()
            throws Exception {
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        int exit;
        List<String> consoles = new ArrayList<>();
        CompletableFuture<Integer> started = null;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            CompletableFuture<Integer> demo = CompletableFuture.supplyAsync(() -> EsteiraLocal.commandLine()
                    .execute(
                            "demo",
                            "--duration",
                            "20s",
                            "--port",
                            "0",
                            "--broker-port",
                            "0",
                            "--rate",
                            "10",
                            // DemoIncidentsIT runs the incidents; this run stays at its 20 s.
                            "--no-incidents"));
            started = demo;
            // Four services start one after another: ~1 min on a quiet 2-core machine, several under load.
            Awaitility.await("the consoles printed")
                    .atMost(Duration.ofMinutes(8))
                    .until(() -> captured.toString(StandardCharsets.UTF_8).contains("alert sink") || demo.isDone());
            consoles.addAll(openEachConsole(captured.toString(StandardCharsets.UTF_8)));
            exit = demo.get(5, TimeUnit.MINUTES);
        } finally {
            // A failed wait must not leave this demo running into the next test of the JVM.
            if (started != null) {
                try {
                    started.get(10, TimeUnit.MINUTES);
                } catch (Exception e) {
                    // The test has failed already, or the demo did: its own assertion says so.
                }
            }
            System.setOut(original);
            System.setErr(originalErr);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        String errors = capturedErr.toString(StandardCharsets.UTF_8);
        original.println(output);
        originalErr.println(errors);

        // Quiet start-up: up to the consoles' list, no warning or error on the console, and nothing on
        // standard error (e.g. spring-jcl's "remove commons-logging.jar from classpath").
        String startUp = output.substring(0, Math.max(0, output.indexOf("Consoles (")));
        assertThat(startUp.lines().filter(line -> LOG_WARNING.matcher(line).matches()))
                .as("start-up warnings (allowed: %s)", ALLOWED_AT_START_UP)
                .filteredOn(line -> ALLOWED_AT_START_UP.stream()
                        .noneMatch(p -> p.matcher(line).find()))
                .isEmpty();
        assertThat(errors).as("standard error").doesNotContain("commons-logging", "WARN", "ERROR");

        assertThat(exit).isZero();
        assertThat(consoles)
                .as("each service's Hawtio and Jolokia: 200 with the printed login, 401 without")
                .hasSize(4)
                .allSatisfy(answer -> assertThat(answer).endsWith("hawtio 200/401, jolokia 200/401"));
        assertThat(output)
                .contains("PostgreSQL at jdbc:postgresql://")
                .contains("Esteira summary")
                .contains("RECONCILED (every day and every key equal)")
                .doesNotContain("incident 1/2", "Staged incidents:");
        // Output to a pipe (this test's capture, as a log file): progress as one compact line per interval
        // (--progress auto), never the terminal's view redrawn with cursor movements.
        assertThat(output)
                .as("terminal escape codes in output that is not a terminal")
                .doesNotContain("\u001b[");
        List<Long> applied = output.lines()
                .map(PROGRESS_LINE::matcher)
                .filter(Matcher::matches)
                .map(m -> Long.parseLong(m.group(1)))
                .toList();
        assertThat(applied).as("progress lines in:%n%s", output).isNotEmpty();
        assertThat(applied.get(applied.size() - 1))
                .as("rows applied in the last progress line")
                .isPositive();
        String summary = output.substring(output.lastIndexOf("Esteira summary"));
        for (String fact : new String[] {"fact_vendas", "fact_metas", "fact_descontos"}) {
            Matcher count = Pattern.compile(fact + "=(\\d+)").matcher(summary);
            assertThat(count.find()).as("%s in the summary", fact).isTrue();
            assertThat(Long.parseLong(count.group(1))).as("rows in %s", fact).isPositive();
        }
    }

    /** For each management address printed: what Hawtio and Jolokia answer with and without the login. */
    private List<String> openEachConsole(String output) throws Exception {
        Matcher password = PASSWORD.matcher(output);
        assertThat(password.find()).as("the printed login in:%n%s", output).isTrue();
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString(("operator:" + password.group(1)).getBytes(StandardCharsets.UTF_8));
        List<String> answers = new ArrayList<>();
        Matcher management = MANAGEMENT.matcher(output);
        while (management.find()) {
            String base = management.group(1);
            answers.add(base + " hawtio " + status(base + "/actuator/hawtio/", basic) + "/"
                    + status(base + "/actuator/hawtio/", null) + ", jolokia "
                    + status(base + "/actuator/jolokia/version", basic) + "/"
                    + status(base + "/actuator/jolokia/version", null));
        }
        return answers;
    }

    private int status(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
