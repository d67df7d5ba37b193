package io.esteira.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;

/**
 * One of the four services as the local stack hosts it: its Spring Boot application class and the
 * name its own {@code application.yml} is found under. Each service jar carries an {@code
 * application.yml} at its root; in one JVM those collide, so the stack points each service's
 * context at its own file ({@code spring.config.location}). {@code portOffset} keeps each service on
 * its usual port (extractor 8081, loader 8082, quality 8083, alerting 8084 from the default 8080).
 */
public record ServiceSpec(String name, Class<?> application, int portOffset) {

    public static final ServiceSpec LOADER =
            new ServiceSpec("loader-service", io.esteira.loader.LoaderApplication.class, 2);
    public static final ServiceSpec ALERTING =
            new ServiceSpec("alerting-service", io.esteira.alerting.AlertingApplication.class, 4);
    public static final ServiceSpec EXTRACTOR =
            new ServiceSpec("extractor-service", io.esteira.extractor.ExtractorApplication.class, 1);
    public static final ServiceSpec QUALITY =
            new ServiceSpec("quality-service", io.esteira.quality.QualityApplication.class, 3);

    /** Start order: the loader migrates the DW the others check; alerting listens before anyone alerts. */
    public static final List<ServiceSpec> ALL = List.of(LOADER, ALERTING, EXTRACTOR, QUALITY);

    /** The URL of this service's own {@code application.yml}, wherever its jar or classes are. */
    public String configLocation() {
        try {
            for (URL url : Collections.list(application.getClassLoader().getResources("application.yml"))) {
                String text = url.toString();
                if (text.contains("/" + name + "/") || text.contains("/" + name + "-")) {
                    return text;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the services' application.yml files", e);
        }
        throw new IllegalStateException(
                "No application.yml of " + name + " on the classpath; rebuild with ./mvnw verify");
    }
}
