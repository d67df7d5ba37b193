package io.esteira.quality.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.dialect.Vendor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The volume-anomaly, history and per-entity result statements as SQL Server gets them (it cannot run here). */
class SqlServerStatementsTest {

    private static final QualityDialect SQLSERVER = new QualityDialect(Vendor.SQLSERVER);

    @Test
    void shouldCountRowsPerDayKeyOfAFact() {
        Map<String, String> names = Map.of("fact", "[fact].[fact_vendas]", "date_column", "[data_sk]");

        assertThat(SQLSERVER.sql("volume-daily-rows", names))
                .isEqualTo("SELECT f.[data_sk] AS day_key, COUNT(*) AS row_count\n"
                        + "FROM [fact].[fact_vendas] f\n"
                        + "WHERE f.[data_sk] BETWEEN :from_key AND :to_key\n"
                        + "GROUP BY f.[data_sk]");
        assertThat(SQLSERVER.sql("volume-first-day", names))
                .isEqualTo("SELECT MIN(f.[data_sk]) FROM [fact].[fact_vendas] f WHERE f.[data_sk] > 0");
    }

    @Test
    void shouldPageTheHistoryWithOffsetFetchWhichBothVendorsAccept() {
        assertThat(SQLSERVER.sql("result-history-page"))
                .startsWith("SELECT r.check_id, r.kind, r.severity, r.status")
                .contains(
                        "WHERE r.check_id = :check_id\n  AND r.started_at >= :from_time\n  AND r.started_at < :to_time")
                .endsWith("ORDER BY r.dq_result_id DESC\nOFFSET :skip ROWS FETCH NEXT :size ROWS ONLY");
    }

    @Test
    void shouldReadTheLatestJudgementOfEachEntityWithAWindowBothVendorsAccept() {
        assertThat(SQLSERVER.sql("result-entity-latest"))
                .contains("ROW_NUMBER() OVER (PARTITION BY r.check_id, e.entity ORDER BY e.dq_result_id DESC)")
                .contains("JOIN audit.dq_result r ON r.dq_result_id = e.dq_result_id")
                .endsWith("WHERE j.newest = 1")
                .doesNotContain("LIMIT")
                .doesNotContain("DISTINCT ON");
        assertThat(SQLSERVER.sql("result-entity-insert"))
                .endsWith("INSERT INTO audit.dq_result_entity (dq_result_id, entity, status, value, message)\n"
                        + "VALUES (:dq_result_id, :entity, :status, :value, :message)");
    }
}
