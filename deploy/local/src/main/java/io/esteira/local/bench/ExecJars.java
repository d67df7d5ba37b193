package io.esteira.local.bench;

import io.esteira.local.stack.ServiceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The services' runnable jars ({@code <module>-<version>-exec.jar}, which {@code ./mvnw package}
 * leaves in {@code <module>/target/}), so the benchmark can run each service in its own JVM.
 */
record ExecJars(Map<String, Path> jars) {

    ExecJars {
        jars = Map.copyOf(jars);
    }

    Path jar(String service) {
        return jars.get(service);
    }

    /**
     * Looks in {@code servicesDir} (the jars themselves, or module folders with {@code target/}),
     * else in the working directory, the folders above it, and the folders above the running
     * esteira-local.jar: the first place that has all four wins, the newest jar of a service if
     * there are several.
     */
    static Optional<ExecJars> find(Path servicesDir) {
        for (Path root : roots(servicesDir)) {
            Map<String, Path> found = new LinkedHashMap<>();
            for (ServiceSpec service : ServiceSpec.ALL) {
                newest(root, service.name()).ifPresent(jar -> found.put(service.name(), jar));
            }
            if (found.size() == ServiceSpec.ALL.size()) {
                return Optional.of(new ExecJars(found));
            }
        }
        return Optional.empty();
    }

    /** Where {@link #find} looks, in order. */
    static List<Path> roots(Path servicesDir) {
        LinkedHashSet<Path> roots = new LinkedHashSet<>();
        if (servicesDir != null) {
            roots.add(servicesDir.toAbsolutePath().normalize());
            return new ArrayList<>(roots);
        }
        addWithParents(roots, Path.of("").toAbsolutePath(), 3);
        Locations.runningJar().ifPresent(jar -> addWithParents(roots, jar.getParent(), 3));
        Locations.classesDirectory().ifPresent(classes -> addWithParents(roots, classes.getParent(), 3));
        return new ArrayList<>(roots);
    }

    private static void addWithParents(LinkedHashSet<Path> roots, Path start, int levels) {
        Path at = start == null ? null : start.toAbsolutePath().normalize();
        for (int i = 0; at != null && i <= levels; i++, at = at.getParent()) {
            roots.add(at);
        }
    }

    private static Optional<Path> newest(Path root, String module) {
        List<Path> candidates = new ArrayList<>();
        collect(root, module, candidates);
        collect(root.resolve(module).resolve("target"), module, candidates);
        return candidates.stream().max(Comparator.comparingLong(ExecJars::modified));
    }

    private static void collect(Path dir, String module, List<Path> into) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> {
                        String name = f.getFileName().toString();
                        return name.startsWith(module + "-") && name.endsWith("-exec.jar") && Files.isRegularFile(f);
                    })
                    .forEach(into::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + " for the services' jars", e);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
