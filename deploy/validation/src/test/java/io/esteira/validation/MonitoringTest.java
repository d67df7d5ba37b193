package io.esteira.validation;

import static io.esteira.validation.Repository.list;
import static io.esteira.validation.Repository.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.AlertEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Prometheus's configuration and rules, and the pipeline dashboard, name only metrics the services
 * register (their Micrometer names, as the Prometheus registry renders them), and every rule says which
 * runbook section to follow.
 */
class MonitoringTest {

    private static final List<String> SERVICES =
            List.of("extractor-service", "loader-service", "quality-service", "alerting-service");
    private static final Pattern MICROMETER_NAME = Pattern.compile("\"(esteira(?:\\.[a-z]+)+)\"");
    private static final Pattern USED_METRIC = Pattern.compile("\\b(esteira_[a-z_]+)");
    /** What the Prometheus registry appends to a counter, timer, gauge or histogram. */
    private static final List<String> SUFFIXES =
            List.of("", "_total", "_seconds", "_seconds_count", "_seconds_sum", "_seconds_max", "_seconds_bucket");

    private final Map<String, Object> rules = Repository.yaml("deploy/compose/prometheus/rules.yml");

    @Test
    void shouldNameOnlyMetricsTheServicesRegister() throws IOException {
        Set<String> registered = registeredMetrics();
        assertThat(registered).contains("esteira_extractor_rows_read", "esteira_loader_rows", "esteira_loader_lag");

        Set<String> used = new TreeSet<>();
        for (String text : List.of(
                Repository.read("deploy/compose/prometheus/rules.yml"),
                Repository.read("deploy/compose/grafana/dashboards/pipeline.json"))) {
            Matcher metric = USED_METRIC.matcher(text);
            while (metric.find()) {
                used.add(metric.group(1));
            }
        }

        assertThat(used).isNotEmpty().allSatisfy(metric -> assertThat(SUFFIXES.stream()
                        .anyMatch(suffix -> metric.endsWith(suffix)
                                && registered.contains(metric.substring(0, metric.length() - suffix.length()))))
                .as("%s is registered by a service (%s)", metric, registered)
                .isTrue());
    }

    @Test
    void shouldLinkEveryRuleToARunbookSection() {
        Set<String> anchors = Anchors.of(Repository.read("docs/runbook.md"));
        for (Object group : list(rules.get("groups"))) {
            for (Object rule : list(map(group).get("rules"))) {
                Map<String, Object> definition = map(rule);
                String url = String.valueOf(map(definition.get("annotations")).get("runbook_url"));
                assertThat(url).as("%s", definition.get("alert")).startsWith("docs/runbook.md#");
                assertThat(anchors).as("%s", definition.get("alert")).contains(url.substring(url.indexOf('#') + 1));
                assertThat(map(definition.get("labels"))).containsKey("severity");
            }
        }
    }

    /**
     * Each rule's {@code kind} label is an {@code AlertEvent} kind (else the alerting service files it as a
     * {@code pipeline-failure}, which mutes the entity's {@code sla} alerts), the one the runbook's Alerts
     * table lists the rule under.
     */
    @Test
    void shouldLabelEveryRuleWithTheKindTheRunbookListsItUnder() {
        List<String> tableRows = Repository.read("docs/runbook.md")
                .lines()
                .dropWhile(line -> !line.equals("## Alerts"))
                .takeWhile(line -> !line.startsWith("### "))
                .filter(line -> line.startsWith("| "))
                .toList();
        Set<String> kinds = new TreeSet<>();
        for (AlertEvent.Kind kind : AlertEvent.Kind.values()) {
            kinds.add(kind.json());
        }
        for (Object group : list(rules.get("groups"))) {
            for (Object rule : list(map(group).get("rules"))) {
                Map<String, Object> definition = map(rule);
                String alert = String.valueOf(definition.get("alert"));
                Object kind = map(definition.get("labels")).get("kind");
                assertThat(kinds).as("%s's kind label", alert).contains(String.valueOf(kind));
                assertThat(tableRows)
                        .as("the runbook's Alerts table lists %s under kind %s", alert, kind)
                        .anyMatch(row -> row.contains("`" + alert + "`") && row.contains("`" + kind + "`"));
            }
        }
    }

