package io.esteira.validation;

import static io.esteira.validation.Repository.list;
import static io.esteira.validation.Repository.map;
import static org.assertj.core.api.Assertions.assertThat;

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
