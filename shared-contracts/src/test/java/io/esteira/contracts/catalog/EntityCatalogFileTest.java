package io.esteira.contracts.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.esteira.contracts.catalog.EntityCatalogFile.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityCatalogFileTest {

    private static EntityCatalog withOperator(String yaml) {
        return EntityCatalogFile.read(List.of(Source.shipped(), new Source("ops.yml", yaml)));
    }

    @Test
    void shouldReadTheShippedFileAsTheReferenceCatalog() {
        EntityCatalog shipped = EntityCatalogFile.shipped();

        assertThat(shipped.loadOrder()).isEqualTo(EntityCatalog.reference().loadOrder());
        assertThat(shipped.get("regions"))
                .isEqualTo(new EntityDefinition(
                        "regions",
                        "core.regions",
                        "region_id",
                        List.of("region_id", "name", "state", "country", "created_at", "updated_at", "deleted_at")));
    }

    @Test
    void shouldAddTheOperatorsEntitiesAfterTheShippedOnesInTheirFileOrder() {
        EntityCatalog catalog = withOperator(
                """
                entities:
                  payments:
                    table: sales.payments
                    key: payment_id
                    columns: [order_id, amount, paid_at]
                    references: {order_id: orders}
                    change-order-column: rv
                    tombstone-table: audit.deleted_rows
                  payment_lines:
                    table: sales.payment_lines
                    key: payment_line_id
                    columns: [payment_id]
                    references: {payment_id: payments}
                """);

        assertThat(catalog.names()).endsWith("sales_targets", "payments", "payment_lines");
        EntityDefinition payments = catalog.get("payments");
        assertThat(payments.columns()).containsExactly("payment_id", "order_id", "amount", "paid_at");
        assertThat(payments.changeOrderColumn()).isEqualTo("rv");
        assertThat(payments.tombstoneTable()).isEqualTo("audit.deleted_rows");
        assertThat(catalog.get("payment_lines").changeOrderColumn()).isEqualTo("row_version");
        assertThat(catalog.get("payment_lines").tombstoneTable()).isEqualTo("sales.deleted_rows");
    }

    @Test
    void shouldAmendAShippedEntityFieldByFieldKeepingItsPlace() {
        EntityCatalog catalog = withOperator(
                """
                entities:
                  customers:
                    table: crm.customers
                """);

        EntityDefinition customers = catalog.get("customers");
        assertThat(customers.table()).isEqualTo("core.customers");
        assertThat(customers.source().table()).isEqualTo("crm.customers");
        assertThat(customers.keyColumn()).isEqualTo("customer_id");
        assertThat(customers.columns())
                .isEqualTo(EntityCatalog.reference().get("customers").columns());
        assertThat(customers.tombstoneTable()).isEqualTo("crm.deleted_rows");
        assertThat(customers.source().tombstoneTable()).isEqualTo("crm.deleted_rows");
        assertThat(catalog.names()).isEqualTo(EntityCatalog.reference().names());
    }

    @Test
    void shouldMapAShippedEntityOntoTheSourcesNamesKeepingTheContractNames() {
        EntityCatalog catalog = withOperator(
                """
                entities:
                  customers:
                    table: dbo.Clientes
                    key: IdCliente
                    columns: {name: NomeCliente, email: EmailCliente}
                    change-order-column: VersaoLinha
                    tombstone-table: dbo.LinhasExcluidas
                    tombstone-columns: {table_name: Tabela, row_key: Chave}
                """);

        EntityDefinition customers = catalog.get("customers");
        assertThat(customers.table()).isEqualTo("core.customers");
        assertThat(customers.keyColumn()).isEqualTo("customer_id");
        assertThat(customers.columns())
                .isEqualTo(EntityCatalog.reference().get("customers").columns());
        SourceMapping source = customers.source();
        assertThat(source.table()).isEqualTo("dbo.Clientes");
        assertThat(source.keyColumn()).isEqualTo("IdCliente");
        assertThat(source.column("customer_id")).isEqualTo("IdCliente");
        assertThat(source.column("name")).isEqualTo("NomeCliente");
        assertThat(source.column("email")).isEqualTo("EmailCliente");
        assertThat(source.column("segment")).isEqualTo("segment");
        assertThat(source.changeOrderColumn()).isEqualTo("VersaoLinha");
        assertThat(source.tombstoneTable()).isEqualTo("dbo.LinhasExcluidas");
        assertThat(source.tombstoneColumns())
                .containsExactly(
                        entry("table_name", "Tabela"),
                        entry("row_key", "Chave"),
                        entry("row_version", "row_version"),
                        entry("deleted_at", "deleted_at"));
        assertThat(source.isIdentityOf(customers)).isFalse();
        assertThat(catalog.get("orders").source().isIdentityOf(catalog.get("orders")))
                .isTrue();
    }

    @Test
    void shouldAddAnEntityDeclaredWithAColumnMapUnderItsContractNames() {
        EntityCatalog catalog = withOperator(
                """
                entities:
                  payments:
                    table: vendas.pagamentos
                    key: payment_id
                    columns: {order_id: IdPedido, amount: Valor, paid_at:}
                """);

        EntityDefinition payments = catalog.get("payments");
        assertThat(payments.table()).isEqualTo("vendas.pagamentos");
        assertThat(payments.columns()).containsExactly("payment_id", "order_id", "amount", "paid_at");
        assertThat(payments.source().columns())
                .containsExactly(
                        entry("payment_id", "payment_id"),
                        entry("order_id", "IdPedido"),
                        entry("amount", "Valor"),
                        entry("paid_at", "paid_at"));
    }

    @Test
    void shouldRefuseMappingAColumnTheEntityDoesNotCarry() {
        assertThatThrownBy(
                        () -> withOperator(
                                """
                        entities:
                          customers:
                            columns: {nome: NomeCliente}
                        """))
                .isInstanceOf(EntityCatalogException.class)
                .hasMessageContaining("ops.yml: entity customers maps column nome, which it does not carry")
                .hasMessageContaining("list the columns to replace them");
    }

    @Test
    void shouldRefuseTwoColumnsMappedOntoOneSourceColumn() {
        assertThatThrownBy(
                        () -> withOperator(
                                """
                        entities:
                          customers:
                            columns: {name: Nome, email: Nome}
                        """))
                .isInstanceOf(EntityCatalogException.class)
                .hasMessageContaining("Source column core.customers.Nome is mapped from two columns");
    }

    @Test
    void shouldRefuseAnUnknownTombstoneColumn() {
        assertThatThrownBy(
                        () -> withOperator(
                                """
                        entities:
                          customers:
                            tombstone-columns: {row_id: Chave}
                        """))
                .isInstanceOf(EntityCatalogException.class)
                .hasMessageContaining("tombstone-columns names row_id, not a tombstone column; map table_name,"
                        + " row_key, row_version, deleted_at");
    }

    @Test
    void shouldRefuseAReferenceToAnEntityNotYetDeclared() {
        assertThatThrownBy(
                        () -> withOperator(
                                """
                        entities:
                          payment_lines:
                            table: sales.payment_lines
                            key: payment_line_id
                            columns: [payment_id]
                            references: {payment_id: payments}
                          payments:
                            table: sales.payments
                            key: payment_id
                            columns: [amount]
                        """))
                .isInstanceOf(EntityCatalogException.class)
                .hasMessageContaining("ops.yml")
                .hasMessageContaining("Entity payment_lines references payments (column payment_id)")
                .hasMessageContaining("declare payments above payment_lines");
    }

    @Test
    void shouldRefuseAReferenceToAnEntityDeclaredNowhereListingTheDeclaredOnes() {
        assertThatThrownBy(() -> withOperator(
                        "entities:\n  payments: {table: sales.payments, key: payment_id, columns: [order_id],"
                                + " references: {order_id: order}}\n"))
                .isInstanceOf(EntityCatalogException.class)
                .hasMessageContaining("Entity payments references order (column order_id), which is not declared")
                .hasMessageContaining("or correct the name (one of: regions, teams, sellers,");
    }

    @Test
    void shouldRefuseAnEntityDeclaredTwiceInOneFile() {
        assertThatThrownBy(
                        () -> withOperator(
                                """
                        entities:
                          payments:
                            table: sales.payments
                            key: payment_id
                            columns: [amount]
                          payments:
                            table: sales.payments2
                            key: payment_id
                            columns: [amount]
                        """))
                .isInstanceOf(EntityCatalogException.class)
                .hasMessageContaining("ops.yml: Duplicate field 'payments'")
                .hasMessageContaining("declare each entity");
    }

    @Test
    void shouldMarkAnEntityDeclaredMirrorTrueAndNoOther() {
        EntityCatalog catalog = withOperator(
                """
                entities:
                  payments:
                    table: core.payments
                    key: payment_id
                    columns: [amount, paid_at]
                    mirror: true
                  leads:
                    table: crm.leads
                    key: lead_id
                    columns: [name]
                    mirror: false
                """);

        assertThat(catalog.isMirror("payments")).isTrue();
        assertThat(catalog.isMirror("leads")).isFalse();
        assertThat(catalog.isMirror("regions")).isFalse();
        assertThat(catalog.get("payments").columns()).containsExactly("payment_id", "amount", "paid_at");
        assertThat(catalog.landingTable("payments")).isEqualTo("raw.payments");
        assertThat(catalog.landingTable("leads")).isEqualTo("stg.leads");
        assertThat(catalog.landingTable("order_items")).isEqualTo("stg.order_items");
    }

    @Test
    void shouldLetAMirrorEntityLeaveItsColumnsOutToCarryEveryColumnOfItsTable() {
        EntityCatalog catalog = withOperator(
                """
                entities:
                  leads:
                    table: crm.leads
                    key: lead_id
                    mirror: true
                  payments:
                    table: core.payments
                    key: payment_id
                    columns: [amount]
                    mirror: true
                """);

        assertThat(catalog.carriesAllColumns("leads")).isTrue();
        assertThat(catalog.get("leads").columns()).containsExactly("lead_id");
        assertThat(catalog.carriesAllColumns("payments")).isFalse();
        assertThat(catalog.carriesAllColumns("regions")).isFalse();
    }

    @Test
    void shouldRefuseAnEntityOfTheStarWithoutColumnsSayingOnlyAMirrorMayLeaveThemOut() {
        assertThatThrownBy(() -> withOperator("entities:\n  leads: {table: crm.leads, key: lead_id, mirror: false}\n"))
                .isInstanceOf(EntityCatalogException.class)
                .hasMessageContaining("ops.yml: entity leads has no columns")
                .hasMessageContaining("a mirror entity (mirror: true) may leave columns out");
        assertThatThrownBy(() -> withOperator(
                        "entities:\n  leads: {table: crm.leads, key: lead_id, columns: [], mirror: true}\n"))
                .as("an empty list is a mistake, not a request for every column")
                .hasMessageContaining("entity leads has no columns");
    }

    @Test
    void shouldRefuseAMirrorFlagThatIsNotTrueOrFalse() {
        assertThatThrownBy(
                        () -> withOperator(
                                """
                        entities:
                          payments:
                            table: core.payments
                            key: payment_id
                            columns: [amount]
                            mirror: "yes"
                        """))
                .isInstanceOf(EntityCatalogException.class)
                .hasMessageContaining("ops.yml: entity payments: mirror is \"yes\"; write mirror: true");
    }

    @Test
    void shouldRefuseAnUnknownFieldNamingTheEntityAndTheKnownFields() {
        assertThatThrownBy(
                        () -> withOperator(
                                """
                        entities:
                          payments:
                            table: sales.payments
                            key: payment_id
                            colums: [amount]
                        """))
                .isInstanceOf(EntityCatalogException.class)
                .hasMessageContaining("ops.yml: entity payments has unknown field 'colums'")
                .hasMessageContaining("use table, key, columns, references, change-order-column, tombstone-table");
    }

    @Test
    void shouldRefuseAnUnknownTopLevelField() {
        assertThatThrownBy(() -> withOperator("entity:\n  payments: {}\n"))
                .isInstanceOf(EntityCatalogException.class)
                .hasMessageContaining("ops.yml has unknown top-level field 'entity'");
    }

    @Test
    void shouldRefuseAnEntityWithoutTableKeyOrColumns() {
        assertThatThrownBy(() -> withOperator("entities:\n  payments: {key: payment_id, columns: [amount]}\n"))
                .hasMessageContaining("ops.yml: entity payments has no table; give the source table");
        assertThatThrownBy(() -> withOperator("entities:\n  payments: {table: sales.payments, columns: [amount]}\n"))
                .hasMessageContaining("entity payments has no key");
        assertThatThrownBy(() -> withOperator("entities:\n  payments: {table: sales.payments, key: payment_id}\n"))
                .hasMessageContaining("entity payments has no columns");
    }

    @Test
    void shouldRefuseTheKeyListedAgainAmongTheColumns() {
        assertThatThrownBy(
                        () -> withOperator(
                                "entities:\n  payments: {table: sales.payments, key: payment_id, columns: [payment_id, amount]}\n"))
                .hasMessageContaining("entity payments lists its key payment_id in columns")
                .hasMessageContaining("name the key once");
    }

    @Test
    void shouldRefuseTheChangeOrderColumnAmongTheColumns() {
        assertThatThrownBy(
                        () -> withOperator(
                                "entities:\n  payments: {table: sales.payments, key: payment_id, columns: [amount, row_version]}\n"))
                .isInstanceOf(EntityCatalogException.class)
                .hasMessageContaining("ops.yml: Entity payments lists its change-order column row_version");
    }

    @Test
    void shouldRefuseAReferenceByAColumnTheEntityDoesNotCarry() {
        assertThatThrownBy(() -> withOperator(
                        "entities:\n  payments: {table: sales.payments, key: payment_id, columns: [amount],"
                                + " references: {order_id: orders}}\n"))
                .hasMessageContaining(
                        "Entity payments references orders by column order_id, which is not among its" + " columns");
    }

    @Test
    void shouldRefuseAnIdentifierThatCouldInjectSql() {
        assertThatThrownBy(
                        () -> withOperator(
                                "entities:\n  payments: {table: \"sales.payments; DROP TABLE x\", key: payment_id, columns: [a]}\n"))
                .isInstanceOf(EntityCatalogException.class)
                .hasMessageContaining("Table of entity payments 'sales.payments; DROP TABLE x' is not a plain");
    }

    @Test
    void shouldTakeAnEmptyOperatorFileAsNoChange() {
        assertThat(withOperator("# nothing yet\n").loadOrder())
                .isEqualTo(EntityCatalog.reference().loadOrder());
    }

    @Test
    void shouldReadAnOperatorFileFromDiskAndRefuseAMissingOne(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("entities.yml");
        Files.writeString(file, "entities:\n  payments: {table: sales.payments, key: payment_id, columns: [amount]}\n");

        assertThat(EntityCatalogFile.shippedWith(file).names()).endsWith("payments");
        assertThatThrownBy(() -> EntityCatalogFile.shippedWith(directory.resolve("missing.yml")))
                .isInstanceOf(EntityCatalogException.class)
                .hasMessageContaining("missing.yml does not exist")
                .hasMessageContaining("esteira.catalog.file");
    }
}