    @Test
    void shouldLoadTheRulesFileWhereComposeMountsIt() {
        Map<String, Object> prometheus = Repository.yaml("deploy/compose/prometheus/prometheus.yml");
        String compose = Repository.read("deploy/compose/docker-compose.yml");

        assertThat(compose).contains("./prometheus:/etc/prometheus:ro");
        for (Object file : list(prometheus.get("rule_files"))) {
            assertThat(file.toString()).startsWith("/etc/prometheus/");
            assertThat(Repository.path("deploy/compose/prometheus")
                            .resolve(file.toString().substring("/etc/prometheus/".length())))
                    .exists();
        }
    }

    /**
     * Prometheus's rules reach people only through an Alertmanager: the compose Prometheus sends them to
     * the alerting service's Alertmanager-compatible intake ({@code POST /api/v2/alerts}, HTTP basic with
     * the service's API login), on the port the service listens on.
     */
    @Test
    void shouldSendPrometheusAlertsToTheAlertingServicesAlertmanagerApi() {
        Map<String, Object> prometheus = Repository.yaml("deploy/compose/prometheus/prometheus.yml");
        Map<String, Object> compose = Repository.yaml("deploy/compose/docker-compose.yml");
        Map<String, Object> services = map(compose.get("services"));
        Map<String, Object> alerting = map(services.get("alerting-service"));
        Map<String, Object> alertingEnvironment = map(alerting.get("environment"));
        Object serverPort = map(Repository.yaml("alerting-service/src/main/resources/application.yml")
                        .get("server"))
                .get("port");

        assertThat(prometheus).as("prometheus.yml has an alerting: section").containsKey("alerting");
        List<Object> alertmanagers = list(map(prometheus.get("alerting")).get("alertmanagers"));
        assertThat(alertmanagers).hasSize(1);
        Map<String, Object> alertmanager = map(alertmanagers.get(0));
        assertThat(alertmanager.get("api_version")).isEqualTo("v2");
        assertThat(alertmanager.getOrDefault("scheme", "http")).isEqualTo("http");
        assertThat(alertmanager.getOrDefault("path_prefix", "/")).isEqualTo("/");
        assertThat(list(map(list(alertmanager.get("static_configs")).get(0)).get("targets")))
                .containsExactly("alerting-service:" + serverPort);
        assertThat(alertingEnvironment).doesNotContainKey("SERVER_PORT");
        assertThat(Repository.read(
                        "alerting-service/src/main/java/io/esteira/alerting/web/AlertmanagerApiController.java"))
                .as("the alerting service maps Prometheus's v2 path")
                .contains("\"/api/v2/alerts\"");

        Map<String, Object> basicAuth = map(alertmanager.get("basic_auth"));
        assertThat("${ESTEIRA_SECURITY_USERNAME:-" + basicAuth.get("username") + "}")
                .as("Prometheus logs in as the alerting API user (compose default)")
                .isEqualTo(alertingEnvironment.get("ESTEIRA_ALERTING_API_USERNAME"));
        String passwordFile = String.valueOf(basicAuth.get("password_file"));
        assertThat(passwordFile).startsWith("/run/secrets/");
        String secret = passwordFile.substring("/run/secrets/".length());
        assertThat(list(map(services.get("prometheus")).get("secrets"))).contains(secret);
        String passwordVariable =
                map(map(compose.get("secrets")).get(secret)).get("environment").toString();
        assertThat(alertingEnvironment.get("ESTEIRA_ALERTING_API_PASSWORD").toString())
                .as("the secret holds the alerting API password")
                .startsWith("${" + passwordVariable + ":");
    }

    private static Set<String> registeredMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String service : SERVICES) {
            try (Stream<Path> files = Files.walk(Repository.path(service + "/src/main/java"))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher name = MICROMETER_NAME.matcher(Repository.read(file));
                    while (name.find()) {
                        names.add(name.group(1).replace('.', '_'));
                    }
                }
            }
        }
        return names;
    }
}
