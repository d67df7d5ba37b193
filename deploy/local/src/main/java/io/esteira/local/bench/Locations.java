package io.esteira.local.bench;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the benchmark runs from: the esteira-local.jar of {@code java -jar}, or a build's classes folder. */
final class Locations {

    private Locations() {}

    /** The jar of {@code java -jar <jar>}, when that is how this JVM was started. */
    static Optional<Path> runningJar() {
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.isEmpty() && !classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
            Path jar = Path.of(classPath).toAbsolutePath().normalize();
            return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The folder of this module's compiled classes (tests and IDE runs), when loaded from one. */
    static Optional<Path> classesDirectory() {
        try {
            URL location = Locations.class.getProtectionDomain().getCodeSource().getLocation();
            if (location != null && "file".equals(location.getProtocol())) {
                Path path = Path.of(location.toURI());
                return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
            }
        } catch (Exception e) {
            // No code source, or not a plain file URL (a nested jar): nothing to go by.
        }
        return Optional.empty();
    }

    /**
     * {@code target/bench} of the build that holds the running jar or classes (deploy/local/target/bench
     * for {@code java -jar deploy/local/target/esteira-local.jar}), else {@code target/bench} in the
     * working directory.
     */
    static Path defaultOutputDirectory() {
        Optional<Path> target =
                runningJar().map(Path::getParent).or(() -> classesDirectory().map(Path::getParent));
        return target.orElse(Path.of("target").toAbsolutePath()).resolve("bench");
    }
}
