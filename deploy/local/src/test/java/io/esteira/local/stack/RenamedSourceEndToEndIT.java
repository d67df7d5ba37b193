package io.esteira.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.esteira.contracts.QualityResult;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityCatalogFile;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.oltp.BaseDataGenerator;
import io.esteira.oltp.ChangeWorkload;
import io.esteira.oltp.OltpSchema;
import io.esteira.oltp.ProgressListener;
import io.esteira.quality.run.CheckRunner;
import io.esteira.runtime.config.Endpoint;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole pipeline on a source that names everything its own way, against the same pipeline on the
 * reference names. Both OLTPs get the same generated data and the same generated workload; then one of them
 * becomes "the customer's schema": all eleven tables that feed the star move to schema {@code loja} under
 * Portuguese table, key and column names, with their own change-order column, stamp and tombstone triggers
 * and tombstone table ({@code renamed-source/rename-to-loja.sql}), mapped onto the contract by an operator's
 * catalog file alone ({@code renamed-source/entities.yml}). On each, one script written in the contract's
 * names ({@code renamed-source/changes.yml}, run by {@link ContractChanges}) inserts, updates (SCD1 and SCD2 moves), soft- and hard-deletes rows of
 * every one of the eleven entities while the pipeline runs. Each run reconciles with its OLTP (the local
 * stack's comparison and the quality service's checks, which read the source through the mapping), every
 * change lands as written, and the two warehouses hold the same business content: landing tables,
 * dimensions, facts and KPI views ({@link StarContent}).
 */
class RenamedSourceEndToEndIT {

    @RegisterExtension
    static final PostgresDatabase referenceOltp = new PostgresDatabase("reference_oltp");

    @RegisterExtension
    static final PostgresDatabase referenceDw = new PostgresDatabase("reference_dw");

    @RegisterExtension
    static final PostgresDatabase renamedOltp = new PostgresDatabase("renamed_oltp");

    @RegisterExtension
    static final PostgresDatabase renamedDw = new PostgresDatabase("renamed_dw");

    /** Inside the quality reconciliation's window of 7 days, the same in both runs. */
    private static final LocalDateTime RECENT =
            LocalDate.now(ZoneOffset.UTC).minusDays(2).atTime(12, 0);

    /** The spare order of renamed-source/changes.yml, inserted before the initial load, then hard-deleted. */
    private static final long SPARE = 900_001;

    /** The item changes.yml inserts while the pipeline runs: 3 x 10.00 - 1.50. */
    private static final long NEW = 900_002;

    @Test
    void shouldDeriveTheSameStarFromASourceUnderItsOwnNamesAsFromTheReferenceNames(@TempDir Path directory)
            throws Exception {
        Path catalogFile = directory.resolve("entities.yml");
        Files.writeString(catalogFile, resource("entities.yml"));

        Map<String, List<String>> reference = run(referenceOltp, referenceDw, null);
        Map<String, List<String>> renamed = run(renamedOltp, renamedDw, catalogFile);

        assertThat(renamed.keySet()).containsExactlyElementsOf(reference.keySet());
        reference.forEach((relation, rows) -> {
            assertThat(rows).as("%s holds rows", relation).isNotEmpty();
            assertThat(renamed.get(relation))
                    .as("%s from the renamed source, against the reference names", relation)
                    .containsExactlyElementsOf(rows);
        });
    }

