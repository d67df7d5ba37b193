package io.esteira.quality;

import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.embedded.junit.PostgresDatabase;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the quality service as its own process would, on the tests' databases and broker. */
final class QualityService {

    private QualityService() {}

    /**
     * The service with the checks of {@code defaultChecks} amended by {@code checksFile}, plus
     * {@code sources} (test beans, e.g. a fixed clock). Command-line arguments: they outrank the shared
     * esteira-defaults, as an operator's flags would.
     */
    static ConfigurableApplicationContext start(
            PostgresDatabase oltp,
            PostgresDatabase dw,
            ArtemisBroker broker,
            String defaultChecks,
            String checksFile,
            Class<?>... sources) {
        return start(oltp, dw, broker, defaultChecks, checksFile, List.of(), sources);
    }

    /**
     * The service with the shipped checks, no operator's checks file and the entity catalog amended by
     * {@code catalogFile} ({@code esteira.catalog.file}).
     */
    static ConfigurableApplicationContext startWithCatalog(
            PostgresDatabase oltp, PostgresDatabase dw, ArtemisBroker broker, String catalogFile) {
        return start(
                oltp,
                dw,
                broker,
                "classpath:quality-checks.yml",
                "target/no-such-file.yml",
                List.of("--esteira.catalog.file=" + catalogFile));
    }

    private static ConfigurableApplicationContext start(
            PostgresDatabase oltp,
            PostgresDatabase dw,
            ArtemisBroker broker,
            String defaultChecks,
            String checksFile,
            List<String> more,
            Class<?>... sources) {
        List<Class<?>> all = new ArrayList<>();
        all.add(QualityApplication.class);
        all.addAll(List.of(sources));
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--esteira.oltp.url=" + oltp.jdbcUrl(),
                "--esteira.oltp.username=" + oltp.username(),
                "--esteira.dw.url=" + dw.jdbcUrl(),
                "--esteira.dw.username=" + dw.username(),
                "--esteira.broker.url=" + broker.url(),
                "--esteira.quality.default-checks=" + defaultChecks,
                "--esteira.quality.checks-file=" + checksFile));
        args.addAll(more);
        return new SpringApplicationBuilder(all.toArray(Class<?>[]::new)).run(args.toArray(String[]::new));
    }
}
