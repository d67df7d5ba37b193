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
 * them unless {@code --service-jvm-options} names others, so that it measures what is deployed.
 */
public final class ServiceJvmOptions {

    static final String RESOURCE = "jvm.options";

    private ServiceJvmOptions() {}

    /** The shipped options, in order. */
    public static List<String> shipped() {
        try (InputStream in = ServiceJvmOptions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new BenchException("jvm.options is missing from this jar (io/esteira/local/bench/jvm.options):"
                        + " rebuild deploy/local (./mvnw package -pl deploy/local), or pass --service-jvm-options.");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped jvm.options from this jar", e);
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
