package io.esteira.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Files of the repository that the checks read, found from the module's working directory. */
final class Repository {

    static final Path ROOT = findRoot();

    private Repository() {}

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        return read(path(relative));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + ROOT.relativize(file), e);
        }
    }

    /** One YAML document as maps and lists (merge keys resolved, no custom tags). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String relative) {
        return (Map<String, Object>) new Yaml(new LoaderOptions()).load(read(relative));
    }

    /** Every document of a multi-document YAML file. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlDocuments(Path file) {
        List<Map<String, Object>> documents = new java.util.ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(read(file))) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Run the validation from inside the repository (no mvnw found above "
                    + Path.of("").toAbsolutePath() + ").");
        }
        return dir;
    }
}
