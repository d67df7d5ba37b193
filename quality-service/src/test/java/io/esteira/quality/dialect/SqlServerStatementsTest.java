package io.esteira.quality.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.dialect.Vendor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The volume-anomaly, entity-volume, history, per-entity result and untimed freshness statements as SQL Server
 * gets them (it cannot run here).
 */
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

    @Test
    void shouldSumTheRowsLandedOfAnEntityBetweenTwoInstantsLeavingReplaysOut() {
        assertThat(SQLSERVER.sql("volume-entity-rows"))
                .isEqualTo("SELECT COALESCE(SUM(b.rows_in_batch), 0) AS row_count\n"
                        + "FROM ctl.applied_batch b\n"
                        + "WHERE b.entity = :entity\n"
                        + "  AND b.replay IS NULL\n"
                        + "  AND b.applied_at >= :from_at\n"
                        + "  AND b.applied_at < :to_at");
        assertThat(SQLSERVER.sql("volume-entity-first"))
                .isEqualTo("SELECT MIN(b.applied_at) AS first_applied_at\n"
                        + "FROM ctl.applied_batch b\n"
                        + "WHERE b.entity = :entity\n"
                        + "  AND b.replay IS NULL");
    }

    @Test
    void shouldCountPendingChangesOfAnEntityWithoutChangeTimeByRowversionAsBigint() {
        Map<String, String> names = Map.of(
                "table", "[dbo].[Lancamentos]",
                "key", "[IdLancamento]",
                "version", "[VersaoLinha]",
                "tombstones", "[dbo].[deleted_rows]");

        assertThat(SQLSERVER.sql("freshness-pending-untimed", names))
                .isEqualTo("SELECT COUNT(*) AS pending,\n"
                        + "       MAX(p.version) AS newest_version,\n"
                        + "       SUM(CASE WHEN p.version <= :seen_version THEN 1 ELSE 0 END) AS seen\n"
                        + "FROM (\n"
                        + "    SELECT CAST(t.[VersaoLinha] AS bigint) AS version\n"
                        + "    FROM [dbo].[Lancamentos] t\n"
                        + "    WHERE t.[VersaoLinha] > CAST(:watermark_version AS binary(8))\n"
                        + "       OR (t.[VersaoLinha] = CAST(:watermark_version AS binary(8))"
                        + " AND t.[IdLancamento] > :watermark_key)\n"
                        + "    UNION ALL\n"
                        + "    SELECT CAST(d.row_version AS bigint)\n"
                        + "    FROM [dbo].[deleted_rows] d\n"
                        + "    WHERE d.table_name = :table_name\n"
                        + "      AND (d.row_version > CAST(:watermark_version AS binary(8))\n"
                        + "           OR (d.row_version = CAST(:watermark_version AS binary(8))"
                        + " AND d.row_key > :watermark_key))\n"
                        + ") p");
    }

    @Test
    void shouldReplaceASightingWithStatementsBothVendorsAccept() {
        assertThat(SQLSERVER.sql("freshness-sighting-find"))
                .isEqualTo("SELECT seen_version, first_seen_at\n"
                        + "FROM audit.dq_freshness_sighting\n"
                        + "WHERE check_id = :check_id AND entity = :entity");
        assertThat(SQLSERVER.sql("freshness-sighting-delete"))
                .isEqualTo("DELETE FROM audit.dq_freshness_sighting WHERE check_id = :check_id AND entity = :entity");
        assertThat(SQLSERVER.sql("freshness-sighting-insert"))
                .isEqualTo("INSERT INTO audit.dq_freshness_sighting (check_id, entity, seen_version, first_seen_at)\n"
                        + "VALUES (:check_id, :entity, :seen_version, :first_seen_at)");
    }
}
