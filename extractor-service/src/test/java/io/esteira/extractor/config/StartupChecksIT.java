package io.esteira.extractor.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.catalog.EntityCatalogException;
import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.extractor.ExtractorApplication;
import io.esteira.loader.schema.DwSchema;
import io.esteira.oltp.OltpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/** Misconfiguration stops the extractor at start-up with a message that names it. */
class StartupChecksIT {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("checks_oltp");

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("checks_dw");

    @RegisterExtension
    static final PostgresDatabase emptyDw = new PostgresDatabase("checks_empty_dw");

    @RegisterExtension
    static final ArtemisBroker broker = new ArtemisBroker();

    @BeforeAll
    static void schemas() {
        OltpSchema.migrate(oltp.dataSource());
        DwSchema.migrate(dw.dataSource());
        new JdbcTemplate(oltp.dataSource())
                .execute("ALTER TABLE core.customers RENAME COLUMN segment TO customer_segment");
    }

    private static void start(String dwUrl, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.jmx.enabled=false",
                "--esteira.extractor.listen=false",
                "--esteira.oltp.url=" + oltp.jdbcUrl(),
                "--esteira.oltp.username=" + oltp.username(),
                "--esteira.dw.url=" + dwUrl,
                "--esteira.dw.username=" + dw.username(),
                "--esteira.broker.url=" + broker.url()));
        for (String override : more) {
            String key = override.substring(0, override.indexOf('=') + 1);
            arguments.removeIf(argument -> argument.startsWith(key));
            arguments.add(override);
        }
        new SpringApplicationBuilder(ExtractorApplication.class)
                .run(arguments.toArray(String[]::new))
                .close();
    }

    @Test
    void shouldRefuseToStartWhenACatalogColumnIsMissingNamingIt() {
        assertThatThrownBy(() -> start(dw.jdbcUrl()))
                .rootCause()
                .hasMessageContaining("column core.customers.segment (entity customers) does not exist; add it to the"
                        + " table, take it out of columns, or map segment onto the table's column (columns:"
                        + " {segment: <source column>}) in the entity catalog file (esteira.catalog.file)")
                .hasMessageContaining("esteira.extractor.entities.<name>.enabled=false");
    }

    @Test
    void shouldNameAMappedColumnTheOltpLacksAndTheContractColumnItMaps(@TempDir Path directory) throws Exception {
        Path catalog = directory.resolve("entities.yml");
        Files.writeString(
                catalog,
                """
                entities:
                  customers:
                    columns: {segment: segmento}
                """);

        assertThatThrownBy(() -> start(dw.jdbcUrl(), "--esteira.catalog.file=" + catalog))
                .rootCause()
                .hasMessageContaining("column core.customers.segmento (mapped from segment) (entity customers) does"
                        + " not exist; map segment onto one of the table's columns (columns: {segment: <source"
                        + " column>}) in the entity catalog file (esteira.catalog.file)");
    }

    @Test
    void shouldRefuseACatalogFileWhoseEntitiesTheOltpDoesNotHaveNamingEachProblem(@TempDir Path directory)
            throws Exception {
        Path catalog = directory.resolve("entities.yml");
        Files.writeString(
                catalog,
                """
                entities:
                  regions:
                    columns: [name, state, country, created_at, deleted_at]
                    change-order-column: updated_at
                  payments:
                    table: sales.payments
                    key: payment_id
                    columns: [order_id, amount]
                    references: {order_id: orders}
                """);

        assertThatThrownBy(() -> start(
                        dw.jdbcUrl(),
                        "--esteira.catalog.file=" + catalog,
                        "--esteira.extractor.entities.customers.enabled=false"))
                .rootCause()
                .hasMessageContaining("The OLTP at esteira.oltp.url does not have what the entity catalog declares")
                .hasMessageContaining("change-order column core.regions.updated_at (entity regions) is timestamp"
                        + " without time zone, not xid8")
                .hasMessageContaining("table sales.payments (entity payments) does not exist or the extractor's login"
                        + " cannot read it")
                .hasMessageContaining("esteira.catalog.file")
                .hasMessageNotContaining("customers");
    }

    @Test
    void shouldRefuseAMirrorEntityWithAColumnTypeMirrorTablesDoNotCarryNamingIt(@TempDir Path directory)
            throws Exception {
        new JdbcTemplate(oltp.dataSource())
                .execute(
                        "CREATE TABLE core.settlements (settlement_id bigint PRIMARY KEY, amount numeric(12,2),"
                                + " settled_at timestamptz, detail jsonb, row_version xid8 NOT NULL DEFAULT pg_current_xact_id())");
        refusedWithCatalog(
                        directory,
                        """
                        entities:
                          settlements:
                            table: core.settlements
                            key: settlement_id
                            columns: [amount, settled_at, detail]
                            mirror: true
                        """)
                .hasMessageContaining("Column core.settlements.detail (mirror entity settlements) is of type jsonb,"
                        + " which mirror tables do not carry")
                .hasMessageNotContaining("settled_at");
    }

    @Test
    void shouldRefuseAMirrorEntityDeclaredWithoutColumnsWhoseTableHasAColumnOfATypeMirrorTablesDoNotCarry(
            @TempDir Path directory) throws Exception {
        new JdbcTemplate(oltp.dataSource())
                .execute(
                        "CREATE TABLE core.visits (visit_id bigint PRIMARY KEY, page text, seen_at timestamptz, path int[],"
                                + " row_version xid8 NOT NULL DEFAULT pg_current_xact_id())");

        refusedWithCatalog(
                        directory,
                        """
                        entities:
                          visits:
                            table: core.visits
                            key: visit_id
                            mirror: true
                        """)
                .hasMessageContaining("Column core.visits.path (mirror entity visits) is of type array of int4, which"
                        + " mirror tables do not carry")
                .hasMessageContaining("list the columns to carry in the entity's columns");
    }

    @Test
    void shouldRefuseAMirrorEntityDeclaredWithoutColumnsWhoseTableHasAColumnNamedLikeABookkeepingColumn(
            @TempDir Path directory) throws Exception {
        importsTableWithALoadedAtColumn();

        refusedWithCatalog(
                        directory,
                        """
                        entities:
                          imports:
                            table: core.imports
                            key: import_id
                            mirror: true
                        """)
                .hasMessageContaining("The OLTP at esteira.oltp.url does not have what the entity catalog declares")
                .hasMessageContaining("Column core.imports.loaded_at (mirror entity imports) has the name of a"
                        + " bookkeeping column of raw.imports (source_version, source_deleted, loaded_at, apply_token,"
                        + " applies; docs/data-contract.md, Mirror tables); list the columns to carry in the entity's"
                        + " columns in the entity catalog file, without it, or rename it in the source.");
    }

    @Test
    void shouldStartAMirrorEntityWhoseListedColumnsLeaveOutItsTablesColumnNamedLikeABookkeepingColumn(
            @TempDir Path directory) throws Exception {
        importsTableWithALoadedAtColumn();
        Path catalog = directory.resolve("entities.yml");
        Files.writeString(
                catalog,
                """
                entities:
                  imports:
                    table: core.imports
                    key: import_id
                    columns: [file_name, imported_at]
                    mirror: true
                """);

        assertThatCode(() -> start(
                        dw.jdbcUrl(),
                        "--esteira.catalog.file=" + catalog,
                        "--esteira.extractor.entities.customers.enabled=false"))
                .doesNotThrowAnyException();
    }

    /** core.imports, a table of carried types with a column called like a bookkeeping column of raw tables. */
    private static void importsTableWithALoadedAtColumn() {
        new JdbcTemplate(oltp.dataSource())
                .execute("CREATE TABLE IF NOT EXISTS core.imports (import_id bigint PRIMARY KEY, file_name text,"
                        + " imported_at timestamp, loaded_at timestamp,"
                        + " row_version xid8 NOT NULL DEFAULT pg_current_xact_id())");
    }

    /**
     * The refusal to start with {@code yaml} as the operator's catalog file (customers left out, so that only
     * the file's own problems are named): its root cause.
     */
    private AbstractThrowableAssert<?, ? extends Throwable> refusedWithCatalog(Path directory, String yaml)
            throws Exception {
        Path catalog = directory.resolve("entities.yml");
        Files.writeString(catalog, yaml);
        return assertThatThrownBy(() -> start(
                        dw.jdbcUrl(),
                        "--esteira.catalog.file=" + catalog,
                        "--esteira.extractor.entities.customers.enabled=false"))
                .rootCause();
    }

    @Test
    void shouldRefuseACatalogFileWithAnUnknownFieldNamingTheEntityAndTheField(@TempDir Path directory)
            throws Exception {
        Path catalog = directory.resolve("entities.yml");
        Files.writeString(catalog, "entities:\n  regions:\n    colums: [name]\n");

        assertThatThrownBy(() -> start(dw.jdbcUrl(), "--esteira.catalog.file=" + catalog))
                .rootCause()
                .isInstanceOf(EntityCatalogException.class)
                .hasMessage(catalog + ": entity regions has unknown field 'colums'; use table, key, columns,"
                        + " references, change-order-column, tombstone-table, tombstone-columns, mirror.");
    }

    @Test
    void shouldRefuseAnEntityOverrideThatNamesNoCatalogEntity() {
        assertThatThrownBy(() -> start(dw.jdbcUrl(), "--esteira.extractor.entities.ordrs.enabled=false"))
                .rootCause()
                .hasMessageContaining("unknown entities [ordrs]")
                .hasMessageContaining("orders");
    }

    @Test
    void shouldRefuseAWarehouseWithoutItsControlTableNamingTheFix() {
        assertThatThrownBy(() -> start(emptyDw.jdbcUrl(), "--esteira.extractor.entities.customers.enabled=false"))
                .hasStackTraceContaining("The DW at esteira.dw.url has no readable ctl.etl_control")
                .hasStackTraceContaining("start loader-service once to migrate the DW schema");
    }

    @Test
    void shouldRefuseAnUnreachableOltpNamingTheProperty() {
        assertThatThrownBy(() -> start(dw.jdbcUrl(), "--esteira.oltp.url=jdbc:postgresql://127.0.0.1:1/nowhere"))
                .hasStackTraceContaining("esteira.oltp.url (jdbc:postgresql://127.0.0.1:1/nowhere) is unreachable")
                .hasStackTraceContaining("ESTEIRA_OLTP_URL");
    }
}
