package io.esteira.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProgressViewTest {

    private static final Instant T0 = Instant.parse("2026-12-03T02:00:00Z");

    private static StackStatus status(long read, long applied, long queued) {
        Map<String, StackStatus.EntityProgress> entities = new LinkedHashMap<>();
        entities.put("vendas", new StackStatus.EntityProgress(read, applied / 100, applied, 0.5));
        entities.put("clientes", new StackStatus.EntityProgress(100, 1, 100, 0.0));
        Map<String, Long> warehouse = new LinkedHashMap<>();
        warehouse.put("fact.fact_vendas", applied);
        warehouse.put("dim.dim_cliente", 100L);
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("dq_a", "PASS");
        checks.put("dq_b", "PASS");
        checks.put("dq_c", "FAIL");
        return new StackStatus(entities, warehouse, checks, 2, queued, 1);
    }

    @Test
    void lineModePrintsOneCompactLinePerIntervalWithTheRate() {
        ProgressView view = new ProgressView(ProgressView.Mode.LINE);
        String first = view.render(status(1000, 0, 5), T0);
        String second = view.render(status(1000, 500, 3), T0.plusSeconds(5));

        assertThat(first)
                .isEqualTo(
                        "progress 02:00:00 read=1100 applied=100 (9%) rows/s=- queued=5 dead=1 alerts=2 checks=FAIL:1,PASS:2\n");
        assertThat(second)
                .isEqualTo(
                        "progress 02:00:05 read=1100 applied=600 (55%) rows/s=100 queued=3 dead=1 alerts=2 checks=FAIL:1,PASS:2\n");
        assertThat(first + second).doesNotContain("\u001b");
    }

    @Test
    void tableModeRedrawsInPlaceWithRatesAndBars() {
        ProgressView view = new ProgressView(ProgressView.Mode.TABLE);
        String first = view.render(status(1000, 0, 5), T0);
        String second = view.render(status(1000, 500, 0), T0.plusSeconds(5));

        // The first view is printed as is; the next moves the cursor up over it and clears.
        assertThat(first).doesNotContain("\u001b");
        long lines = first.chars().filter(c -> c == '\n').count();
        assertThat(second).startsWith("\u001b[" + lines + "A\r\u001b[J");
        assertThat(second.chars().filter(c -> c == '\n').count()).isEqualTo(lines);

        assertThat(first).contains("Esteira progress  02:00:00 UTC  up 0:00");
        assertThat(second).contains("up 0:05");
        assertThat(line(second, "vendas")).contains(" 1000 ", " 500 ", " 100 ").endsWith("[######......]  50%");
        assertThat(line(second, "clientes")).contains(" 0 ").endsWith("[############] 100%");
        assertThat(line(first, "vendas")).contains(" - ").endsWith("[............]   0%");
        assertThat(line(second, "total")).contains(" 1100 ", " 600 ", " 100 ");
        assertThat(second)
                .contains("facts: vendas=500\n", "dims: cliente=100\n", "queued=0 dead-lettered=1 alerts sent=2");
        assertThat(second.replaceAll("\u001b\\[[0-9]*[AJ]\r?", "").lines())
                .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void detachPrintsTheNextTableBelowWhatWasPrintedInBetween() {
        ProgressView view = new ProgressView(ProgressView.Mode.TABLE);
        view.render(status(10, 0, 0), T0);
        view.detach();
        assertThat(view.render(status(10, 10, 0), T0.plusSeconds(1))).doesNotContain("\u001b");
    }

    @Test
    void barsAndModes() {
        assertThat(ProgressView.bar(0, 0)).isEqualTo("[............]   -");
        assertThat(ProgressView.bar(5, 4)).endsWith("100%");
        assertThat(ProgressView.Mode.parse("table")).isEqualTo(ProgressView.Mode.TABLE);
        assertThat(ProgressView.Mode.parse("LINE")).isEqualTo(ProgressView.Mode.LINE);
        // Tests run without a console: auto falls back to lines.
        if (System.console() == null) {
            assertThat(ProgressView.Mode.parse("auto")).isEqualTo(ProgressView.Mode.LINE);
        }
        assertThatThrownBy(() -> ProgressView.Mode.parse("fancy")).hasMessageContaining("table, line or auto");
    }

    /**
     * From JDK 22 {@code System.console()} returns a console when output is piped too: a JVM of each JDK on
     * this machine (JDK 17 always, and the first JDK 22 or newer under {@code /usr/lib/jvm} where there is
     * one), its output read through a pipe, must print lines, not the table redrawn with ANSI codes.
     */
    @Test
    void autoPrintsLinesWhenOutputIsAPipeOnEveryJdk() throws Exception {
        List<Path> javas = new ArrayList<>();
        javas.add(Path.of(System.getProperty("java.home"), "bin", "java"));
        newerJdk().ifPresent(javas::add);
        for (Path java : javas) {
            Process probe = new ProcessBuilder(
                            java.toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            ProgressModeProbe.class.getName())
                    .redirectErrorStream(true)
                    .start();
            String printed = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(printed.strip()).as("mode chosen by %s", java).isEqualTo("LINE");
        }
    }

    /** A JDK of feature version 22 or newer under /usr/lib/jvm, where the machine has one. */
    private static Optional<Path> newerJdk() throws Exception {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.map(home -> home.resolve("release"))
                    .filter(Files::isRegularFile)
                    .filter(release -> featureVersion(release) >= 22)
                    .map(release -> release.resolveSibling("bin").resolve("java"))
                    .filter(Files::isExecutable)
                    .findFirst();
        }
    }

    private static int featureVersion(Path release) {
        try {
            Matcher version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static String line(String text, String start) {
        return text.lines()
                .filter(l -> l.startsWith(start + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + start + " in\n" + text));
    }
}
