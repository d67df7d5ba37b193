package io.esteira.local.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The services' JVM options as the images ship them: {@code jvm.options} at the repository's root, in
 * the java launcher's @-file format, which the Dockerfile's {@code ENTRYPOINT} passes as {@code
 * @/app/jvm.options} and the build copies into this jar. The benchmark starts each service JVM with
 * them unless {@code --service-jvm-options} names others, so that it measures what is deployed. Beside
 * it, {@code cds-training.options}: what makes a start the class data sharing training run that the
 * Dockerfile runs at build time and the benchmark before a service's first start (ADR 19, ADR 23).
 */
public final class ServiceJvmOptions {

    static final String RESOURCE = "jvm.options";

    static final String TRAINING_RESOURCE = "cds-training.options";

    private ServiceJvmOptions() {}

    /** The shipped options, in order. */
    public static List<String> shipped() {
        return read(RESOURCE, "or pass --service-jvm-options");
    }

    /** The options of the class data sharing training run, added to the service's own, in order. */
    static List<String> training() {
        return read(TRAINING_RESOURCE, "or pass --no-class-archives");
    }

    private static List<String> read(String resource, String otherwise) {
        try (InputStream in = ServiceJvmOptions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new BenchException(resource + " is missing from this jar (io/esteira/local/bench/" + resource
                        + "): rebuild deploy/local (./mvnw package -pl deploy/local), " + otherwise + ".");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped " + resource + " from this jar", e);
        }
    }

    /** The options of an @-file: whitespace-separated, lines starting with {@code #} left out. */
    static List<String> parse(String argumentFile) {
        return argumentFile
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .flatMap(line -> Arrays.stream(line.split("\\s+")))
                .toList();
    }
}
