package io.esteira.quality;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.QualityResult;
import io.esteira.contracts.QualityResult.Status;
import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.quality.scenario.Fixture;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running service: Quartz schedules, {@code audit.dq_result}, the REST API, metrics, alerts on a
 * real Artemis broker, and detect → repair against a WireMock extractor whose replay the test
 * "drains" the way the loader would (applied-batch rows, then the fixed fact).
 */
@AutoConfigureObservability
// Closed after the class: its databases and broker go with it, and a service left running against them kept
// its routes in flight until the fork's exit, which then waited for them.
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "esteira.quality.default-checks=classpath:checks/service-it.yml",
            "esteira.quality.checks-file=target/no-such-file.yml",
            "esteira.quality.repair.username=quality",
            "esteira.quality.repair.password=s3cret",
            "esteira.quality.repair.drain-timeout=PT30S",
            "esteira.quality.repair.poll-interval=PT0.2S",
            "esteira.security.password=" + QualityServiceIT.OPERATOR_PASSWORD
        })
class QualityServiceIT {

    static final String OPERATOR_PASSWORD = "operator-s3cret";
    private static final String RECONCILIATION = "quality-service:quality:-:reconciliation-vendas";
    private static final String RECONCILIATION_AFTER_REPAIR = RECONCILIATION + ":after-repair";
    private static final String RULE = "quality-service:quality:-:rule-quantidade-positiva";
    private static final String KPI = "quality-service:quality:-:kpi-smoke-diario";
    private static final String PG_MAX_VERSION =
            "SELECT COALESCE(MAX(CAST(CAST(row_version AS text) AS bigint)), 0) FROM %s";

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("oltp");

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("dw");

    @RegisterExtension
    static final ArtemisBroker broker = new ArtemisBroker();

    @RegisterExtension
    static final WireMockExtension extractor = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static AlertQueue alerts;

    /** The checks read the DW with this login of role quality_reader; results go through esteira.dw. */
    private static String reader;

    @BeforeAll
    static void start() {
        Fixture.migrate(oltp.dataSource(), dw.dataSource());
        reader = Fixture.createReaderLogin(dw.dataSource());
        alerts = new AlertQueue(broker.connectionFactory());
    }

    @AfterAll
    static void stop() {
        alerts.close();
        Fixture.dropLogin(dw.dataSource(), reader);
    }

    @DynamicPropertySource
    static void connections(DynamicPropertyRegistry registry) {
        registry.add("esteira.oltp.url", oltp::jdbcUrl);
        registry.add("esteira.oltp.username", oltp::username);
        registry.add("esteira.dw.url", dw::jdbcUrl);
        registry.add("esteira.dw.username", dw::username);
        registry.add("esteira.dw.reader.username", () -> reader);
        registry.add("esteira.broker.url", broker::url);
        registry.add("esteira.quality.repair.extractor-url", extractor::baseUrl);
    }

