package io.esteira.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.esteira.contracts.Queues;
import io.esteira.faults.check.WarehouseComparison;
import io.esteira.faults.infra.ServiceProcess;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Attacks on the running stack: unauthenticated management calls, the Hawtio proxy, anonymous and default
 * broker logins, writes through the extractor's OLTP login, identifiers that are not plain names in the
 * configuration, and oversized or deeply nested messages on a change queue.
 *
 * <p>Covered elsewhere and not repeated here: webhook URLs to loopback, link-local, metadata and private
 * addresses ({@code alerting-service} {@code WebhookTargetPolicyTest}, {@code WebhookAllowListIT}) and CR/LF
 * in alert fields ({@code AlertingDeliveryIT.shouldNotAddEmailHeadersFromLineBreaksInTheSummary}).
 */
@ExtendWith(FaultStackExtension.class)
@Order(2)
class SecurityIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Actuator endpoints anyone may read (DESIGN.md, guarantee 6). */
    private static final Set<String> OPEN = Set.of("health", "health-path", "info", "prometheus");

    @Test
    void shouldRefuseEveryManagementEndpointButHealthInfoAndPrometheusWithoutTheLogin(FaultStack stack) {
        List<ServiceProcess> services = new ArrayList<>(List.of(stack.extractor(), stack.loader(), stack.alerting()));
        services.add(stack.quality());
        try {
            for (ServiceProcess service : services) {
                Map<String, String> endpoints = endpoints(service, stack.operatorCredentials());
                assertThat(endpoints)
                        .as("%s exposes its endpoints", service.name())
                        .containsKeys("health", "prometheus", "env", "hawtio", "jolokia");
                for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
                    int anonymous = ServiceProcess.get(service.managementPort(), endpoint.getValue(), null);
                    if (OPEN.contains(endpoint.getKey())) {
                        // Open: answered without a login (a made-up health group is simply not found).
                        assertThat(anonymous)
                                .as("%s %s without login", service.name(), endpoint.getValue())
                                .isIn(200, 404);
                    } else {
                        assertThat(anonymous)
                                .as("%s %s without login", service.name(), endpoint.getValue())
                                .isEqualTo(401);
                        assertThat(ServiceProcess.get(
                                        service.managementPort(), endpoint.getValue(), "operator:wrong-password"))
                                .as("%s %s with a wrong password", service.name(), endpoint.getValue())
                                .isEqualTo(401);
                    }
                }
                for (String open : List.of(
                        "/actuator/health", "/actuator/health/readiness", "/actuator/info", "/actuator/prometheus")) {
                    assertThat(ServiceProcess.get(service.managementPort(), open, null))
                            .as("%s %s without login", service.name(), open)
                            .isEqualTo(200);
                }
                assertThat(ServiceProcess.get(service.managementPort(), "/actuator", null))
                        .as("%s /actuator without login", service.name())
                        .isEqualTo(401);
                assertThat(ServiceProcess.get(service.port(), "/api/anything", null))
                        .as("%s /api/** without login", service.name())
                        .isEqualTo(401);
            }
        } finally {
            stack.stopQuality();
        }
    }

    @Test
    void shouldKeepTheHawtioProxyClosedEvenToAnOperator(FaultStack stack) {
        ServiceProcess loader = stack.loader();
        String target = "/actuator/hawtio/proxy/127.0.0.1/" + stack.extractor().managementPort() + "/actuator/env";

        ServiceProcess.Response proxied =
                ServiceProcess.request(loader.managementPort(), target, "GET", stack.operatorCredentials());

        assertThat(ServiceProcess.get(loader.managementPort(), "/actuator/hawtio/", stack.operatorCredentials()))
                .as("Hawtio itself answers the operator")
                .isEqualTo(200);
        assertThat(proxied.statusCode()).as("proxy answer: %s", proxied.body()).isIn(403, 404);
        assertThat(proxied.body()).doesNotContain("propertySources");
    }

    @Test
    void shouldRefuseAnonymousAndDefaultBrokerLoginsAndKeepEachServiceToItsQueues(FaultStack stack) throws Exception {
        var broker = stack.broker();
        assertThat(broker.canLogIn(null, null)).as("anonymous").isFalse();
        for (String[] login : new String[][] {
            {"admin", "admin"},
            {"artemis", "artemis"},
            {"guest", "guest"},
            {"admin", ""},
            {"artemis", "simetraehcapa"},
            {"extractor", "extractor"},
            {"loader", ""}
        }) {
            assertThat(broker.canLogIn(login[0], login[1]))
                    .as("login %s/%s", login[0], login[1])
                    .isFalse();
        }
        assertThat(broker.canLogIn("extractor", stack.brokerPassword("extractor")))
                .as("the extractor's own login")
                .isTrue();

        // Authenticated is not authorised: the extractor may send changes, not read them or the dead letters.
        try (ActiveMQConnectionFactory factory = broker.factory("extractor", stack.brokerPassword("extractor"));
                Connection connection = factory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(Queues.changes("orders"))))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createBrowser(
                                    session.createQueue(Queues.deadLetter(Queues.changes("orders"))))
                            .getEnumeration())
                    .isInstanceOf(JMSSecurityException.class);
        }
        try (ActiveMQConnectionFactory factory = broker.factory("alerting", stack.brokerPassword("alerting"));
                Connection connection = factory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            assertThatThrownBy(() -> session.createProducer(session.createQueue(Queues.changes("orders")))
                            .send(session.createBytesMessage()))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void shouldRunTheExtractorOnAnOltpLoginThatCannotWrite(FaultStack stack) throws SQLException {
        assertThat(Sql.number(
                        stack.oltp(),
                        "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = ? AND usename = ?",
                        stack.oltpDatabaseName(),
                        stack.readOnlyRole()))
                .as("the extractor's sessions on the OLTP use the read-only role")
                .isPositive();
        assertThat(Sql.number(stack.oltpAsExtractor(), "SELECT COUNT(*) FROM core.orders"))
                .isPositive();
        for (String write : List.of(
                "INSERT INTO core.regions (name, state, country) VALUES ('x', 'x', 'x')",
                "UPDATE core.orders SET status = 'cancelled'",
                "DELETE FROM core.returns",
                "TRUNCATE core.deleted_rows",
                "CREATE TABLE core.intruder (id int)",
                "CREATE TABLE public.intruder (id int)")) {
            try (java.sql.Connection connection = stack.oltpAsExtractor().getConnection();
                    Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute(write))
                        .as(write)
                        .isInstanceOf(SQLException.class)
                        .satisfies(e ->
                                assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            }
        }
    }

    @Test
    void shouldRefuseAtStartUpTableAndEntityNamesThatAreNotPlainIdentifiers(FaultStack stack) throws Exception {
        Path checks = stack.logs().resolve("hostile-checks.yml");
        Files.writeString(
                checks,
                """
                esteira:
                  quality:
                    checks:
                      hostile-semicolon:
                        kind: orphans
                        schedule: "0 0 * * * ?"
                        fact: "fact.fact_vendas;DROP TABLE x--"
                        keys:
                          - { column: data_sk, dimension: dim.dim_data, mandatory: true }
                      hostile-quotes:
                        kind: orphans
                        schedule: "0 0 * * * ?"
                        fact: fact.fact_vendas
                        keys:
                          - { column: data_sk, dimension: '"dim"."dim_data"', mandatory: true }
                      hostile-brackets:
                        kind: orphans
                        schedule: "0 0 * * * ?"
                        fact: "[fact].[fact_vendas]"
                        keys:
                          - { column: data_sk, dimension: dim.dim_data, mandatory: true }
                """,
                StandardCharsets.UTF_8);
        String quality = refusedStart(
                stack, "quality-service", List.of("--esteira.quality.checks-file=" + checks.toAbsolutePath()));
        assertThat(quality)
                .contains("'fact.fact_vendas;DROP TABLE x--'")
                .contains("'\"dim\".\"dim_data\"'")
                .contains("'[fact].[fact_vendas]'")
                .contains("not a plain");

        String extractor = refusedStart(
                stack,
                "extractor-service",
                List.of("--esteira.extractor.entities.[orders;DROP TABLE x--].enabled=false"));
        assertThat(extractor).contains("orders;DROP TABLE x--").contains("unknown entities");

        String loader =
                refusedStart(stack, "loader-service", List.of("--esteira.loader.entities=orders;DROP TABLE x--"));
        assertThat(loader).contains("orders;DROP TABLE x--");

        assertThat(Sql.number(stack.dw(), "SELECT COUNT(*) FROM fact.fact_vendas"))
                .as("the warehouse is untouched")
                .isPositive();
    }

    @Test
    void shouldDeadLetterOversizedAndDeeplyNestedMessagesAndStayHealthy(FaultStack stack) {
        byte[] huge =
                ("{\"schema\":\"esteira.change-batch/1\",\"batchId\":\"huge\",\"entity\":\"orders\",\"rows\":[{\"data\":{\"x\":\""
                                + "A".repeat(20 * 1024 * 1024) + "\"}}]}")
                        .getBytes(StandardCharsets.UTF_8);
        byte[] nested = ("{\"schema\":\"esteira.change-batch/1\",\"rows\":" + "[".repeat(10_000) + "]".repeat(10_000)
                        + "}")
                .getBytes(StandardCharsets.UTF_8);
        Future<Workload.Burst> burst = stack.workload().burst(8001, FaultCycle.CHANGES);
        Messages.send(stack, "orders", huge, "huge-" + Instant.now().toEpochMilli());
        Messages.send(stack, "orders", nested, "nested-" + Instant.now().toEpochMilli());

        await("both hostile messages in DLQ.dw.changes.orders with their reasons")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> !Messages.deadLettersWithReason(stack, "orders", "bytes, more than the")
                                .isEmpty()
                        && !Messages.deadLettersWithReason(stack, "orders", "deeper than")
                                .isEmpty());
        assertThat(stack.loader().isAlive()).isTrue();
        assertThat(stack.loader().isReady())
                .as("loader readiness after the hostile messages")
                .isTrue();
        WarehouseComparison.Report report =
                FaultCycle.heal(stack, "20 MB and 10k-deep messages", 1, "sent mid-burst", burst, Instant.now());
        assertThat(report.clean()).as("%s", report).isTrue();
    }

    /** Starts another instance of a service with hostile settings; returns its log once it refused to start. */
    private static String refusedStart(FaultStack stack, String name, List<String> arguments) {
        String service = name.substring(0, name.indexOf('-'));
        ServiceProcess hostile = new ServiceProcess(
                name + "-hostile", stack.jar(name), stack.logs(), List.of(), arguments, stack.environment(service));
        hostile.process().launch();
        try {
            int exit = hostile.process().awaitExit(Duration.ofMinutes(3));
            assertThat(exit).as("%s exit code", name).isNotZero();
            return hostile.process().logSinceStart();
        } finally {
            hostile.stop();
        }
    }

    /** The actuator's endpoints (name → path) as the operator sees them. */
    private static Map<String, String> endpoints(ServiceProcess service, String credentials) {
        ServiceProcess.Response response =
                ServiceProcess.request(service.managementPort(), "/actuator", "GET", credentials);
        assertThat(response.statusCode())
                .as("%s /actuator with login", service.name())
                .isEqualTo(200);
        Map<String, String> endpoints = new LinkedHashMap<>();
        try {
            JsonNode links = JSON.readTree(response.body()).get("_links");
            for (Iterator<Map.Entry<String, JsonNode>> it = links.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> link = it.next();
                String href = link.getValue().get("href").asText();
                String path = href.substring(href.indexOf("/actuator"))
                        .replaceAll("\\{\\*?[^}]*}", "x")
                        .replace("/x/x", "/x");
                endpoints.put(link.getKey(), path);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("/actuator of " + service.name() + " is not JSON: " + response.body(), e);
        }
        return endpoints;
    }
}
