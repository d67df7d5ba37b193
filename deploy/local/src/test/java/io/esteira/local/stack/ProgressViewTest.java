package io.esteira.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private static String line(String text, String start) {
        return text.lines()
                .filter(l -> l.startsWith(start + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + start + " in\n" + text));
    }
}
