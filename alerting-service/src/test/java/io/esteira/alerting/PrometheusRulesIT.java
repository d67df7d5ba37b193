package io.esteira.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.embedded.junit.PostgresDatabase;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * Every rule of the shipped Prometheus rules file ({@code deploy/compose/prometheus/rules.yml}), firing:
 * the test posts to {@code POST /api/v2/alerts} the body Prometheus's notifier sends for it (labels: the
 * alert name, the rule's labels, the series labels its expression keeps and the compose stack's external
 * label; annotations expanded; {@code endsAt} ahead, as Prometheus sets it for a firing alert), and the
 * alerting service, running with the compose stack's routing file ({@code deploy/compose/alerting/
 * alerting.yml}), mails it to the receivers that file promises: data-ops always, on-call when critical.
 * The SMTP server is GreenMail. (Evaluating the rules' expressions needs Prometheus itself;
 * {@code MonitoringTest} keeps their metric names to those the services register.)
 */
// The loader owns the DW schema: its Flyway (on the test classpath for DwSchema) must not run here. The
// compose stack's routing file is added as SPRING_CONFIG_ADDITIONAL_LOCATION adds it there.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.flyway.enabled=false",
            "spring.config.additional-location=file:../deploy/compose/alerting/alerting.yml"
        })
@DirtiesContext
class PrometheusRulesIT {

    private static final Path RULES = Path.of("..", "deploy", "compose", "prometheus", "rules.yml");
    private static final String USER = "operator";
    private static final String PASSWORD = "it-password";

    /** A value for each series label a rule's expression keeps, as a scrape of the compose stack has them. */
    private static final Map<String, String> SERIES = Map.of(
            "job", "loader-service",
            "instance", "loader-service:9082",
            "entity", "set per rule",
            "receiver", "operators",
            "check", "orders_without_items",
            "kind", "orphans");

    private static final Pattern BY = Pattern.compile("by \\(([^)]*)\\)");
    private static final Pattern LABEL_REFERENCE = Pattern.compile("\\$labels\\.(\\w+)");
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("alerting_rules");

