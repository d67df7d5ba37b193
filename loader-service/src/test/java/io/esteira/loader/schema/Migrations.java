package io.esteira.loader.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The migrations a vendor ships (SQL scripts, versioned and repeatable Java migrations), as built into target/classes. */
final class Migrations {

    private Migrations() {}

    /** How many migrations Flyway applies to an empty warehouse of {@code vendor}: its own and the common ones. */
    static int applied(String vendor) {
        return of(vendor).size() + of("common").size();
    }

    /** File names under {@code db/dw/<folder>} ({@code postgresql}, {@code sqlserver} or {@code common}), sorted. */
    static List<String> of(String vendor) {
        try {
            Path folder =
                    Path.of(Migrations.class.getResource("/db/dw/" + vendor).toURI());
            try (Stream<Path> files = Files.list(folder)) {
                return files.map(file -> file.getFileName().toString())
                        .filter(name -> name.endsWith(".sql") || name.matches("(V\\d+|R)__\\w+\\.class"))
                        .sorted()
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
