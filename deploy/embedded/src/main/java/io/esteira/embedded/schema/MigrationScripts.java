package io.esteira.embedded.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The migrations a schema ships in one folder (SQL scripts, versioned and repeatable Java migrations), as
 * built into {@code target/classes}: {@code db/dw/common}, {@code db/oltp/sqlserver}, …
 */
public final class MigrationScripts {

    private MigrationScripts() {}

    /** File names under the classpath folder {@code <root>/<folder>} (e.g. {@code db/dw}, {@code common}), sorted. */
    public static List<String> of(String root, String folder) {
        String path = "/" + root + "/" + folder;
        URL url = MigrationScripts.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException(path + " is not on the test classpath; build the module that ships it.");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".sql") || name.matches("(V\\d+|R)__\\w+\\.class"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