    @RegisterExtension
    static final ArtemisBroker broker = new ArtemisBroker();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
                    new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        DwTestSchema.create(dw);
        registry.add("esteira.dw.url", dw::jdbcUrl);
        registry.add("esteira.dw.username", dw::username);
        registry.add("esteira.broker.url", broker::url);
        registry.add("esteira.alerting.api.username", () -> USER);
        registry.add("esteira.alerting.api.password", () -> PASSWORD);
        registry.add("esteira.alerting.flush-interval", () -> "50ms");
        registry.add("esteira.alerting.route.group-wait", () -> "200ms");
        registry.add("esteira.alerting.smtp.host", () -> "127.0.0.1");
        registry.add("esteira.alerting.smtp.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired
    TestRestTemplate http;

    private static ConfigurableApplicationContext application;

    @Autowired
    void keep(ConfigurableApplicationContext context) {
        application = context;
    }

    @AfterAll
    static void stopBeforeBroker() throws Exception {
        BeforeBrokerStops.stop(application);
    }

    @Test
    void shouldMailEveryShippedRuleFiringToTheReceiversOfTheComposeRoutes() throws Exception {
        List<Map<String, Object>> rules = rules();
        assertThat(rules).as("rules in %s", RULES).isNotEmpty();
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Map<String, Object> rule : rules) {
            alerts.add(firing(rule, "entity_" + alerts.size()));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        // Prometheus sends its firing alerts in batches, the same body at every evaluation.
        String body = new ObjectMapper().writeValueAsString(alerts);
        ResponseEntity<String> posted = http.withBasicAuth(USER, PASSWORD)
                .postForEntity("/api/v2/alerts", new HttpEntity<>(body, headers), String.class);
        assertThat(posted.getStatusCode()).as("%s", posted.getBody()).isEqualTo(HttpStatus.OK);

        for (Map<String, Object> alert : alerts) {
            @SuppressWarnings("unchecked")
            Map<String, String> labels = (Map<String, String>) alert.get("labels");
            @SuppressWarnings("unchecked")
            Map<String, String> annotations = (Map<String, String>) alert.get("annotations");
            String summary = annotations.get("summary");
            TreeSet<String> expected = new TreeSet<>(List.of("data-ops@esteira.local"));
            if ("critical".equals(labels.get("severity"))) {
                expected.add("on-call@esteira.local");
            }
            await(labels.get("alertname") + " mailed to " + expected)
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> recipientsOfMailsAbout(summary).equals(expected));
            assertThat(mailsAbout(summary))
                    .as("mails of %s", labels.get("alertname"))
                    .hasSize(expected.size())
                    .allSatisfy(mail -> assertThat(GreenMailUtil.getBody(mail))
                            .contains(labels.get("alertname"))
                            .contains("kind: " + labels.get("kind") + ",")
                            .contains(annotations.get("runbook_url")));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() throws IOException {
        Map<String, Object> file;
        try (InputStream in = Files.newInputStream(RULES)) {
            file = new Yaml().load(in);
        }
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    /**
     * What Prometheus's notifier posts for the rule while it fires, for an entity of its own (a firing
     * pipeline-failure would otherwise mute the sla alert of its entity: inhibition).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> firing(Map<String, Object> rule, String entity) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", (String) rule.get("alert"));
        String expr = (String) rule.get("expr");
        List<String> kept = new ArrayList<>();
        Matcher by = BY.matcher(expr);
        while (by.find()) {
            Arrays.stream(by.group(1).split(","))
                    .map(String::trim)
                    .filter(name -> !name.equals("le"))
                    .forEach(kept::add);
        }
        if (kept.isEmpty()) {
            // No aggregation: the series keeps its scrape labels.
            kept.addAll(List.of("job", "instance"));
        }
        Map<String, String> ruleAnnotations = (Map<String, String>) rule.get("annotations");
        Matcher reference = LABEL_REFERENCE.matcher(String.join(" ", ruleAnnotations.values()));
        while (reference.find()) {
            kept.add(reference.group(1));
        }
        Map<String, String> series = new LinkedHashMap<>();
        for (String name : kept) {
            assertThat(SERIES).as("a sample value for series label %s", name).containsKey(name);
            series.put(name, name.equals("entity") ? entity : SERIES.get(name));
        }
        // Templates see the series' labels; the alert has them, overridden by the rule's, and the external ones.
        labels.putAll(series);
        labels.putAll((Map<String, String>) rule.getOrDefault("labels", Map.of()));
        labels.put("stack", "esteira-compose");

        Map<String, String> annotations = new LinkedHashMap<>();
        ruleAnnotations.forEach((name, template) -> annotations.put(name, expand(template, series)));
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("labels", labels);
        alert.put("annotations", annotations);
        alert.put("startsAt", Instant.now().minusSeconds(120).toString());
        alert.put("endsAt", Instant.now().plusSeconds(240).toString());
        alert.put("generatorURL", "http://prometheus:9090/graph?g0.expr=" + rule.get("alert"));
        return alert;
    }

    /** Prometheus's template expansion, for what the rules use: labels and the value (42). */
    private static String expand(String template, Map<String, String> labels) {
        Matcher matcher = TEMPLATE.matcher(template);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String expression = matcher.group(1);
            Matcher label = LABEL_REFERENCE.matcher(expression);
            String value = label.find() ? labels.get(label.group(1)) : "42";
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }

    private static List<MimeMessage> mailsAbout(String summary) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> GreenMailUtil.getBody(m).contains(summary))
                .toList();
    }

    /** GreenMail keeps one message per recipient: the recipients that received a mail about the summary. */
    private static TreeSet<String> recipientsOfMailsAbout(String summary) throws MessagingException {
        TreeSet<String> recipients = new TreeSet<>();
        for (MimeMessage mail : mailsAbout(summary)) {
            for (var address : mail.getRecipients(Message.RecipientType.TO)) {
                recipients.add(address.toString());
            }
        }
        return recipients;
    }
}
