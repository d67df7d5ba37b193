package io.esteira.validation;

import static io.esteira.validation.Repository.list;
import static io.esteira.validation.Repository.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.esteira.runtime.config.CatalogProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose/docker-compose.yml: valid against the Compose Specification's JSON Schema (a copy in
 * src/test/resources/compose-spec.json), accepted by docker-compose 1.29 (no top-level name), and
 * consistent with itself, the repository and the services' configuration names.
 */
class ComposeFileTest {

    private static final String COMPOSE_DIR = "deploy/compose";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?:(?::?[-?])[^}]*)?}");
    private static final Set<String> ESTEIRA_SERVICES =
            Set.of("extractor-service", "loader-service", "quality-service", "alerting-service");

    private final Map<String, Object> compose = Repository.yaml(COMPOSE_DIR + "/docker-compose.yml");
    private final Map<String, Object> services = map(compose.get("services"));

    @Test
    void shouldConformToTheComposeSpecification() throws Exception {
        ObjectMapper json = new ObjectMapper();
        // The schema's $id is relative ("compose_spec.json"): load it from a location it can resolve against.
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:compose-spec.json"));
        JsonNode document = json.valueToTree(compose);

        Set<ValidationMessage> errors = schema.validate(document);

        assertThat(errors).isEmpty();
    }

    @Test
    void shouldHaveNoTopLevelNameForDockerCompose129() {
        assertThat(compose).doesNotContainKey("name");
    }

    @Test
    void shouldDependOnlyOnDefinedServicesAndWaitForOneShotJobsToSucceed() {
        services.forEach(
                (name, definition) -> map(map(definition).get("depends_on")).forEach((target, condition) -> {
                    assertThat(services).as("%s depends on %s", name, target).containsKey(target);
                    if ("service_completed_successfully".equals(map(condition).get("condition"))) {
                        assertThat(map(services.get(target)).get("restart"))
                                .as("%s is a one-shot job", target)
                                .isEqualTo("no");
                    }
                }));
    }

    @Test
    void shouldDeclareEveryNamedVolumeAndFindEveryBindMount() {
        Set<String> declared = map(compose.get("volumes")).keySet();
        services.forEach((name, definition) -> {
            for (Object volume : list(map(definition).get("volumes"))) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(Repository.path(COMPOSE_DIR).resolve(source).normalize())
                            .as("bind mount of %s", name)
                            .exists();
                } else {
                    assertThat(declared).as("named volume of %s", name).contains(source);
                }
            }
        });
    }

    @Test
    void shouldBuildFromDockerfilesThatExist() {
        services.forEach((name, definition) -> {
            Map<String, Object> build = map(map(definition).get("build"));
            if (!build.isEmpty()) {
                Path context = Repository.path(COMPOSE_DIR)
                        .resolve(build.get("context").toString())
                        .normalize();
                assertThat(context).as("build context of %s", name).isEqualTo(Repository.ROOT);
                assertThat(context.resolve(build.get("dockerfile").toString()))
                        .as("Dockerfile of %s", name)
                        .exists();
            }
        });
        assertThat(Repository.path(".dockerignore")).exists();
    }

    /**
     * The JVM options are the image's ({@code jvm.options}, read by the Dockerfile's entry point), which
     * the memory limits are measured with: a service that set its own would run with the JVM's defaults
     * for what it leaves out.
     */
    @Test
    void shouldLeaveTheJvmOptionsToTheImageAndLimitEachServicesMemory() {
        assertThat(Repository.path("jvm.options")).exists();
        assertThat(Repository.read("Dockerfile"))
                .contains("COPY --chown=10001:10001 jvm.options jvm.options")
                .contains(
                        "ENTRYPOINT [\"java\", \"@/app/jvm.options\", \"-XX:SharedArchiveFile=/app/app.jsa\", \"-jar\", \"/app/app.jar\"]");
        for (String name : ESTEIRA_SERVICES) {
            Map<String, Object> service = map(services.get(name));
            assertThat(map(service.get("environment")))
                    .as("environment of %s", name)
                    .doesNotContainKeys("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS");
            assertThat(service.get("mem_limit")).as("mem_limit of %s", name).isNotNull();
        }
    }

    /**
     * The class data sharing archive is written by a training run (cds-training.options, which the bench's
     * training run reads too) with the very options and the very jar path the entry point runs with: an archive dumped under other options, or with the jar named another
     * way ("app.jar" from /app), is refused at start, and the JVM then starts without it, silently slower
     * (docs/adr/0019-class-data-sharing.md); the build checks that it maps (-Xshare:on).
     */
    @Test
    void shouldTrainTheClassDataSharingArchiveWithTheOptionsTheImageRunsWith() {
        assertThat(Repository.read("Dockerfile"))
                .contains("--mount=type=bind,source=jvm.options,target=/tmp/jvm.options")
                .contains("--mount=type=bind,source=cds-training.options,target=/tmp/cds-training.options")
                .contains("java @/tmp/jvm.options @/tmp/cds-training.options -XX:ArchiveClassesAtExit=/app/app.jsa"
                        + " -jar /app/app.jar")
                .contains(
                        "-XX:SharedArchiveFile=/app/app.jsa -Xshare:on -XX:+PrintSharedArchiveAndExit -jar /app/app.jar")
                .contains(
                        "ENTRYPOINT [\"java\", \"@/app/jvm.options\", \"-XX:SharedArchiveFile=/app/app.jsa\", \"-jar\","
                                + " \"/app/app.jar\"]");
    }

    /**
     * The operator's entity catalog, {@code catalog/entities.yml} next to the compose file, reaches every
     * service that reads the catalog, read-only, at the path the services read when {@code
     * esteira.catalog.file} is unset; as shipped it starts them with the shipped entities alone.
     */
    @Test
    void shouldMountTheOperatorsCatalogReadOnlyAtTheDefaultPathIntoEveryServiceThatReadsIt() {
        String mount = "./catalog/entities.yml:" + CatalogProperties.DEFAULT_FILE + ":ro";
        for (String name : OperatorCatalog.READERS) {
            Map<String, Object> service = map(services.get(name));
            assertThat(list(service.get("volumes"))).as("volumes of %s", name).contains(mount);
            assertThat(environment(service).keySet())
                    .as("environment of %s", name)
                    .doesNotContain("ESTEIRA_CATALOG_FILE");
        }
        OperatorCatalog.assertValid(
                COMPOSE_DIR + "/catalog/entities.yml", Repository.read(COMPOSE_DIR + "/catalog/entities.yml"));
    }

    @Test
    void shouldTakeEverySecretFromTheEnvironmentFile() {
        Set<String> example = envExampleKeys();
        Set<String> used = new TreeSet<>();
        // The broker pair's file (docker-compose.ha.yml) is laid over the main one and reads the same .env.
        for (String file : List.of("/docker-compose.yml", "/docker-compose.ha.yml")) {
            Matcher matcher = VARIABLE.matcher(Repository.read(COMPOSE_DIR + file));
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }

        assertThat(example)
                .as(".env.example documents every variable the compose file uses")
                .containsAll(used);
        assertThat(used).as("every variable of .env.example is used").containsAll(example);
        services.forEach((name, definition) -> environment(definition).forEach((key, value) -> {
            if (key.matches(".*(PASSWORD|SECRET|TOKEN).*")) {
                assertThat(value).as("%s of %s", key, name).matches("\\$\\{[A-Z0-9_]+:\\?[^}]+}");
            }
        }));
        assertThat(Repository.read(COMPOSE_DIR + "/.gitignore")).contains(".env");
        assertThat(Repository.read(".dockerignore")).contains("deploy/compose/.env");
    }

    @Test
    void shouldSetOnlySettingsTheServicesRead() {
        List<String> unknown = new ArrayList<>();
        for (String service : ESTEIRA_SERVICES) {
            environment(services.get(service)).keySet().stream()
                    .filter(key -> key.matches("(ESTEIRA|SERVER|MANAGEMENT|SPRING)_.*"))
                    .filter(key -> ServiceProperties.propertyOf(service, key) == null)
                    .forEach(key -> unknown.add(service + ": " + key));
        }

        assertThat(unknown)
                .as("environment variables that bind to no known property")
                .isEmpty();
    }

    @Test
    void shouldGiveEveryServiceItsConnectionsAndTheOperatorLogin() {
        for (String service : ESTEIRA_SERVICES) {
            Set<String> bound = new TreeSet<>();
            environment(services.get(service)).keySet().forEach(key -> {
                String property = ServiceProperties.propertyOf(service, key);
                if (property != null) {
                    bound.add(property);
                }
            });
            assertThat(bound)
                    .as(service)
                    .contains("esteira.dw.url", "esteira.dw.password", "esteira.broker.url", "esteira.broker.password");
            assertThat(bound)
                    .as(service + " login")
                    .containsAnyOf("esteira.security.password", "esteira.alerting.api.password");
        }
    }

    @Test
    void shouldPublishPortsOnTheLoopbackOnly() {
        services.forEach((name, definition) -> {
            for (Object port : list(map(definition).get("ports"))) {
                assertThat(port.toString()).as("port of %s", name).startsWith("127.0.0.1:");
            }
        });
    }

    @Test
    void shouldScrapeEveryServiceOnItsManagementPort() {
        Map<String, Object> prometheus = Repository.yaml(COMPOSE_DIR + "/prometheus/prometheus.yml");
        Set<String> targets = new TreeSet<>();
        for (Object job : list(prometheus.get("scrape_configs"))) {
            for (Object config : list(map(job).get("static_configs"))) {
                list(map(config).get("targets")).forEach(target -> targets.add(target.toString()));
            }
        }

        for (String service : ESTEIRA_SERVICES) {
            String managementPort = environmentOfImage(service);
            assertThat(targets).contains(service + ":" + managementPort);
        }
    }

    /**
     * The management port the service's image sets: the one Dockerfile turns the build argument
     * MANAGEMENT_PORT into MANAGEMENT_SERVER_PORT.
     */
    private String environmentOfImage(String service) {
        assertThat(Repository.read("Dockerfile")).contains("MANAGEMENT_SERVER_PORT=${MANAGEMENT_PORT}");
        Map<String, Object> args =
                map(map(map(services.get(service)).get("build")).get("args"));
        assertThat(args).as("build args of %s", service).containsEntry("SERVICE", service);
        assertThat(args.get("MANAGEMENT_PORT"))
                .as("%s's build arg MANAGEMENT_PORT", service)
                .isNotNull();
        return args.get("MANAGEMENT_PORT").toString();
    }

    private static Map<String, String> environment(Object service) {
        Object environment = map(service).get("environment");
        Map<String, String> result = new java.util.TreeMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> result.put(key.toString(), String.valueOf(value)));
        } else {
            for (Object entry : list(environment)) {
                String[] parts = entry.toString().split("=", 2);
                result.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return result;
    }

    private static Set<String> envExampleKeys() {
        Set<String> keys = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(Repository.path(COMPOSE_DIR + "/.env.example"))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    keys.add(line.substring(0, line.indexOf('=')));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return keys;
    }
}
