package io.esteira.quality.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityCatalogFile;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.quality.check.ReconciliationCheck.OltpSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityDialectTest {

    @Test
    void shouldPreferTheVendorsStatementOverTheAnsiOne() {
        String postgres = new QualityDialect(Vendor.POSTGRESQL)
                .sql(
                        "freshness-pending",
                        Map.of(
                                "table", "\"core\".\"orders\"",
                                "key", "\"order_id\"",
                                "version", "\"row_version\"",
                                "tombstones", "\"core\".\"deleted_rows\""));
        String sqlServer = new QualityDialect(Vendor.SQLSERVER)
                .sql(
                        "freshness-pending",
                        Map.of(
                                "table", "[core].[orders]",
                                "key", "[order_id]",
                                "version", "[rv]",
                                "tombstones", "[audit].[tombstones]"));

        assertThat(postgres)
                .contains("AS xid8)")
                .contains("FROM \"core\".\"orders\" t")
                .doesNotContain("--");
        assertThat(sqlServer)
                .contains("CAST(:watermark_version AS binary(8))")
                .contains("t.[order_id] >")
                .contains("WHERE t.[rv] > CAST(:watermark_version AS binary(8))")
                .contains("FROM [audit].[tombstones] d");
    }

    @Test
    void shouldFallBackToTheAnsiStatement() {
        assertThat(new QualityDialect(Vendor.POSTGRESQL).sql("applied-batches"))
                .isEqualTo("SELECT COUNT(*) FROM ctl.applied_batch WHERE replay = :replay");
    }

    @Test
    void shouldRefuseATemplateWhosePlaceholderHasNoValue() {
        QualityDialect dialect = new QualityDialect(Vendor.POSTGRESQL);

        assertThatThrownBy(() -> dialect.sql(
                        "freshness-pending",
                        Map.of(
                                "table", "\"core\".\"orders\"",
                                "version", "\"row_version\"",
                                "tombstones", "\"core\".\"deleted_rows\"")))
                .hasMessageContaining("needs {key}");
    }

    @Test
    void shouldPassAKeyListAsOneStringParameterOnBothVendors() {
        assertThat(new QualityDialect(Vendor.SQLSERVER).sql("key-list", Map.of("name", "excluded_orders")))
                .isEqualTo(
                        "SELECT CAST(value AS bigint) FROM STRING_SPLIT(CAST(:excluded_orders AS nvarchar(max)), ',')"
                                + " WHERE value <> ''");
        assertThat(new QualityDialect(Vendor.POSTGRESQL).sql("key-list", Map.of("name", "excluded_orders")))
                .isEqualTo("SELECT CAST(k AS bigint) FROM unnest(string_to_array(CAST(:excluded_orders AS text), ','))"
                        + " AS l(k) WHERE k <> ''");
    }

    @Test
    void shouldCompareSqlServerRowversionsWithTheAppliedVersionsAsBinary() {
        QualityDialect dialect = new QualityDialect(Vendor.SQLSERVER);
        String sql = folded(dialect.sql(
                "reconciliation-oltp-in-flight",
                OltpSource.of(EntityCatalog.reference(), dialect).tables()));

        assertThat(sql)
                .contains("FROM [core].[orders] o WHERE o.row_version > CAST(:orders_version AS binary(8))")
                .contains("WHERE i.row_version > CAST(:order_items_version AS binary(8))")
                .contains("WHERE r.row_version > CAST(:returns_version AS binary(8))")
                .contains("WHERE t.row_version > CAST(:sales_targets_version AS binary(8))")
                .contains("FROM [core].[deleted_rows] d WHERE d.table_name = CAST(:order_items_table_name AS"
                        + " VARCHAR(64)) AND d.row_version > CAST(:order_items_version AS binary(8))")
                .doesNotContain("xid8");
        // RETURNS is reserved in T-SQL: the consistent point's columns are named after the parameters
        assertThat(new QualityDialect(Vendor.SQLSERVER).sql("reconciliation-point"))
                .contains("AS orders_version")
                .contains("AS returns_version")
                .doesNotContain("AS returns,");
    }

    @Test
    void shouldReadARenamedSqlServerSourceUnderTheContractsNamesInTheReconciliationQueries() {
        EntityCatalog catalog = EntityCatalogFile.read(
                List.of(
                        EntityCatalogFile.Source.shipped(),
                        new EntityCatalogFile.Source(
                                "ops.yml",
                                """
                        entities:
                          orders:
                            table: dbo.Pedidos
                            key: IdPedido
                            columns: {order_date: DataPedido, deleted_at: ExcluidoEm}
                            change-order-column: Versao
                            tombstone-table: dbo.Exclusoes
                            tombstone-columns: {table_name: Tabela, row_key: Chave}
                        """)));
        QualityDialect dialect = new QualityDialect(Vendor.SQLSERVER);
        OltpSource source = OltpSource.of(catalog, dialect);

        assertThat(source.tombstoneNames()).containsEntry("orders_table_name", "Pedidos");
        assertThat(folded(dialect.sql("reconciliation-oltp-in-flight", source.tables())))
                .contains("SELECT 'order' AS kind, o.order_id AS key_value FROM (SELECT [IdPedido] AS [order_id],"
                        + " [order_number] AS [order_number], [customer_id] AS [customer_id],"
                        + " [seller_id] AS [seller_id], [discount_id] AS [discount_id], [status] AS [status],"
                        + " [DataPedido] AS [order_date], [channel] AS [channel], [created_at] AS [created_at],"
                        + " [updated_at] AS [updated_at], [ExcluidoEm] AS [deleted_at], [Versao] AS [row_version]"
                        + " FROM [dbo].[Pedidos]) o WHERE o.row_version > CAST(:orders_version AS binary(8))")
                .contains("SELECT 'order', d.row_key FROM (SELECT [Tabela] AS [table_name], [Chave] AS [row_key],"
                        + " [row_version] AS [row_version], [deleted_at] AS [deleted_at] FROM [dbo].[Exclusoes]) d"
                        + " WHERE d.table_name = CAST(:orders_table_name AS VARCHAR(64))"
                        + " AND d.row_version > CAST(:orders_version AS binary(8))")
                .contains("FROM [core].[order_items] i");
        assertThat(folded(dialect.sql("reconciliation-oltp-fact_vendas", withKeyLists(dialect, source))))
                .contains("FROM [core].[order_items] i JOIN (SELECT [IdPedido] AS [order_id],")
                .contains("FROM [dbo].[Pedidos]) o ON o.order_id = i.order_id");
    }

    private static String folded(String sql) {
        return sql.replaceAll("\\s+", " ");
    }

    private static Map<String, String> withKeyLists(QualityDialect dialect, OltpSource source) {
        Map<String, String> names = new HashMap<>(source.tables());
        names.put("excluded_orders", dialect.sql("key-list", Map.of("name", "excluded_orders")));
        names.put("excluded_targets", dialect.sql("key-list", Map.of("name", "excluded_targets")));
        return names;
    }

    @Test
    void shouldQuoteIdentifiersPerVendor() {
        assertThat(new QualityDialect(Vendor.SQLSERVER).quoteIdentifier("fact_vendas"))
                .isEqualTo("[fact_vendas]");
        assertThat(new QualityDialect(Vendor.POSTGRESQL).quoteIdentifier("fact_vendas"))
                .isEqualTo("\"fact_vendas\"");
        assertThatThrownBy(() -> new QualityDialect(Vendor.POSTGRESQL).quoteIdentifier("x\"; DROP"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
