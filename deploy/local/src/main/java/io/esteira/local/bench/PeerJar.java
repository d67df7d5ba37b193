package io.esteira.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Debezium peer's runnable jar ({@code peer-debezium-<version>-exec.jar}, which {@code ./mvnw package}
 * leaves in {@code deploy/peer-debezium/target/}): given, or looked for where the services' jars are.
 */
final class PeerJar {

    static final String MODULE = "peer-debezium";

    private PeerJar() {}

    static Path find(Path given) {
        if (given != null) {
            if (!Files.isRegularFile(given)) {
                throw new BenchException("--peer-jar " + given + " is not a file: build it with ./mvnw package"
                        + " -pl deploy/peer-debezium -am, or leave --peer-jar out.");
            }
            return given;
        }
        List<Path> roots = ExecJars.roots(null);
        for (Path root : roots) {
            for (Path dir : List.of(
                    root,
                    root.resolve("target"),
                    root.resolve(MODULE).resolve("target"),
                    root.resolve("deploy").resolve(MODULE).resolve("target"))) {
                Optional<Path> jar = newest(dir);
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
        }
        throw new BenchException("The Debezium peer's runnable jar (" + MODULE + "-*-exec.jar) is not under " + roots
                + ": build it (./mvnw package -pl deploy/peer-debezium -am) or give --peer-jar.");
    }

    private static Optional<Path> newest(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> {
                        String name = f.getFileName().toString();
                        return name.startsWith(MODULE + "-") && name.endsWith("-exec.jar");
                    })
                    .max(Comparator.comparingLong(f -> f.toFile().lastModified()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
