package io.esteira.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The README's run command with its staged incidents (the default), on its embedded PostgreSQL and broker:
 * a poison batch is dead-lettered and replayed, a rule violation is caught and corrected, each is notified
 * to the sink when it fires and when it resolves (read over HTTP from the sink while the demo runs), and
 * the summary counts them and still reconciles.
 */
class DemoIncidentsIT {

    private static final Pattern SINK = Pattern.compile("alert sink\\s+(http://127\\.0\\.0\\.1:\\d+/)");
    private static final Pattern ALERTS =
            Pattern.compile("Alerts: (\\d+) fired, (\\d+) resolved; delivered to the sink: (\\d+) webhook call\\(s\\),"
                    + " (\\d+) email\\(s\\)");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldStageAPoisonBatchAndARuleViolationAndNotifyEachFiringAndResolved() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        AtomicReference<String> deliveries = new AtomicReference<>();
        AtomicReference<String> page = new AtomicReference<>();
        int exit;
        CompletableFuture<Integer> started = null;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            // A duration shorter than the incidents take: the demo finishes them before it stops.
            CompletableFuture<Integer> demo = CompletableFuture.supplyAsync(() -> EsteiraLocal.commandLine()
                    .execute("demo", "--duration", "5s", "--port", "0", "--broker-port", "0", "--rate", "5"));
            started = demo;
            // Four services start one after another: ~1 min on a quiet 2-core machine, several under load.
            Awaitility.await("the sink's address printed")
                    .atMost(Duration.ofMinutes(8))
                    .until(() -> SINK.matcher(output(captured)).find() || demo.isDone());
            Matcher sink = SINK.matcher(output(captured));
            assertThat(sink.find())
                    .as("the sink's address in:%n%s", output(captured))
                    .isTrue();
            String base = sink.group(1);
            // Read while the demo runs: the last incident resolves before the pipeline drains and the sink stops.
            Awaitility.await("both incidents resolved on the sink")
                    .atMost(Duration.ofMinutes(8))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> {
                        String json = get(base + "api/deliveries");
                        deliveries.set(json);
                        page.set(get(base));
                        return resolved(json, "dlq") && resolved(json, "quality") || demo.isDone();
                    });
            exit = demo.get(5, TimeUnit.MINUTES);
        } finally {
            // A failed wait must not leave this demo running into the next test of the JVM (its services
            // and its output would be that test's): it ends by itself after its duration and incidents.
            awaitQuietly(started);
            System.setOut(original);
        }
        String output = output(captured);
        original.println(output);

        assertThat(exit).isZero();
        assertThat(output)
                .contains("incident 1/2: poison batch: the DW now refuses region names over 40 characters")
                .containsPattern("incident 1/2: poison batch in DLQ\\.dw\\.changes\\.regions: Batch \\S+ could not be"
                        + " applied after 5 attempts: .*ck_demo_region_name_length")
                .contains("incident 1/2: alert fired (dlq, critical)")
                .containsPattern("incident 1/2: the fix: constraint dropped; poison batch \\S+ replayed through POST"
                        + " /api/dlq/replay \\(dry run: 1 to move; then 1 moved\\)")
                .containsPattern("incident 1/2: poison batch \\S+ replayed and applied .*; alert resolved")
                .containsPattern("incident 2/2: rule violation: order item \\d+ gets a negative discount")
                .contains("incident 2/2: quality check rule-valores-vendas fails")
                .contains("incident 2/2: alert fired (quality, critical)")
                .contains("incident 2/2: rule-valores-vendas passes again with the corrected discount; alert resolved")
                .contains("The run's duration is over; the staged incidents finish first");

        String summary = output.substring(output.lastIndexOf("Esteira summary"));
        assertThat(summary)
                .contains("RECONCILED (every day and every key equal)")
                .containsPattern("1/2 poison batch\\s+fired=yes resolved=yes")
                .containsPattern("2/2 rule violation\\s+fired=yes resolved=yes");
        Matcher alerts = ALERTS.matcher(summary);
        assertThat(alerts.find()).as("the alert counts in:%n%s", summary).isTrue();
        assertThat(Long.parseLong(alerts.group(1))).as("alerts fired").isGreaterThanOrEqualTo(2);
        assertThat(Long.parseLong(alerts.group(2))).as("alerts resolved").isGreaterThanOrEqualTo(2);
        // Both alerts are critical: each firing and each resolved notification by webhook and by email.
        assertThat(Long.parseLong(alerts.group(3))).as("webhook calls").isGreaterThanOrEqualTo(4);
        assertThat(Long.parseLong(alerts.group(4))).as("emails").isGreaterThanOrEqualTo(4);

        // What the sink showed while the demo ran: each incident's firing and resolved notification, newest
        // first, with signed webhook calls.
        JsonNode list = new ObjectMapper().readTree(deliveries.get()).path("deliveries");
        List<String> quality = statuses(list, "quality");
        List<String> dlq = statuses(list, "dlq");
        assertThat(quality).as("quality notifications, newest first").containsSubsequence("resolved", "firing");
        assertThat(dlq).as("dlq notifications, newest first").containsSubsequence("resolved", "firing");
        assertThat(list)
                .filteredOn(d -> d.path("kind").asText().equals("webhook"))
                .allSatisfy(d -> assertThat(d.path("signature").asText()).isEqualTo("verified"));
        assertThat(list)
                .filteredOn(d -> d.path("kind").asText().equals("email"))
                .anySatisfy(d -> assertThat(d.path("subject").asText()).startsWith("[resolved]"));
        assertThat(page.get())
                .contains("rule-valores-vendas", "ck_demo_region_name_length")
                .contains("<span class=\"status resolved\">resolved</span>")
                .contains("verified with the receiver's secret");
    }

    /** True when {@code json} (the sink's deliveries) has a resolved notification of an alert of {@code kind}. */
    private static boolean resolved(String json, String kind) throws Exception {
        return statuses(new ObjectMapper().readTree(json).path("deliveries"), kind)
                .contains("resolved");
    }

    /** The status of each webhook notification with an alert of {@code kind}, in the sink's order. */
    private static List<String> statuses(JsonNode deliveries, String kind) {
        List<String> statuses = new ArrayList<>();
        for (JsonNode delivery : deliveries) {
            for (JsonNode alert : delivery.path("body").path("alerts")) {
                if (alert.path("event").path("kind").asText().equals(kind)) {
                    statuses.add(alert.path("status").asText());
                }
            }
        }
        return statuses;
    }

    private String get(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private static void awaitQuietly(CompletableFuture<Integer> demo) {
        if (demo == null) {
            return;
        }
        try {
            demo.get(10, TimeUnit.MINUTES);
        } catch (Exception e) {
            // The test has failed already, or the demo did: its own assertion says so.
        }
    }

    private static String output(ByteArrayOutputStream captured) {
        return captured.toString(StandardCharsets.UTF_8);
    }
}
