package io.esteira.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.runtime.config.CatalogProperties;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every overlay of k8s/ (dev, dev-ha, prod), applied to fabric8's mock API server like {@code kubectl apply -k}
 * ({@link KustomizeOverlay}), hold what the cluster needs: probes on the actuator's health groups,
 * requests and limits, non-root security contexts, no secret value in a manifest, the replicas and
 * autoscaling the design asks for, and only settings the services read.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesManifestsIT {

    private static final Set<String> SERVICES =
            Set.of("extractor-service", "loader-service", "quality-service", "alerting-service");

    KubernetesClient client;

    private List<HasMetadata> apply(String overlay) {
        return KustomizeOverlay.of(overlay).applyTo(client);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "dev-ha", "prod"})
    void shouldUseOnlyFieldsTheApiKnows(String overlay) {
        for (HasMetadata object : apply(overlay)) {
            assertThat(UnknownFields.in(object)).as(describe(object)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "dev-ha", "prod"})
    void shouldProbeEveryServiceOnItsManagementPort(String overlay) {
        List<HasMetadata> objects = apply(overlay);
        for (Deployment deployment : of(objects, Deployment.class)) {
            Container container =
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            int managementPort = Integer.parseInt(env(container, "MANAGEMENT_SERVER_PORT"));
            assertThat(container.getPorts())
                    .extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                    .as(describe(deployment))
                    .contains(org.assertj.core.groups.Tuple.tuple("management", managementPort));
            assertHttpProbe(container.getLivenessProbe(), "/actuator/health/liveness", describe(deployment));
            assertHttpProbe(container.getReadinessProbe(), "/actuator/health/readiness", describe(deployment));
            assertHttpProbe(container.getStartupProbe(), "/actuator/health/liveness", describe(deployment));
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                    .as(describe(deployment))
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", String.valueOf(managementPort))
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");
        }
        for (StatefulSet statefulSet : of(objects, StatefulSet.class)) {
            Container container = statefulSet
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0);
            assertThat(container.getLivenessProbe()).as(describe(statefulSet)).isNotNull();
            assertThat(container.getReadinessProbe()).as(describe(statefulSet)).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "dev-ha", "prod"})
    void shouldLimitEveryContainer(String overlay) {
        for (PodTemplateSpec template : templates(apply(overlay))) {
            for (Container container : template.getSpec().getContainers()) {
                assertThat(container.getResources().getRequests())
                        .as(container.getName())
                        .containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits())
                        .as(container.getName())
                        .containsKeys("cpu", "memory");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "dev-ha", "prod"})
    void shouldRunEveryContainerAsNonRootWithoutPrivileges(String overlay) {
        for (PodTemplateSpec template : templates(apply(overlay))) {
            PodSpec pod = template.getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            for (Container container : pod.getContainers()) {
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation())
                        .as(container.getName())
                        .isFalse();
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem())
                        .as(container.getName())
                        .isTrue();
                assertThat(container.getSecurityContext().getCapabilities().getDrop())
                        .as(container.getName())
                        .containsExactly("ALL");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "dev-ha", "prod"})
    void shouldTakeEverySecretFromTheGeneratedSecret(String overlay) {
        KustomizeOverlay kustomize = KustomizeOverlay.of(overlay);
        List<HasMetadata> objects = kustomize.applyTo(client);

        assertThat(objects.stream().filter(Secret.class::isInstance).map(o -> o.getMetadata()
                        .getName()))
                .as("the only Secrets are the generated ones")
                .containsExactlyElementsOf(kustomize.secretKeys().keySet());
        kustomize
                .secretKeys()
                .values()
                .forEach(keys -> keys.forEach((key, value) -> {
                    if (key.endsWith("password")) {
                        assertThat(value)
                                .as("%s in credentials.env.example", key)
                                .isEmpty();
                    }
                }));
        for (PodTemplateSpec template : templates(objects)) {
            for (Container container : template.getSpec().getContainers()) {
                for (EnvVar variable : container.getEnv()) {
                    if (variable.getName().matches(".*(PASSWORD|SECRET|TOKEN).*")) {
                        assertThat(variable.getValue()).as(variable.getName()).isNull();
                        assertThat(variable.getValueFrom().getSecretKeyRef())
                                .as(variable.getName())
                                .isNotNull();
                    }
                    if (variable.getValueFrom() != null
                            && variable.getValueFrom().getSecretKeyRef() != null) {
                        var reference = variable.getValueFrom().getSecretKeyRef();
                        assertThat(kustomize.secretKeys()).containsKey(reference.getName());
                        assertThat(kustomize.secretKeys().get(reference.getName()))
                                .as("%s of %s", variable.getName(), container.getName())
                                .containsKey(reference.getKey());
                    }
                }
            }
        }
        assertThat(Repository.read("k8s/.gitignore")).contains("overlays/*/secrets/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "dev-ha", "prod"})
    void shouldSetOnlySettingsTheServicesRead(String overlay) {
        List<HasMetadata> objects = apply(overlay);
        Map<String, String> config = objects.stream()
                .filter(o -> o.getMetadata().getName().equals("esteira-config"))
                .map(o -> ((io.fabric8.kubernetes.api.model.ConfigMap) o).getData())
                .findFirst()
                .orElseThrow();
        for (Deployment deployment : of(objects, Deployment.class)) {
            String service = deployment.getMetadata().getName();
            Stream.concat(
                            deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                                    .map(EnvVar::getName),
                            config.keySet().stream())
                    .filter(name -> !name.equals("JAVA_TOOL_OPTIONS"))
                    .forEach(name -> assertThat(ServiceProperties.propertyOf(service, name))
                            .as("%s of %s", name, service)
                            .isNotNull());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "dev-ha", "prod"})
    void shouldRunClusteredExtractorsAndAutoscaledLoaders(String overlay) {
        List<HasMetadata> objects = apply(overlay);
        Deployment extractor = named(of(objects, Deployment.class), "extractor-service");
        HorizontalPodAutoscaler loaders = named(of(objects, HorizontalPodAutoscaler.class), "loader-service");

        assertThat(extractor.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(env(
                        extractor
                                .getSpec()
                                .getTemplate()
                                .getSpec()
                                .getContainers()
                                .get(0),
                        "ESTEIRA_EXTRACTOR_CLUSTERED"))
                .isEqualTo("true");
        assertThat(loaders.getSpec().getScaleTargetRef().getName()).isEqualTo("loader-service");
        assertThat(loaders.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(loaders.getSpec().getMaxReplicas())
                .isGreaterThan(loaders.getSpec().getMinReplicas());
        assertThat(named(of(objects, Deployment.class), "loader-service")
                        .getSpec()
                        .getReplicas())
                .as("the HPA owns the loader's replicas")
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "dev-ha", "prod"})
    void shouldCoverEveryWorkloadWithADisruptionBudgetAndAService(String overlay) {
        List<HasMetadata> objects = apply(overlay);
        List<PodDisruptionBudget> budgets = of(objects, PodDisruptionBudget.class);
        List<Service> services = of(objects, Service.class);
        for (PodTemplateSpec template : templates(objects)) {
            Map<String, String> labels = template.getMetadata().getLabels();
            assertThat(budgets).as("a PodDisruptionBudget selects %s", labels).anyMatch(b -> labels.entrySet()
                    .containsAll(b.getSpec().getSelector().getMatchLabels().entrySet()));
            assertThat(services).as("a Service selects %s", labels).anyMatch(s -> labels.entrySet()
                    .containsAll(s.getSpec().getSelector().entrySet()));
        }
        assertThat(of(objects, NetworkPolicy.class))
                .anyMatch(p -> p.getMetadata().getName().equals("default-deny")
                        && (p.getSpec().getPodSelector().getMatchLabels() == null
                                || p.getSpec().getPodSelector().getMatchLabels().isEmpty())
                        && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")));
        assertThat(of(objects, Deployment.class).stream()
                        .map(d -> d.getMetadata().getName()))
                .containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    /** Prometheus's rules reach people through the alerting service: its API port must be open to Prometheus. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "dev-ha", "prod"})
    void shouldLetTheClustersPrometheusPostAlertsToTheAlertingService(String overlay) {
        List<HasMetadata> objects = apply(overlay);
        Service alerting = named(of(objects, Service.class), "alerting-service");
        int apiPort = alerting.getSpec().getPorts().stream()
                .filter(port -> port.getName().equals("http"))
                .findFirst()
                .orElseThrow()
                .getPort();

        assertThat(of(objects, NetworkPolicy.class))
                .as("a NetworkPolicy lets the monitoring namespace reach alerting-service:%d", apiPort)
                .anyMatch(p -> labels(p.getSpec().getPodSelector())
                                .getOrDefault("app.kubernetes.io/name", "")
                                .equals("alerting-service")
                        && p.getSpec().getIngress() != null
                        && p.getSpec().getIngress().stream()
                                .anyMatch(rule -> rule.getFrom().stream().anyMatch(peer -> "true"
                                                .equals(labels(peer.getNamespaceSelector())
                                                        .get("esteira.io/monitoring")))
                                        && rule.getPorts().stream().anyMatch(port -> Integer.valueOf(apiPort)
                                                .equals(port.getPort().getIntVal()))));
    }

    private static Map<String, String> labels(io.fabric8.kubernetes.api.model.LabelSelector selector) {
        return selector == null || selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "dev-ha", "prod"})
    void shouldRunArtemisInDevAPairInDevHaAndUseAnExternalBrokerInProd(String overlay) {
        List<HasMetadata> objects = apply(overlay);
        String brokerUrl = objects.stream()
                .filter(o -> o.getMetadata().getName().equals("esteira-config"))
                .map(o -> ((io.fabric8.kubernetes.api.model.ConfigMap) o)
                        .getData()
                        .get("ESTEIRA_BROKER_URL"))
                .findFirst()
                .orElseThrow();

        if (overlay.equals("dev")) {
            assertThat(named(of(objects, StatefulSet.class), "artemis")).isNotNull();
            assertThat(brokerUrl).isEqualTo("tcp://artemis:61616");
        } else if (overlay.equals("dev-ha")) {
            // A broker pair on one ReadWriteMany journal; the services name both (docs/adr/0015).
            for (String broker : List.of("artemis", "artemis-backup")) {
                StatefulSet statefulSet = named(of(objects, StatefulSet.class), broker);
                Container container = statefulSet
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0);
                assertThat(env(container, "ESTEIRA_BROKER_HA_ROLE"))
                        .isEqualTo(broker.equals("artemis") ? "primary" : "backup");
                assertThat(statefulSet.getSpec().getTemplate().getSpec().getVolumes())
                        .extracting(volume -> volume.getPersistentVolumeClaim() == null
                                ? null
                                : volume.getPersistentVolumeClaim().getClaimName())
                        .contains("artemis-shared");
            }
            assertThat(named(of(objects, io.fabric8.kubernetes.api.model.PersistentVolumeClaim.class), "artemis-shared")
                            .getSpec()
                            .getAccessModes())
                    .containsExactly("ReadWriteMany");
            assertThat(brokerUrl)
                    .isEqualTo("(tcp://artemis:61616,tcp://artemis-backup:61616)?ha=true&reconnectAttempts=-1");
        } else {
            assertThat(of(objects, StatefulSet.class)).isEmpty();
            assertThat(brokerUrl).doesNotContain("tcp://artemis:");
        }
    }

    /**
     * The operator's entity catalog, the base's generated ConfigMap {@code esteira-catalog}, is mounted
     * read-only at the path the services read when {@code esteira.catalog.file} is unset into every service
     * that reads the catalog; as shipped it starts them with the shipped entities alone.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "dev-ha", "prod"})
    void shouldMountTheOperatorsCatalogReadOnlyAtTheDefaultPathIntoEveryServiceThatReadsIt(String overlay) {
        List<HasMetadata> objects = apply(overlay);
        ConfigMap catalog = named(of(objects, ConfigMap.class), "esteira-catalog");
        for (String service : OperatorCatalog.READERS) {
            PodSpec pod = named(of(objects, Deployment.class), service)
                    .getSpec()
                    .getTemplate()
                    .getSpec();
            VolumeMount mount = pod.getContainers().get(0).getVolumeMounts().stream()
                    .filter(m -> m.getMountPath().equals(CatalogProperties.DEFAULT_FILE))
                    .findFirst()
                    .orElseThrow(
                            () -> new AssertionError(service + " mounts nothing at " + CatalogProperties.DEFAULT_FILE));
            assertThat(mount.getReadOnly()).as(service).isTrue();
            assertThat(pod.getVolumes())
                    .as("%s's volume %s", service, mount.getName())
                    .anyMatch(v -> v.getName().equals(mount.getName())
                            && v.getConfigMap() != null
                            && v.getConfigMap().getName().equals("esteira-catalog"));
            assertThat(catalog.getData()).as("esteira-catalog").containsKey(mount.getSubPath());
            OperatorCatalog.assertValid("esteira-catalog", catalog.getData().get(mount.getSubPath()));
        }
    }

    @org.junit.jupiter.api.Test
    void shouldCommitNoSecretManifest() throws Exception {
        try (Stream<Path> files = Files.walk(Repository.path("k8s"))) {
            files.filter(f -> f.toString().endsWith(".yaml"))
                    .forEach(f ->
                            assertThat(Repository.read(f)).as(f.toString()).doesNotContainPattern("(?m)^kind: Secret"));
        }
    }

    private static void assertHttpProbe(Probe probe, String path, String what) {
        assertThat(probe).as(what + " " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(what).isEqualTo("management");
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream()
                .filter(v -> v.getName().equals(name))
                .map(EnvVar::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }

    private static List<PodTemplateSpec> templates(List<HasMetadata> objects) {
        return objects.stream()
                .map(KustomizeOverlay::template)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private static <T extends HasMetadata> List<T> of(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T named(List<T> objects, String name) {
        return objects.stream()
                .filter(o -> o.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }

    private static String describe(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}
