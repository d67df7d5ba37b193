package io.esteira.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.esteira.local.browser.Chromium;
import io.esteira.local.browser.ConsoleBrowser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The README's run command with its staged incidents (the default), on its embedded PostgreSQL and broker:
 * a poison batch is dead-lettered and replayed, a rule violation is caught and corrected, each is notified
 * to the sink when it fires and when it resolves (read over HTTP from the sink while the demo runs), and
 * the summary counts them and still reconciles.
 *
 * <p>The same run's consoles, opened in headless Chromium with the login the demo prints (one demo for all:
 * the browser tests add seconds, not a second stack; they run in this order, within the demo's few minutes): Hawtio shows the loader's Camel routes with their
 * statistics and runs the loader's DLQ list operation over JMX (when the poison batch is there, if the
 * browser is ready in time), the actuator answers, and the sink page shows the alert delivered. Each takes a screenshot ({@link ConsoleBrowser}:
 * {@code -Desteira.screenshots.update=true} rewrites the ones in docs/img/consoles). Without Chromium they
 * are skipped with the reason, or fail with it in CI ({@link Chromium}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoIncidentsIT {

    private static final Pattern SINK = Pattern.compile("alert sink\\s+(http://127\\.0\\.0\\.1:\\d+/)");
    private static final Pattern ALERTS =
            Pattern.compile("Alerts: (\\d+) fired, (\\d+) resolved; delivered to the sink: (\\d+) webhook call\\(s\\),"
                    + " (\\d+) email\\(s\\)");

    private static final Pattern PASSWORD = Pattern.compile("Consoles \\(user operator, password (\\S+),");
    private static final Pattern LOADER =
            Pattern.compile("loader-service .*?(http://127\\.0\\.0\\.1:\\d+)/actuator/health");
    private static final Pattern LOADER_API =
            Pattern.compile("loader-service\\s+api (http://127\\.0\\.0\\.1:\\d+)/api");
    /** Hawtio's Camel and JMX trees name their nodes by these ids. */
    private static final String CAMEL_CONTEXTS = "org.apache.camel-CamelContexts-";

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static PrintStream original;
    private static ByteArrayOutputStream captured;
    private static CompletableFuture<Integer> demo;
    private static ConsoleBrowser browser;
    /** What the sink served last, read every 500 ms while the demo runs (the sink stops with it). */
    private static final AtomicReference<String> deliveries = new AtomicReference<>();

    private static final AtomicReference<String> page = new AtomicReference<>();
    private static ScheduledExecutorService sinkReader;

    @BeforeAll
    static void startTheDemo() {
        original = System.out;
        captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        // Chromium is installed first where it is missing (a minute or more of apt-get): the demo's incidents,
        // timed from its start, do not wait for it, and a demo started before the install was over before the
        // browser tests could open its consoles.
        String chromium = Chromium.find().unavailable();
        // A duration shorter than the incidents take: the demo finishes them before it stops.
        demo = CompletableFuture.supplyAsync(() -> EsteiraLocal.commandLine()
                .execute("demo", "--duration", "5s", "--port", "0", "--broker-port", "0", "--rate", "5"));
        // Chromium starts while the demo does: the DLQ operation has only seconds once the poison batch lands.
        if (chromium == null) {
            try {
                browser = ConsoleBrowser.start();
            } catch (IOException | RuntimeException e) {
                System.out.println("[browser] Chromium did not start: " + e);
            }
        }
        // Four services start one after another: ~1 min on a quiet 2-core machine, several under load.
        Awaitility.await("the sink's address printed")
                .atMost(Duration.ofMinutes(8))
                .until(() -> SINK.matcher(output(captured)).find() || demo.isDone());
        String sink = sinkPage();
        if (browser != null) {
            browser.logIn("operator", password());
        }
        sinkReader = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sink-reader");
            thread.setDaemon(true);
            return thread;
        });
        sinkReader.scheduleWithFixedDelay(
                () -> {
                    try {
                        String json = get(sink + "api/deliveries");
                        String html = get(sink);
                        deliveries.set(json);
                        page.set(html);
                    } catch (Exception | AssertionError stopped) {
                        // Not up yet, or stopped with the demo: the last reading stays.
                    }
                },
                0,
                500,
                TimeUnit.MILLISECONDS);
    }

    @AfterAll
    static void stopTheBrowserAndTheDemo() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
            demo.get(10, TimeUnit.MINUTES);
        } finally {
            if (sinkReader != null) {
                sinkReader.shutdownNow();
            }
            System.setOut(original);
        }
    }

    @Test
    @Order(1)
    void shouldRunTheLoadersDlqListOperationInHawtio() {
        ConsoleBrowser browser = browser();
        browser.open(loader() + "/actuator/hawtio/jmx");
        // io.esteira:type=DeadLetterQueues,service=loader (Spring adds an identity key: one JVM, four contexts).
        // Unfolded one level at a time: "Expand all" would draw every bean of the four services first.
        String toggle = " > div button.pf-v6-c-tree-view__node-toggle";
        browser.click(By.cssSelector("li[id='io.esteira-folder']" + toggle));
        browser.click(By.cssSelector("li[id='io.esteira-loader-folder']" + toggle));
        browser.click(By.cssSelector(
                "li[id^='io.esteira-loader-'][id$='-folder']:not([id='io.esteira-loader-folder'])" + toggle));
        browser.click(By.cssSelector(
                "li[id^='io.esteira-loader'][id$='-DeadLetterQueues'] button.pf-v6-c-tree-view__node-text"));
        browser.click(By.xpath("//a[contains(@class,'pf-v6-c-nav__link') and normalize-space()='Operations']"));
        browser.click(By.cssSelector("button[aria-labelledby^='operation listBatches(java.lang.String)']"));
        By operation = By.cssSelector("section[id='operation-execute-listBatches(java.lang.String)']");
        browser.visible(operation);
        // Ready before the batch lands, it runs as soon as the loader's DLQ API shows it: the batch stays only
        // until its alert has fired (a few seconds). On a slow machine the page may be ready too late: then it
        // runs once the alert has fired, and lists what is left.
        String authorization = "Basic "
                + Base64.getEncoder().encodeToString(("operator:" + password()).getBytes(StandardCharsets.UTF_8));
        System.out.println("[browser] " + Instant.now() + " listBatches ready in Hawtio");
        Awaitility.await("the poison batch in the DLQ, or its alert delivered")
                .atMost(Duration.ofMinutes(8))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> demo.isDone()
                        || deliveries.get() != null && deliveries.get().contains("ck_demo_region_name_length")
                        || get(loaderApi() + "/api/dlq?entity=regions", authorization)
                                .contains("ck_demo_region_name_length"));
        assertThat(demo.isDone()).as("the demo ended before Hawtio was ready").isFalse();
        System.out.println("[browser] " + Instant.now() + " listBatches executed in Hawtio");
        browser.click(By.xpath("//section[@id='operation-execute-listBatches(java.lang.String)']"
                + "//button[normalize-space()='Execute']"));
        String result = browser.await("the operation's result", Duration.ofSeconds(30), d -> {
            String text = d.findElement(By.xpath("//section[@id='operation-execute-listBatches(java.lang.String)']/.."))
                    .getText();
            int at = text.lastIndexOf("Result");
            return at < 0 ? null : text.substring(at + "Result".length()).strip();
        });
        browser.screenshot("hawtio-dlq-list-operation");
        // listBatches: one line per batch (message id, entity, batch id, when and why it failed), or "(no
        // messages)" once it has been replayed; anything else is Hawtio's or Jolokia's error.
        assertThat(result)
                .as("listBatches(\"\") as Hawtio shows it")
                .matches("(?s)(\\(no messages\\)|.*\\S+ regions \\S+ failed \\S+: .*ck_demo_region_name_length.*)");
        if (result.contains("(no messages)")) {
            System.out.println("[browser] the poison batch was replayed before Hawtio listed it: (no messages)");
        }
    }

    @Test
    @Order(3)
    void shouldShowTheLoadersCamelRoutesWithTheirStatisticsInHawtio() {
        ConsoleBrowser browser = browser();
        browser.open(loader() + "/actuator/hawtio/camel");
        browser.visible(By.cssSelector("li[id='" + CAMEL_CONTEXTS + "loader-service-folder']"));
        // The first context opens by itself; fold it, unfold the loader's and show its routes as a table.
        browser.findAll(By.xpath("//li[starts-with(@id,'" + CAMEL_CONTEXTS + "') and contains(@id,'-service-folder')"
                        + " and @aria-expanded='true']/div//button[contains(@class,'node-toggle')]"))
                .forEach(WebElement::click);
        browser.click(By.cssSelector(
                "li[id='" + CAMEL_CONTEXTS + "loader-service-folder'] > div button.pf-v6-c-tree-view__node-toggle"));
        browser.click(By.cssSelector(
                "li[id='" + CAMEL_CONTEXTS + "loader-service-routes-folder'] button.pf-v6-c-tree-view__node-text"));
        browser.click(By.xpath("//a[contains(@class,'pf-v6-c-nav__link') and normalize-space()='Routes']"));
        String table = browser.await(
                "the loader's routes with their statistics",
                Duration.ofSeconds(60),
                d -> d.findElements(By.cssSelector("main table")).stream()
                        .map(WebElement::getText)
                        .filter(text -> text.contains("load-regions"))
                        .findFirst()
                        .orElse(null));
        browser.dismissNotifications();
        browser.screenshot("hawtio-loader-routes");
        assertThat(table)
                .contains("Name", "State", "Completed", "Failed", "Total", "Meantime")
                .contains("derive", "load-orders", "load-regions")
                .containsPattern("derive\\s+Started\\s+\\S+\\s+[1-9]\\d*");
    }

    @Test
    @Order(2)
    void shouldShowTheDeliveredAlertOnTheSinkPage() {
        ConsoleBrowser browser = browser();
        browser.open(sinkPage());
        // The page refreshes its list by itself: no reload here.
        String delivery = browser.await(
                "the DLQ alert's webhook call on the sink page",
                Duration.ofMinutes(2),
                d -> d.findElements(By.cssSelector("article.delivery.webhook")).stream()
                        .map(WebElement::getText)
                        .filter(text -> text.contains("ck_demo_region_name_length"))
                        .reduce((newer, older) -> older)
                        .orElse(null));
        browser.screenshot("alert-sink");
        assertThat(delivery).contains("firing", "dlq", "verified");
    }

    /**
     * First: it needs only the loader up, and the demo stops once its incidents are over, which the tests
     * after this one wait for (run fourth, it once found the demo stopped and the loader's port closed).
     */
    @Test
    @Order(0)
    void shouldAnswerTheActuatorInTheBrowserWithThePrintedLogin() {
        ConsoleBrowser browser = browser();
        browser.open(loader() + "/actuator/camelroutes");
        String json = browser.text(By.tagName("body"));
        browser.screenshot("actuator-camelroutes");
        assertThat(json).contains("\"id\":\"derive\"", "\"status\":\"Started\"");
    }

    @Test
    @Order(5)
    void shouldStageAPoisonBatchAndARuleViolationAndNotifyEachFiringAndResolved() throws Exception {
        Awaitility.await("both incidents resolved on the sink")
                .atMost(Duration.ofMinutes(8))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> demo.isDone()
                        || deliveries.get() != null
                                && resolved(deliveries.get(), "dlq")
                                && resolved(deliveries.get(), "quality"));
        int exit = demo.get(5, TimeUnit.MINUTES);
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
        assertThat(deliveries.get())
                .as("the sink's deliveries, read while the demo ran")
                .isNotNull();
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

    /** The browser, opened once for all the tests of this run; skips or fails (CI) without Chromium. */
    private static ConsoleBrowser browser() {
        String unavailable = Chromium.find().unavailable();
        if (unavailable != null) {
            assertThat(Chromium.ci())
                    .as("CI=true needs the browser tests; Chromium cannot be had: %s", unavailable)
                    .isFalse();
            Assumptions.abort("no Chromium for the browser tests: " + unavailable);
        }
        assertThat(demo.isDone())
                .as("the demo is still running for the browser tests")
                .isFalse();
        assertThat(browser)
                .as("Chromium started (its error is in the output above)")
                .isNotNull();
        return browser;
    }

    private static String password() {
        Matcher password = PASSWORD.matcher(output(captured));
        assertThat(password.find())
                .as("the printed login in:%n%s", output(captured))
                .isTrue();
        return password.group(1);
    }

    /** The loader's API address, as the demo printed it. */
    private static String loaderApi() {
        Matcher loader = LOADER_API.matcher(output(captured));
        assertThat(loader.find())
                .as("the loader's API address in:%n%s", output(captured))
                .isTrue();
        return loader.group(1);
    }

    /** The loader's management address, as the demo printed it. */
    private static String loader() {
        Matcher loader = LOADER.matcher(output(captured));
        assertThat(loader.find())
                .as("the loader's address in:%n%s", output(captured))
                .isTrue();
        return loader.group(1);
    }

    private static String sinkPage() {
        Matcher sink = SINK.matcher(output(captured));
        assertThat(sink.find())
                .as("the sink's address in:%n%s", output(captured))
                .isTrue();
        return sink.group(1);
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

    private static String get(String url) throws Exception {
        return get(url, null);
    }

    private static String get(String url, String authorization) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .GET();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        HttpRequest request = builder.build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private static String output(ByteArrayOutputStream captured) {
        return captured.toString(StandardCharsets.UTF_8);
    }
}
