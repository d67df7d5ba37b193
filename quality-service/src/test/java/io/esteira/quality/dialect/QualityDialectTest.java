package io.esteira.quality.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.dialect.Vendor;
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
        String sql = new QualityDialect(Vendor.SQLSERVER).sql("reconciliation-oltp-in-flight");

        assertThat(sql)
                .contains("WHERE o.row_version > CAST(:orders_version AS binary(8))")
                .contains("WHERE i.row_version > CAST(:order_items_version AS binary(8))")
                .contains("WHERE r.row_version > CAST(:returns_version AS binary(8))")
                .contains("WHERE t.row_version > CAST(:sales_targets_version AS binary(8))")
                .contains("(d.table_name = 'order_items' AND d.row_version > CAST(:order_items_version AS binary(8)))")
                .doesNotContain("xid8");
        // RETURNS is reserved in T-SQL: the consistent point's columns are named after the parameters
        assertThat(new QualityDialect(Vendor.SQLSERVER).sql("reconciliation-point"))
                .contains("AS orders_version")
                .contains("AS returns_version")
                .doesNotContain("AS returns,");
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
