package io.esteira.alerting.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.alerting.delivery.WebhookTargetPolicy;
import io.esteira.alerting.routing.RouteNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

/**
 * The routing files the project ships, bound and validated as the service does at start-up, against a
 * table of labels and the receivers docs/operations.md promises: in compose, every alert mails
 * data-ops (receiver {@code operators}) and goes to the service log, critical ones also mail on-call.
 */
class ShippedRoutesTest {

    private static final Path COMPOSE_ROUTES = Path.of("..", "deploy", "compose", "alerting", "alerting.yml");
    private static final WebhookTargetPolicy NO_WEBHOOKS =
            new WebhookTargetPolicy(List.of(), List.of("https"), host -> new InetAddress[0]);

    @ParameterizedTest(name = "compose: severity={0}, kind={1}, entity={2} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "critical | dlq              | orders    | on-call operators log",
                "critical | pipeline-failure | customers | on-call operators log",
                "warning  | sla              | products  | operators log",
                "warning  | quality          | ''        | operators log",
                "info     | quality          | sellers   | operators log",
            })
    void shouldRouteTheComposeStacksAlertsAsTheOperationsGuideSays(
            String severity, String kind, String entity, String receivers) throws IOException {
        AlertingSetup setup = setup(COMPOSE_ROUTES);

        assertThat(receivers(setup.root(), severity, kind, entity))
                .isEqualTo(new TreeSet<>(List.of(receivers.split(" "))));
    }

    @Test
    void shouldSendTheComposeStacksDeliveryAlertsToDataOps() throws IOException {
        AlertingSetup setup = setup(COMPOSE_ROUTES);

        assertThat(setup.fallbackRoute()).map(RouteNode::receiver).hasValue("operators");
        assertThat(setup.receivers().get("operators").email().to()).containsExactly("data-ops@esteira.local");
        assertThat(setup.receivers().get("on-call").email().to()).containsExactly("on-call@esteira.local");
    }

    @Test
    void shouldLogEveryAlertWithTheServicesOwnDefaults() throws IOException {
        AlertingSetup setup = setup(null);

        assertThat(receivers(setup.root(), "critical", "dlq", "orders")).containsExactly("log");
        assertThat(receivers(setup.root(), "info", "quality", "")).containsExactly("log");
    }

    private static Set<String> receivers(RouteNode root, String severity, String kind, String entity) {
        Map<String, String> labels = Map.of(
                "severity", severity,
                "kind", kind,
                "entity", entity,
                "source", "loader-service",
                "fingerprint", kind + "/" + entity);
        Set<String> receivers = new TreeSet<>();
        root.match(labels).forEach(route -> receivers.add(route.receiver()));
        return receivers;
    }

    /** application.yml, then the overlay file as SPRING_CONFIG_ADDITIONAL_LOCATION adds it. */
    private static AlertingSetup setup(Path overlay) throws IOException {
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        StandardEnvironment environment = new StandardEnvironment();
        if (overlay != null) {
            assertThat(overlay).as("shipped routing file").exists();
            for (PropertySource<?> source : yaml.load(overlay.toString(), new FileSystemResource(overlay))) {
                environment.getPropertySources().addLast(source);
            }
        }
        for (PropertySource<?> source : yaml.load("application.yml", new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(source);
        }
        AlertingProperties properties = Binder.get(environment)
                .bind("esteira.alerting", AlertingProperties.class)
                .get();
        return AlertingConfigValidator.validate(properties, NO_WEBHOOKS);
    }
}
