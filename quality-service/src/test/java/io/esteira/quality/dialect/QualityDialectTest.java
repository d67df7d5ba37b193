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
                .sql("freshness-pending", Map.of("table", "\"core\".\"orders\"", "key", "\"order_id\""));
        String sqlServer = new QualityDialect(Vendor.SQLSERVER)
                .sql("freshness-pending", Map.of("table", "[core].[orders]", "key", "[order_id]"));

        assertThat(postgres)
                .contains("AS xid8)")
                .contains("FROM \"core\".\"orders\" t")
                .doesNotContain("--");
        assertThat(sqlServer).contains("CAST(:watermark_version AS binary(8))").contains("t.[order_id] >");
    }

    @Test
    void shouldFallBackToTheAnsiStatement() {
        assertThat(new QualityDialect(Vendor.POSTGRESQL).sql("applied-batches"))
                .isEqualTo("SELECT COUNT(*) FROM ctl.applied_batch WHERE replay = :replay");
    }

    @Test
    void shouldRefuseATemplateWhosePlaceholderHasNoValue() {
        QualityDialect dialect = new QualityDialect(Vendor.POSTGRESQL);

        assertThatThrownBy(() -> dialect.sql("freshness-pending", Map.of("table", "\"core\".\"orders\"")))
                .hasMessageContaining("needs {key}");
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
