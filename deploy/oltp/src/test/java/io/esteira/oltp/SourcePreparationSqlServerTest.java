package io.esteira.oltp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.dialect.Vendor;
import io.esteira.oltp.SourcePreparation.Capture;
import io.esteira.oltp.SourcePreparation.Table;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The SQL Server scripts of {@code source prepare}, as rendered (no SQL Server here; the statements are the
 * ones the reference schema's migrations run on SQL Server in {@code SqlServerOltpIT}).
 */
class SourcePreparationSqlServerTest {

    private static final Table CLIENTES = new Table("dbo", "Clientes", "IdCliente", "bigint", "row_version");
    private static final Table PEDIDOS = new Table("vendas", "Pedidos", "IdPedido", "int", "VersaoLinha");

    @Test
    void addsARowversionColumnItsIndexATombstoneTriggerAndAGuardColumnPerTable() {
        String script = SourcePreparation.of(Vendor.SQLSERVER, List.of(CLIENTES), Set.of())
                .script();

        assertThat(script)
                .contains("IF COL_LENGTH(N'dbo.Clientes', N'row_version') IS NULL\n"
                        + "ALTER TABLE [dbo].[Clientes] ADD [row_version] rowversion NOT NULL;")
                .contains("CREATE INDEX [ix_Clientes_row_version] ON [dbo].[Clientes] ([row_version], [IdCliente]);")
                .contains(
                        "CREATE OR ALTER TRIGGER [dbo].[esteira_tombstone_Clientes] ON [dbo].[Clientes] AFTER DELETE AS")
                .contains("INSERT INTO [dbo].deleted_rows (table_name, row_key)\n"
                        + "    SELECT N'Clientes', d.[IdCliente] FROM deleted AS d;")
                .contains(
                        "ALTER TABLE [dbo].esteira_capture_guard ADD [Clientes_IdCliente] bigint NULL\n"
                                + "    CONSTRAINT [fk_esteira_capture_guard_Clientes] REFERENCES [dbo].[Clientes] ([IdCliente]);")
                .contains("CREATE TABLE [dbo].deleted_rows (")
                .contains("IF OBJECT_ID(N'dbo.esteira_capture_guard', N'U') IS NULL");
        assertThat(script.indexOf("CREATE TABLE [dbo].deleted_rows")).isLessThan(script.indexOf("[Clientes]"));
    }

    @Test
    void usesTheTablesOwnRowversionColumnAndSaysToDeclareIt() {
        SourcePreparation preparation = SourcePreparation.of(Vendor.SQLSERVER, List.of(PEDIDOS), Set.of());

        assertThat(preparation.script())
                .contains("-- vendas.Pedidos already has the rowversion column VersaoLinha: declare"
                        + " `change-order-column: VersaoLinha` for its entity.")
                .contains("CREATE INDEX [ix_Pedidos_VersaoLinha] ON [vendas].[Pedidos] ([VersaoLinha], [IdPedido]);")
                .contains("ADD [Pedidos_IdPedido] int NULL");
        assertThat(SourcePreparation.of(Vendor.SQLSERVER, List.of(prepared(PEDIDOS)), Set.of())
                        .rollbackScript())
                .contains("-- VersaoLinha is the table's own rowversion column: left in place.")
                .doesNotContain("DROP COLUMN IF EXISTS [VersaoLinha]");
    }

    @Test
    void rollbackDropsTheSchemasSharedObjectsOnlyWhenNoOtherTableOfItIsCaptured() {
        String alone = SourcePreparation.of(Vendor.SQLSERVER, List.of(prepared(CLIENTES)), Set.of())
                .rollbackScript();
        String withOthers = SourcePreparation.of(Vendor.SQLSERVER, List.of(prepared(CLIENTES)), Set.of("dbo"))
                .rollbackScript();

        assertThat(alone)
                .contains("DROP TRIGGER IF EXISTS [dbo].[esteira_tombstone_Clientes];")
                .contains("ALTER TABLE [dbo].[Clientes] DROP COLUMN IF EXISTS [row_version];")
                .contains("DROP TABLE IF EXISTS [dbo].deleted_rows;");
        assertThat(withOthers)
                .contains("DELETE FROM [dbo].deleted_rows WHERE table_name = N'Clientes';")
                .doesNotContain("DROP TABLE IF EXISTS [dbo].deleted_rows;");
    }

    @Test
    void refusesToRollBackATableItDidNotPrepare() {
        assertThatThrownBy(() -> SourcePreparation.of(Vendor.SQLSERVER, List.of(CLIENTES), Set.of())
                        .rollbackScript())
                .isInstanceOf(OltpException.class)
                .hasMessageContaining("Cannot roll back [dbo.Clientes]: `source prepare` did not prepare it");
    }

    @Test
    void leavesATableCapturedByItsOwnTriggersAlone() {
        Table reference = new Table("core", "regions", "region_id", "bigint", "row_version", Capture.OTHER);

        String script = SourcePreparation.of(Vendor.SQLSERVER, List.of(reference), Set.of())
                .script();

        assertThat(script)
                .contains("-- core.regions is captured already (its own tombstone trigger): nothing to do.")
                .doesNotContain("[regions]");
    }

    private static Table prepared(Table table) {
        return new Table(
                table.schema(),
                table.name(),
                table.keyColumn(),
                table.keyType(),
                table.changeOrderColumn(),
                Capture.THIS_COMMAND);
    }

    @Test
    void sendsEachBatchBetweenGoLinesAndNoBatchOfCommentsAlone() {
        SourcePreparation preparation = SourcePreparation.of(Vendor.SQLSERVER, List.of(CLIENTES), Set.of());

        List<String> batches = preparation.batches(preparation.script());

        assertThat(batches).allSatisfy(batch -> assertThat(batch).doesNotContainPattern("(?m)^GO\\s*$"));
        assertThat(batches)
                .filteredOn(batch -> batch.contains("CREATE OR ALTER TRIGGER"))
                .singleElement()
                .satisfies(trigger -> assertThat(trigger).doesNotContain("ALTER TABLE"));
        assertThat(batches).hasSize(8);
    }

    @Test
    void postgresqlSendsTheWholeScriptAsOneBatch() {
        SourcePreparation preparation = SourcePreparation.of(
                Vendor.POSTGRESQL,
                List.of(new Table("shop", "payments", "payment_id", "bigint", "row_version")),
                Set.of());

        assertThat(preparation.batches(preparation.script())).hasSize(1);
        assertThat(preparation.script())
                .contains("EXECUTE FUNCTION \"shop\".esteira_record_tombstone('payment_id');")
                .contains("CREATE INDEX IF NOT EXISTS \"ix_payments_row_version\" ON \"shop\".\"payments\""
                        + " (row_version, \"payment_id\");");
    }
}
