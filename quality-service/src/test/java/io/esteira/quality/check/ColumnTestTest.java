package io.esteira.quality.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.dialect.Vendor;
import io.esteira.quality.dialect.QualityDialect;
import org.junit.jupiter.api.Test;

/** The column tests' SQL as each vendor gets it (SQL Server cannot run here: its SQL is asserted exactly). */
class ColumnTestTest {

    private static final QualityDialect SQLSERVER = new QualityDialect(Vendor.SQLSERVER);
    private static final QualityDialect POSTGRESQL = new QualityDialect(Vendor.POSTGRESQL);
    private static final Catalog.Table VENDAS = new Catalog.Table("fact", "fact_vendas");

    private static ColumnTest test(CheckKind kind) {
        return new ColumnTest(kind, VENDAS, "status", "order_item_id", null, null);
    }

    @Test
    void shouldRenderNotNullForSqlServer() {
        assertThat(test(CheckKind.NOT_NULL).countSql(SQLSERVER))
                .isEqualTo("SELECT COUNT(*) FROM (SELECT t.[order_item_id] AS row_key, t.[status] AS tested_value\n"
                        + "FROM [fact].[fact_vendas] t\n"
                        + "WHERE t.[status] IS NULL) failing");
    }

    @Test
    void shouldRenderUniqueForSqlServerWithDuplicatesSideBySide() {
        assertThat(test(CheckKind.UNIQUE).sampleSql(SQLSERVER))
                .isEqualTo("SELECT t.[order_item_id] AS row_key, t.[status] AS tested_value\n"
                        + "FROM [fact].[fact_vendas] t\n"
                        + "WHERE t.[status] IN (SELECT d.[status] FROM [fact].[fact_vendas] d WHERE d.[status] IS NOT NULL"
                        + " GROUP BY d.[status] HAVING COUNT(*) > 1) ORDER BY tested_value, row_key");
    }

    @Test
    void shouldCompareAcceptedValuesAsTextPerVendor() {
        assertThat(test(CheckKind.ACCEPTED_VALUES).sql(SQLSERVER))
                .isEqualTo("SELECT t.[order_item_id] AS row_key, t.[status] AS tested_value\n"
                        + "FROM [fact].[fact_vendas] t\n"
                        + "WHERE CAST(t.[status] AS nvarchar(4000)) NOT IN (:accepted)");
        assertThat(test(CheckKind.ACCEPTED_VALUES).sql(POSTGRESQL))
                .endsWith("WHERE CAST(t.\"status\" AS varchar) NOT IN (:accepted)");
    }

    @Test
    void shouldRenderRangeForSqlServerWithOptionalBounds() {
        assertThat(new ColumnTest(CheckKind.RANGE, VENDAS, "quantidade", "order_item_id", null, null).sql(SQLSERVER))
                .isEqualTo("SELECT t.[order_item_id] AS row_key, t.[quantidade] AS tested_value\n"
                        + "FROM [fact].[fact_vendas] t\n"
                        + "WHERE t.[quantidade] < COALESCE(:min, t.[quantidade])\n"
                        + "   OR t.[quantidade] > COALESCE(:max, t.[quantidade])");
    }

    @Test
    void shouldRenderRelationshipsForSqlServer() {
        ColumnTest test = new ColumnTest(
                CheckKind.RELATIONSHIPS,
                new Catalog.Table("core", "order_items"),
                "order_id",
                "order_item_id",
                new Catalog.Table("core", "orders"),
                "order_id");

        assertThat(test.sql(SQLSERVER))
                .isEqualTo("SELECT t.[order_item_id] AS row_key, t.[order_id] AS tested_value\n"
                        + "FROM [core].[order_items] t\n"
                        + "WHERE t.[order_id] IS NOT NULL\n"
                        + "  AND NOT EXISTS (SELECT 1 FROM [core].[orders] p WHERE p.[order_id] = t.[order_id])");
        assertThat(test.describe("1005", "999"))
                .isEqualTo(
                        "core.order_items.order_id=999 (order_item_id=1005): no row in core.orders with order_id=999");
    }

    @Test
    void shouldNameTheRowByItsKeyUnlessTheKeyIsTheTestedColumn() {
        assertThat(test(CheckKind.NOT_NULL).describe("1005", null))
                .isEqualTo("fact.fact_vendas.status=null (order_item_id=1005)");
        assertThat(new ColumnTest(CheckKind.UNIQUE, VENDAS, "status", "status", null, null).describe("x", "paid"))
                .isEqualTo("fact.fact_vendas.status=paid: value not unique");
    }
}
