package io.esteira.extractor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.catalog.SourceMapping;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.extractor.dialect.CaptureDialect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The columns a mirror entity declared without {@code columns} carries, taken from its source table's current
 * columns, and the page query they render (no database: SQL Server's is asserted as the exact text).
 */
class CarriedColumnsTest {

    /** leads, declared with its key alone; its source calls the key IdLead and orders changes by VersaoLinha. */
    private static final EntityDefinition LEADS = new EntityDefinition(
            "leads",
            "crm.leads",
            "lead_id",
            List.of("lead_id"),
            "VersaoLinha",
            "crm.deleted_rows",
            Map.of(),
            new SourceMapping(
                    "crm.Leads", "IdLead", Map.of("lead_id", "IdLead"), "VersaoLinha", "crm.deleted_rows", Map.of()));

    @Test
    void shouldCarryEveryColumnOfTheTableKeyFirstButTheChangeOrderColumn() {
        assertThat(ChangeCapture.carried(LEADS, List.of("Nome", "idlead", "versaolinha", "Origem")))
                .containsExactly("lead_id", "Nome", "Origem");
    }

    @Test
    void shouldReadTheCarriedColumnsUnderTheSourcesNamesAndTheKeyUnderItsContractName() {
        EntityDefinition carried = ChangeCapture.asCarried(LEADS, List.of("lead_id", "Nome", "Origem"));

        assertThat(carried.columns()).containsExactly("lead_id", "Nome", "Origem");
        assertThat(carried.source().columns())
                .containsExactly(
                        Map.entry("lead_id", "IdLead"), Map.entry("Nome", "Nome"), Map.entry("Origem", "Origem"));
        assertThat(carried.source().table()).isEqualTo("crm.Leads");
        assertThat(carried.source().changeOrderColumn()).isEqualTo("VersaoLinha");
    }

    @Test
    void shouldRenderTheSqlServerPageOfTheColumnsTheTableHasNow() {
        EntityDefinition carried = ChangeCapture.asCarried(LEADS, List.of("lead_id", "Nome", "Origem"));

        String sql = CaptureDialect.of(Vendor.SQLSERVER)
                .capturePage(carried, null)
                .replaceAll("(?m)^--.*$", "")
                .replaceAll("\\s+", " ")
                .trim();

        assertThat(sql)
                .isEqualTo("SELECT TOP (:max_rows) c.esteira_op, c.esteira_key,"
                        + " CAST(c.esteira_version AS BIGINT) AS esteira_version, c.[lead_id], c.[Nome], c.[Origem]"
                        + " FROM ( SELECT * FROM ( SELECT TOP (:max_rows) 'upsert' AS esteira_op,"
                        + " t.[IdLead] AS esteira_key, t.[VersaoLinha] AS esteira_version, t.[IdLead] AS [lead_id],"
                        + " t.[Nome] AS [Nome], t.[Origem] AS [Origem] FROM [crm].[Leads] t"
                        + " WHERE (t.[VersaoLinha] > CAST(CAST(:from_version AS BIGINT) AS BINARY(8))"
                        + " OR (t.[VersaoLinha] = CAST(CAST(:from_version AS BIGINT) AS BINARY(8)) AND t.[IdLead] > :from_key))"
                        + " AND (t.[VersaoLinha] < CAST(CAST(:to_version AS BIGINT) AS BINARY(8))"
                        + " OR (t.[VersaoLinha] = CAST(CAST(:to_version AS BIGINT) AS BINARY(8)) AND t.[IdLead] <= :to_key))"
                        + " AND t.[VersaoLinha] < CAST(CAST(:bound AS BIGINT) AS BINARY(8))"
                        + " ORDER BY t.[VersaoLinha], t.[IdLead] ) u"
                        + " UNION ALL SELECT * FROM ( SELECT TOP (:max_rows) 'delete' AS esteira_op,"
                        + " d.[row_key] AS esteira_key, d.[row_version] AS esteira_version,"
                        + " NULL AS [lead_id], NULL AS [Nome], NULL AS [Origem] FROM [crm].[deleted_rows] d"
                        + " WHERE d.[table_name] = CAST(:table_name AS VARCHAR(64))"
                        + " AND (d.[row_version] > CAST(CAST(:from_version AS BIGINT) AS BINARY(8))"
                        + " OR (d.[row_version] = CAST(CAST(:from_version AS BIGINT) AS BINARY(8)) AND d.[row_key] > :from_key))"
                        + " AND (d.[row_version] < CAST(CAST(:to_version AS BIGINT) AS BINARY(8))"
                        + " OR (d.[row_version] = CAST(CAST(:to_version AS BIGINT) AS BINARY(8)) AND d.[row_key] <= :to_key))"
                        + " AND d.[row_version] < CAST(CAST(:bound AS BIGINT) AS BINARY(8))"
                        + " ORDER BY d.[row_version], d.[row_key] ) x ) c"
                        + " ORDER BY c.esteira_version, c.esteira_key");
    }
}
