package io.esteira.validation;

import static io.esteira.validation.Repository.list;
import static io.esteira.validation.Repository.map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Applies a kustomize overlay of k8s/ to a Kubernetes API server the way {@code kubectl apply -k} would,
 * for the features the overlays use: resources (files and bases), namespace, configMapGenerator (literals,
 * files, merge), secretGenerator (from the overlay's committed credentials.env.example, since the real
 * file is never committed), images, and JSON 6902 patches with a target. Generated names keep no hash
 * suffix. Each object is read by fabric8's model classes and created on the server, so a manifest the
 * API would not accept fails here.
 */
final class KustomizeOverlay {

    private final Path overlay;
    private final String namespace;
    private final List<HasMetadata> objects = new ArrayList<>();
    private final Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> secrets = new LinkedHashMap<>();

    private KustomizeOverlay(Path overlay) {
        this.overlay = overlay;
        this.namespace = (String) kustomization(overlay).get("namespace");
    }

    static KustomizeOverlay of(String name) {
        return new KustomizeOverlay(Repository.path("k8s/overlays/" + name));
    }

    String namespace() {
        return namespace;
    }

    Map<String, Map<String, String>> secretKeys() {
        return secrets;
    }

    /** Every object of the overlay, after generators, images and patches, as the server holds them. */
    List<HasMetadata> applyTo(KubernetesClient client) {
        collect(overlay, client);
        configMaps.forEach((name, data) -> objects.add(new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withData(data)
                .build()));
        secrets.forEach((name, data) -> {
            Map<String, String> encoded = new LinkedHashMap<>();
            data.forEach((key, value) ->
                    encoded.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
            objects.add(new SecretBuilder()
                    .withNewMetadata()
                    .withName(name)
                    .endMetadata()
                    .withData(encoded)
                    .build());
        });
        Map<String, Object> kustomization = kustomization(overlay);
        applyImages(list(kustomization.get("images")));
        List<HasMetadata> created = new ArrayList<>();
        for (HasMetadata object : objects) {
            if (!(object instanceof Namespace)) {
                object.getMetadata().setNamespace(namespace);
            }
            created.add(client.resource(object).create());
        }
        for (Object patch : list(kustomization.get("patches"))) {
            applyPatch(client, map(patch), created);
        }
        List<HasMetadata> result = new ArrayList<>();
        for (HasMetadata object : created) {
            result.add(client.resource(object).get());
        }
        return result;
    }

    private void collect(Path directory, KubernetesClient client) {
        Map<String, Object> kustomization = kustomization(directory);
        for (Object entry : list(kustomization.get("resources"))) {
            Path resource = directory.resolve(entry.toString()).normalize();
            if (Files.isDirectory(resource)) {
                collect(resource, client);
            } else {
                objects.addAll(client.load(new ByteArrayInputStream(
                                Repository.read(resource).getBytes(StandardCharsets.UTF_8)))
                        .items());
            }
        }
        for (Object generator : list(kustomization.get("configMapGenerator"))) {
            Map<String, Object> definition = map(generator);
            Map<String, String> data =
                    configMaps.computeIfAbsent(definition.get("name").toString(), name -> new LinkedHashMap<>());
            if (!"merge".equals(definition.get("behavior")) && !data.isEmpty()) {
                throw new IllegalStateException("configMapGenerator " + definition.get("name")
                        + " is defined twice without behavior: merge in " + directory);
            }
            for (Object literal : list(definition.get("literals"))) {
                String[] pair = literal.toString().split("=", 2);
                data.put(pair[0], pair[1]);
            }
            for (Object file : list(definition.get("files"))) {
                Path path = directory.resolve(file.toString());
                data.put(path.getFileName().toString(), Repository.read(path));
            }
        }
        for (Object generator : list(kustomization.get("secretGenerator"))) {
            Map<String, Object> definition = map(generator);
            Map<String, String> data =
                    secrets.computeIfAbsent(definition.get("name").toString(), name -> new LinkedHashMap<>());
            for (Object envs : list(definition.get("envs"))) {
                // The real file (secrets/credentials.env) is not committed: its template has every key.
                Path template = directory.resolve(Path.of(envs.toString()).getFileName() + ".example");
                for (String line : Repository.read(template).split("\n")) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        String[] pair = line.split("=", 2);
                        data.put(pair[0], pair.length > 1 ? pair[1] : "");
                    }
                }
            }
        }
    }

    private void applyImages(List<Object> images) {
        for (Object image : images) {
            Map<String, Object> rule = map(image);
            for (HasMetadata object : objects) {
                PodTemplateSpec template = template(object);
                if (template == null) {
                    continue;
                }
                for (Container container : template.getSpec().getContainers()) {
                    String name = container.getImage().replaceAll(":[^:/]+$", "");
                    if (name.equals(rule.get("name"))) {
                        container.setImage(rule.getOrDefault("newName", name) + ":" + rule.get("newTag"));
                    }
                }
            }
        }
    }

    private void applyPatch(KubernetesClient client, Map<String, Object> patch, List<HasMetadata> created) {
        Map<String, Object> target = map(patch.get("target"));
        HasMetadata object = created.stream()
                .filter(o -> o.getKind().equals(target.get("kind"))
                        && o.getMetadata().getName().equals(target.get("name")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Patch " + patch.get("path") + " targets "
                        + target.get("kind") + "/" + target.get("name") + ", which the overlay does not have"));
        Object operations = new Yaml(new LoaderOptions())
                .load(Repository.read(overlay.resolve(patch.get("path").toString())));
        try {
            client.resource(object)
                    .patch(PatchContext.of(PatchType.JSON), new ObjectMapper().writeValueAsString(operations));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PodTemplateSpec template(HasMetadata object) {
        if (object instanceof Deployment deployment) {
            return deployment.getSpec().getTemplate();
        }
        if (object instanceof StatefulSet statefulSet) {
            return statefulSet.getSpec().getTemplate();
        }
        return null;
    }

    static boolean isGenerated(HasMetadata object) {
        return object instanceof ConfigMap || object instanceof Secret;
    }

    private static Map<String, Object> kustomization(Path directory) {
        return Repository.yaml(Repository.ROOT
                .relativize(directory.resolve("kustomization.yaml"))
                .toString());
    }
}