    /** The checks see 2026-11-21 15:00 UTC, so "yesterday" is the fixture's day. */
    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Fixture.CLOCK;
        }
    }

    @Autowired
    TestRestTemplate http;

    /** /api/** asks for the operator login (shared-runtime's management security). */
    private TestRestTemplate api;

    private final JdbcTemplate dwSql = new JdbcTemplate(dw.dataSource());

    @BeforeEach
    void consistentWarehouse() {
        Fixture.load(oltp.dataSource(), dw.dataSource(), PG_MAX_VERSION);
        extractor.resetAll();
        api = http.withBasicAuth("operator", OPERATOR_PASSWORD);
    }

    @Test
    void shouldRunChecksOnTheirScheduleAndFireThenResolveOnDwAlerts() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(dwSql.queryForObject(
                        "SELECT COUNT(*) FROM audit.dq_result WHERE check_id = 'rule-quantidade-positiva'"
                                + " AND status = 'pass'",
                        Integer.class))
                .isGreaterThanOrEqualTo(2));

        dwSql.update("UPDATE fact.fact_vendas SET quantidade = -1 WHERE order_item_id = 1004");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(alerts.of(RULE))
                .extracting(AlertEvent::status)
                .containsExactly(AlertEvent.Status.firing));
        AlertEvent firing = alerts.of(RULE).get(0);
        assertThat(firing.source()).isEqualTo("quality-service");
        assertThat(firing.kind()).isEqualTo(AlertEvent.Kind.QUALITY);
        assertThat(firing.severity()).isEqualTo(AlertEvent.Severity.critical);
        assertThat(firing.details()).containsEntry("sample", "order_item_id=1004, quantidade=-1");

        dwSql.update("UPDATE fact.fact_vendas SET quantidade = 5 WHERE order_item_id = 1004");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(alerts.of(RULE))
                .extracting(AlertEvent::status)
                .containsExactly(AlertEvent.Status.firing, AlertEvent.Status.resolved));
    }

    @Test
    void shouldReplayTheDifferingDayWaitForTheLoaderAndResolve() throws Exception {
        int before = alerts.of(RECONCILIATION).size();
        dwSql.update("UPDATE fact.fact_vendas SET valor_total_liquido = 160.00 WHERE order_item_id = 1003");
        replayAnswers("replay-cure", 2);

        CompletableFuture<QualityResult> run = runAsync("reconciliation-vendas");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> extractor.verify(1, replayOfTheDay()));
        // What the loader does for the replay: rebuild the day's facts, record each applied batch.
        dwSql.update("UPDATE fact.fact_vendas SET valor_total_liquido = 150.00 WHERE order_item_id = 1003");
        dwSql.update("INSERT INTO ctl.applied_batch (batch_id, entity, replay, rows_in_batch) VALUES"
                + " ('orders-r1', 'orders', 'replay-cure', 2), ('orders-r2', 'orders', 'replay-cure', 1)");
        QualityResult result = run.get(30, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(Status.pass);
        assertThat(result.message())
                .startsWith("After replay of 2026-11-20 (orders 2026-11-20: replay-cure, 2 batches, 3 rows, applied)");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(alerts.of(RECONCILIATION)
                        .subList(before, alerts.of(RECONCILIATION).size()))
                .extracting(AlertEvent::status)
                .containsExactly(AlertEvent.Status.firing, AlertEvent.Status.resolved));
        assertThat(alerts.of(RECONCILIATION).get(before).details())
                .containsEntry("sample", "fact_vendas 2026-11-20: net_revenue 260.00 vs 270.00 (+10.00) (OLTP vs DW)");
        List<QualityResult> history = history("reconciliation-vendas");
        assertThat(history).extracting(QualityResult::status).containsExactly(Status.pass, Status.fail);
    }

    @Test
    void shouldStayFiringWhenTheReplayDoesNotCureAndNotReplayAgain() throws Exception {
        int before = alerts.of(RECONCILIATION).size();
        dwSql.update("UPDATE fact.fact_vendas SET valor_total_liquido = 160.00 WHERE order_item_id = 1003");
        replayAnswers("replay-no-cure", 1);

        CompletableFuture<QualityResult> run = runAsync("reconciliation-vendas");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> extractor.verify(1, replayOfTheDay()));
        dwSql.update("INSERT INTO ctl.applied_batch (batch_id, entity, replay, rows_in_batch) VALUES"
                + " ('orders-n1', 'orders', 'replay-no-cure', 2)");
        QualityResult result = run.get(30, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(Status.fail);
        assertThat(result.message())
                .startsWith("After replay of 2026-11-20")
                .contains("1 period(s) differ between OLTP and DW");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(alerts.of(RECONCILIATION)
                        .subList(before, alerts.of(RECONCILIATION).size()))
                .extracting(AlertEvent::summary)
                .singleElement()
                .asString()
                .startsWith("Quality check reconciliation-vendas failed"));
        // "still fails after repair" is a situation of its own, so the alerting service notifies it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(alerts.of(RECONCILIATION_AFTER_REPAIR))
                .extracting(AlertEvent::summary)
                .singleElement()
                .asString()
                .startsWith("Quality check reconciliation-vendas still fails after repair"));

        QualityResult again = api.postForObject("/api/checks/reconciliation-vendas/run", null, QualityResult.class);
        assertThat(again.status()).isEqualTo(Status.fail);
        extractor.verify(1, postRequestedFor(urlEqualTo("/api/replay")));
        assertThat(alerts.of(RECONCILIATION)
                        .subList(before, alerts.of(RECONCILIATION).size()))
                .extracting(AlertEvent::status)
                .doesNotContain(AlertEvent.Status.resolved);

        // Fixed by hand: the next run passes and resolves the alert.
        dwSql.update("UPDATE fact.fact_vendas SET valor_total_liquido = 150.00 WHERE order_item_id = 1003");
        assertThat(api.postForObject("/api/checks/reconciliation-vendas/run", null, QualityResult.class)
                        .status())
                .isEqualTo(Status.pass);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(alerts.of(RECONCILIATION))
                .last()
                .extracting(AlertEvent::status)
                .isEqualTo(AlertEvent.Status.resolved));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(alerts.of(RECONCILIATION_AFTER_REPAIR))
                .last()
                .extracting(AlertEvent::status)
                .isEqualTo(AlertEvent.Status.resolved));
    }

    @Test
    void shouldReportACheckThatCannotRunAsErrorAndAlert() {
        int before = alerts.of(KPI).size();
        dwSql.execute("ALTER VIEW mart.kpi_vendas_diarias RENAME TO kpi_vendas_diarias_off");
        try {
            QualityResult result = api.postForObject("/api/checks/kpi-smoke-diario/run", null, QualityResult.class);

            assertThat(result.status()).isEqualTo(Status.error);
            assertThat(result.value()).isNull();
            assertThat(result.message()).contains("could not run").contains("kpi_vendas_diarias");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                            alerts.of(KPI).subList(before, alerts.of(KPI).size()))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.status()).isEqualTo(AlertEvent.Status.firing);
                        assertThat(e.severity()).isEqualTo(AlertEvent.Severity.warning);
                        assertThat(e.summary()).startsWith("Quality check kpi-smoke-diario could not run");
                    }));
        } finally {
            dwSql.execute("ALTER VIEW mart.kpi_vendas_diarias_off RENAME TO kpi_vendas_diarias");
        }
        assertThat(api.postForObject("/api/checks/kpi-smoke-diario/run", null, QualityResult.class)
                        .status())
                .isEqualTo(Status.pass);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(alerts.of(KPI))
                .last()
                .extracting(AlertEvent::status)
                .isEqualTo(AlertEvent.Status.resolved));
    }

    @Test
    void shouldListChecksWithTheirLatestResultHistoryAndMetrics() {
        QualityResult ran = api.postForObject("/api/checks/kpi-smoke-diario/run", null, QualityResult.class);

        String checks = api.getForObject("/api/checks", String.class);
        assertThat(checks)
                .contains("\"id\":\"kpi-smoke-diario\"", "\"id\":\"reconciliation-vendas\"")
                .contains("\"id\":\"rule-quantidade-positiva\"", "\"repair\":true")
                .contains("\"schedule\":\"* * * * * ?\"", "\"zone\":\"America/Sao_Paulo\"");
        assertThat(history("kpi-smoke-diario")).first().isEqualTo(ran);
        assertThat(ran.message()).contains("Mart KPIs agree with the facts for 2026-11-20 (3 order items)");
        assertThat(api.getForEntity("/api/checks/no-such-check/history", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.postForEntity("/api/checks/no-such-check/run", null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForObject("/actuator/prometheus", String.class))
                .contains("esteira_quality_check_status{application=\"quality-service\",check=\"kpi-smoke-diario\","
                        + "kind=\"kpi-smoke\"} 0.0")
                .contains("esteira_quality_check_value{application=\"quality-service\",check=\"kpi-smoke-diario\"")
                .contains("esteira_quality_check_duration_seconds_count{application=\"quality-service\","
                        + "check=\"kpi-smoke-diario\",kind=\"kpi-smoke\",status=\"pass\"}");
    }

    @Test
    void shouldReadTheDwWithTheReaderLoginAndWriteResultsWithTheServicesLogin() {
        QualityResult ran = api.postForObject("/api/checks/rule-quantidade-positiva/run", null, QualityResult.class);

        assertThat(ran.status()).isEqualTo(Status.pass);
        assertThat(history("rule-quantidade-positiva")).first().isEqualTo(ran);
        assertThat(dwSql.queryForObject(
                        "SELECT COUNT(*) FROM pg_stat_activity WHERE usename = ? AND datname = current_database()",
                        Long.class,
                        reader))
                .as("connections of the checks' pool, logged in as %s", reader)
                .isPositive();
    }

    private CompletableFuture<QualityResult> runAsync(String check) {
        return CompletableFuture.supplyAsync(
                () -> api.postForObject("/api/checks/" + check + "/run", null, QualityResult.class));
    }

    private List<QualityResult> history(String check) {
        ResponseEntity<QualityResult[]> response =
                api.getForEntity("/api/checks/" + check + "/history?limit=10", QualityResult[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return List.of(response.getBody());
    }

    private static void replayAnswers(String replayId, int batches) {
        extractor.stubFor(post("/api/replay")
                .withBasicAuth("quality", "s3cret")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"replayId\":\"" + replayId + "\",\"entity\":\"orders\",\"batches\":" + batches
                                + ",\"rows\":3}")));
    }

    private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder replayOfTheDay() {
        return postRequestedFor(urlEqualTo("/api/replay"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"entity\":\"orders\",\"column\":\"order_date\","
                        + "\"from\":\"2026-11-20T00:00:00\",\"to\":\"2026-11-21T00:00:00\"}"));
    }
}
