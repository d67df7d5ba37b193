package io.esteira.extractor.capture;

import static io.esteira.extractor.ExtractorTestSupport.drain;
import static io.esteira.extractor.ExtractorTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.ChangeBatch;
import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.extractor.ExtractorApplication;
import io.esteira.loader.schema.DwSchema;
import io.esteira.oltp.OltpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two extractors sharing Quartz's clustered job store in the DW — one in this JVM, one in its own
 * process (one JVM cannot hold two nodes of one Quartz cluster: they would share the scheduler): an
 * entity is never extracted by both at once, every row arrives once, and when one extractor is
 * killed (kill -9) the other carries on.
 */
class ClusteredExtractorsIT {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("cluster_oltp");

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("cluster_dw");

    @RegisterExtension
    static final ArtemisBroker broker = new ArtemisBroker();

    private static final Path EXEC_JAR = Path.of("target", "extractor-service-0.1.0-SNAPSHOT-exec.jar");

    private static String[] arguments(String instance) {
        return new String[] {
            "--server.port=0",
            "--management.server.port=0",
            "--spring.jmx.enabled=false",
            "--esteira.oltp.url=" + oltp.jdbcUrl(),
            "--esteira.oltp.username=" + oltp.username(),
            "--esteira.dw.url=" + dw.jdbcUrl(),
            "--esteira.dw.username=" + dw.username(),
            "--esteira.broker.url=" + broker.url(),
            "--esteira.extractor.clustered=true",
            "--esteira.extractor.listen=false",
            "--esteira.extractor.interval=PT1S",
            "--esteira.extractor.batch-size=50",
            "--spring.application.name=extractor-" + instance
        };
    }

    private static Process extractorProcess(String instance) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                EXEC_JAR.toString()));
        command.addAll(List.of(arguments(instance)));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        Path.of("target", "extractor-" + instance + ".log").toFile())
                .start();
    }

    @Test
    void shouldNeverRunAnEntityOnTwoExtractorsAtOnceAndCarryOnWhenOneStops() throws Exception {
        OltpSchema.migrate(oltp.dataSource());
        DwSchema.migrate(dw.dataSource());
        JdbcTemplate source = new JdbcTemplate(oltp.dataSource());
        JdbcTemplate warehouse = new JdbcTemplate(dw.dataSource());
        List<ChangeBatch> batches = new ArrayList<>();

        Assumptions.assumeTrue(
                Files.exists(EXEC_JAR), EXEC_JAR + " is built by the package phase; run this test with ./mvnw verify");
        try (ConfigurableApplicationContext first =
                new SpringApplicationBuilder(ExtractorApplication.class).run(arguments("a"))) {
            Process second = extractorProcess("b");
            try {
                Awaitility.await()
                        .atMost(Duration.ofSeconds(120))
                        .until(() -> warehouse.queryForObject(
                                        "SELECT COUNT(DISTINCT instance_name) FROM ctl.qrtz_scheduler_state",
                                        Integer.class)
                                == 2);
                for (int i = 0; i < 20; i++) {
                    source.update("INSERT INTO core.regions (name, state, country)"
                            + " SELECT 'r' || g, 'SP', 'BR' FROM generate_series(1, 40) g");
                }
                Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
                    batches.addAll(drain(broker.connectionFactory(), "regions"));
                    return rows(batches).size() >= 800;
                });
            } finally {
                // kill -9: no clean shutdown, its Quartz node just stops checking in.
                second.destroyForcibly().waitFor();
            }
            // The second one is gone; the first takes over its triggers and carries on.
            source.update("INSERT INTO core.regions (name, state, country)"
                    + " SELECT 'after-' || g, 'SP', 'BR' FROM generate_series(1, 40) g");
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
                batches.addAll(drain(broker.connectionFactory(), "regions"));
                return rows(batches).size() >= 840;
            });
        }

        List<ChangeBatch.Row> delivered = rows(batches);
        Set<Long> keys = new HashSet<>();
        delivered.forEach(row -> keys.add(row.key()));
        assertThat(delivered).hasSize(840);
        assertThat(keys).hasSize(840);

        List<Map<String, Object>> runs =
                warehouse.queryForList("SELECT started_at, ended_at FROM audit.etl_run_entity WHERE entity = 'regions'"
                        + " AND service = 'extractor-service' ORDER BY started_at, ended_at");
        assertThat(runs).hasSizeGreaterThan(1);
        for (int i = 1; i < runs.size(); i++) {
            Timestamp previousEnd = (Timestamp) runs.get(i - 1).get("ended_at");
            Timestamp start = (Timestamp) runs.get(i).get("started_at");
            assertThat(start)
                    .as("run %d of regions started before run %d ended", i, i - 1)
                    .isAfterOrEqualTo(previousEnd);
        }
    }
}