    /** One run: source, pipeline, changes, checks; returns the warehouse's business content. */
    private Map<String, List<String>> run(PostgresDatabase oltp, PostgresDatabase dw, Path catalogFile)
            throws Exception {
        OltpSchema.migrate(oltp.dataSource());
        new BaseDataGenerator(7, 1).generate(oltp.dataSource(), ProgressListener.silent());
        new ChangeWorkload(new ChangeWorkload.Options(13, 0, null, 200))
                .run(oltp.dataSource(), ProgressListener.silent());
        JdbcTemplate source = new JdbcTemplate(oltp.dataSource());
        EntityCatalog catalog = EntityCatalog.reference();
        Map<String, String> properties = new HashMap<>(Map.of("esteira.extractor.interval", "PT1S"));
        if (catalogFile != null) {
            source.execute(resource("rename-to-loja.sql"));
            assertThat(source.queryForList(
                            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'core'",
                            String.class))
                    .as("none of the star's tables is left in core")
                    .doesNotContainAnyElementsOf(EntityCatalog.reference().names());
            catalog = EntityCatalogFile.shippedWith(catalogFile);
            properties.put("esteira.catalog.file", catalogFile.toString());
        }

        StackOptions options = new StackOptions(
                new Endpoint(oltp.jdbcUrl(), oltp.username(), oltp.password()),
                new Endpoint(dw.jdbcUrl(), dw.username(), dw.password()),
                null,
                0,
                0,
                properties);
        try (LocalStack stack = LocalStack.start(options, line -> {})) {
            ContractChanges changes = new ContractChanges(oltp.dataSource(), catalog, RECENT);
            JsonNode script = ContractChanges.script(resource("changes.yml"));
            changes.run(script.required("spares"));
            settle(stack, "the initial load");
            changes.run(script.required("changes"));
            settle(stack, "the changes");

            Reconciliation.Result result = Reconciliation.compare(oltp.dataSource(), dw.dataSource(), stack.catalog());
            assertThat(result.reconciled()).as(result.describe()).isTrue();
            assertThat(result.oltpItems()).isGreaterThan(1000);
            changes.assertLanded(dw.dataSource());
            JdbcTemplate warehouse = new JdbcTemplate(dw.dataSource());
            assertThat(warehouse.queryForObject(
                            "SELECT valor_total_liquido FROM fact.fact_vendas WHERE order_item_id = ?",
                            BigDecimal.class,
                            NEW))
                    .as("the new item arrived under the contract's names")
                    .isEqualByComparingTo("28.50");
            assertThat(warehouse.queryForObject(
                            "SELECT COUNT(*) FROM fact.fact_vendas WHERE pedido_id IN (3, ?)", Integer.class, SPARE))
                    .as("soft- and hard-deleted orders left the fact")
                    .isZero();
            assertThat(warehouse.queryForObject(
                            "SELECT COUNT(*) FROM dim.dim_cliente WHERE cliente_id = 1", Integer.class))
                    .as("the move to another city made a second version of customer 1")
                    .isGreaterThanOrEqualTo(2);

            CheckRunner checks = stack.context("quality-service").getBean(CheckRunner.class);
            for (String check : List.of(
                    "reconciliation-vendas", "relationships-itens-pedido", "unique-clientes-email", "schema-drift")) {
                QualityResult outcome = checks.run(check);
                assertThat(outcome.status())
                        .as(
                                "quality check %s, which reads the source through the mapping: %s",
                                check, outcome.message())
                        .isEqualTo(QualityResult.Status.pass);
            }
            QualityResult freshness = checks.run("freshness");
            assertThat(freshness.status())
                    .as("quality freshness: %s", freshness.message())
                    .isNotEqualTo(QualityResult.Status.error);
            return StarContent.of(dw.dataSource(), stack.catalog());
        }
    }

    /** Waits until the pipeline has carried everything and stays idle. */
    private static void settle(LocalStack stack, String what) throws InterruptedException {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        StackRunner runner = new StackRunner(stack, new PrintStream(progress), Duration.ofSeconds(30));
        StackRunner.End end = runner.run(Instant.now().plusSeconds(180), Duration.ofSeconds(6), () -> false);
        assertThat(end)
                .as("pipeline idle after %s within 3 minutes%n%s", what, progress)
                .isEqualTo(StackRunner.End.IDLE);
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = RenamedSourceEndToEndIT.class.getResourceAsStream("/renamed-source/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
