package io.esteira.extractor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.catalog.SourceMapping;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.extractor.dialect.CaptureDialect;
import io.esteira.oltp.OltpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** The entity catalog checked against a real PostgreSQL OLTP's own catalog, as the extractor's start-up does. */
class SourceCatalogIT {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("source_catalog");

    private static SourceCatalog source;

    @BeforeAll
    static void schema() {
        OltpSchema.migrate(oltp.dataSource());
        JdbcTemplate jdbc = new JdbcTemplate(oltp.dataSource());
        jdbc.execute("CREATE SCHEMA sales");
        jdbc.execute(
                "CREATE TABLE sales.payments (payment_id bigint PRIMARY KEY, order_id bigint, amount numeric(12,2),"
                        + " paid_at timestamp, batch_code varchar(20),"
                        + " row_version xid8 NOT NULL DEFAULT pg_current_xact_id())");
        jdbc.execute("CREATE TABLE sales.tombstones (table_name varchar(64), row_key bigint, row_version xid8)");
        source = new SourceCatalog(oltp.dataSource(), CaptureDialect.of(Vendor.POSTGRESQL));
    }

    private static EntityDefinition payments(String key, String changeOrder, String tombstones, String... columns) {
        return new EntityDefinition(
                "payments", "sales.payments", key, List.of(columns), changeOrder, tombstones, Map.of());
    }

    @Test
    void shouldFindEverythingTheShippedCatalogDeclaresInTheReferenceSchema() {
        for (EntityDefinition entity : EntityCatalog.reference().loadOrder()) {
            assertThat(source.problems(entity)).as(entity.name()).isEmpty();
        }
    }

    @Test
    void shouldNameAMissingTableAndHowToFixIt() {
        EntityDefinition invoices =
                new EntityDefinition("invoices", "core.invoices", "invoice_id", List.of("invoice_id"));

        assertThat(source.problems(invoices))
                .containsExactly("table core.invoices (entity invoices) does not exist or the extractor's login cannot"
                        + " read it; create it, grant the login SELECT on it, or correct its table in the entity"
                        + " catalog file (esteira.catalog.file)");
    }

    @Test
    void shouldNameAMissingColumnAndAMissingKeyColumn() {
        assertThat(source.problems(
                        payments("pay_id", "row_version", "core.deleted_rows", "pay_id", "amount", "currency")))
                .containsExactly(
                        "key column sales.payments.pay_id (entity payments) does not exist; name the table's primary"
                                + " key column in key of the entity catalog file (esteira.catalog.file)",
                        "column sales.payments.currency (entity payments) does not exist; add it to the table, take"
                                + " it out of columns, or map currency onto the table's column (columns: {currency:"
                                + " <source column>}) in the entity catalog file (esteira.catalog.file)");
    }

    @Test
    void shouldRefuseAKeyThatIsNotUniqueOnItsOwn() {
        assertThat(source.problems(payments("order_id", "row_version", "core.deleted_rows", "order_id", "amount")))
                .singleElement()
                .asString()
                .startsWith("key column sales.payments.order_id (entity payments) is not unique on its own");
    }

    @Test
    void shouldRefuseAMissingChangeOrderColumnOrOneCaptureCannotBound() {
        assertThat(source.problems(payments("payment_id", "rv", "core.deleted_rows", "payment_id", "amount")))
                .singleElement()
                .asString()
                .startsWith("change-order column sales.payments.rv (entity payments) does not exist; the table needs"
                        + " an xid8 column stamped with pg_current_xact_id() by a trigger on every write")
                .endsWith("or name the one it has in change-order-column of the entity catalog file"
                        + " (esteira.catalog.file)");
        assertThat(source.problems(payments("payment_id", "paid_at", "core.deleted_rows", "payment_id", "amount")))
                .singleElement()
                .asString()
                .startsWith("change-order column sales.payments.paid_at (entity payments) is timestamp without time"
                        + " zone, not xid8, so capture cannot bound it by what is committed");
    }

    @Test
    void shouldRefuseAMissingTombstoneTableOrOneWithoutTheColumnsCaptureReads() {
        assertThat(source.problems(payments("payment_id", "row_version", "sales.deleted_rows", "payment_id")))
                .singleElement()
                .asString()
                .startsWith("table sales.deleted_rows (tombstone table of entity payments) does not exist");
        assertThat(source.problems(payments("payment_id", "row_version", "sales.tombstones", "payment_id")))
                .containsExactly("column sales.tombstones.deleted_at (tombstone table of entity payments) does not"
                        + " exist; a tombstone table has table_name, row_key, row_version, deleted_at"
                        + " (docs/data-contract.md), or map each onto the table's own name in tombstone-columns of"
                        + " the entity catalog file (esteira.catalog.file)");
    }

    @Test
    void shouldRefuseOnPostgresAColumnSpelledOtherwiseThanTheDatabaseSpellsIt() {
        // capture quotes every name, and quoted names are case-sensitive on PostgreSQL
        EntityDefinition upper = new EntityDefinition(
                "payments",
                "sales.payments",
                "Payment_Id",
                List.of("Payment_Id", "AMOUNT", "batch_code"),
                "row_version",
                "core.deleted_rows",
                Map.of());

        assertThat(source.problems(upper))
                .containsExactly(
                        "column sales.payments.Payment_Id (entity payments) is spelled payment_id in the database, and"
                                + " quoted names are case-sensitive on PostgreSQL; write payment_id in key of the"
                                + " entity catalog file (esteira.catalog.file)",
                        "column sales.payments.AMOUNT (entity payments) is spelled amount in the database, and quoted"
                                + " names are case-sensitive on PostgreSQL; write amount in columns of the entity"
                                + " catalog file (esteira.catalog.file)");
    }

    @Test
    void shouldFindAnEntityMappedOntoTheSourcesOwnNames() {
        JdbcTemplate jdbc = new JdbcTemplate(oltp.dataSource());
        jdbc.execute("CREATE TABLE sales.pagamentos (id_pagamento bigint PRIMARY KEY, valor numeric(12,2),"
                + " versao xid8 NOT NULL DEFAULT pg_current_xact_id())");
        jdbc.execute(
                "CREATE TABLE sales.exclusoes (tabela varchar(64), chave bigint, versao xid8, excluida_em timestamp)");

        assertThat(source.problems(pagamentos("valor"))).isEmpty();
        assertThat(source.problems(pagamentos("valor_total")))
                .containsExactly("column sales.pagamentos.valor_total (mapped from amount) (entity payments) does not"
                        + " exist; map amount onto one of the table's columns (columns: {amount: <source column>}) in"
                        + " the entity catalog file (esteira.catalog.file)");
    }

    private static EntityDefinition pagamentos(String amount) {
        return new EntityDefinition(
                "payments",
                "sales.payments",
                "payment_id",
                List.of("payment_id", "amount"),
                "versao",
                "sales.exclusoes",
                Map.of(),
                new SourceMapping(
                        "sales.pagamentos",
                        "id_pagamento",
                        new java.util.LinkedHashMap<>(Map.of("payment_id", "id_pagamento", "amount", amount)),
                        "versao",
                        "sales.exclusoes",
                        Map.of(
                                "table_name",
                                "tabela",
                                "row_key",
                                "chave",
                                "row_version",
                                "versao",
                                "deleted_at",
                                "excluida_em")));
    }
}
