package io.esteira.quality.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityCatalogFile;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.quality.dialect.QualityDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The freshness statement SQL Server gets for a source with its own names (it cannot run here). */
class MappedSourceSqlTest {

    private static final EntityCatalog CATALOG = EntityCatalogFile.read(
            List.of(
                    EntityCatalogFile.Source.shipped(),
                    new EntityCatalogFile.Source(
                            "ops.yml",
                            """
                    entities:
                      regions:
                        table: dbo.Regioes
                        key: IdRegiao
                        columns: {name: Nome, state: UF, country: Pais, updated_at: AtualizadoEm}
                        change-order-column: Versao
                        tombstone-table: dbo.Exclusoes
                        tombstone-columns: {table_name: Tabela, row_key: Chave, row_version: Versao, deleted_at: ExcluidaEm}
                    """)));

    @Test
    void shouldReadSqlServerFreshnessOfARenamedSourceUnderTheContractsNames() {
        QualityDialect dialect = new QualityDialect(Vendor.SQLSERVER);

        String sql = dialect.sql("freshness-pending", CheckFactory.mappedPendingNames(CATALOG.get("regions"), dialect))
                .replaceAll("\\s+", " ");

        assertThat(sql)
                .isEqualTo(
                        "SELECT COUNT(*) AS pending, MIN(p.changed_at) AS oldest,"
                                + " SUM(CASE WHEN p.changed_at < :sla_cutoff THEN 1 ELSE 0 END) AS overdue FROM ("
                                + " SELECT t.updated_at AS changed_at FROM (SELECT [IdRegiao] AS [region_id], [Nome] AS [name],"
                                + " [UF] AS [state], [Pais] AS [country], [created_at] AS [created_at],"
                                + " [AtualizadoEm] AS [updated_at], [deleted_at] AS [deleted_at], [Versao] AS [row_version]"
                                + " FROM [dbo].[Regioes]) t"
                                + " WHERE t.[row_version] > CAST(:watermark_version AS binary(8))"
                                + " OR (t.[row_version] = CAST(:watermark_version AS binary(8)) AND t.[region_id] > :watermark_key)"
                                + " UNION ALL SELECT d.deleted_at FROM (SELECT [Tabela] AS [table_name], [Chave] AS [row_key],"
                                + " [Versao] AS [row_version], [ExcluidaEm] AS [deleted_at] FROM [dbo].[Exclusoes]) d"
                                + " WHERE d.table_name = :table_name"
                                + " AND (d.row_version > CAST(:watermark_version AS binary(8))"
                                + " OR (d.row_version = CAST(:watermark_version AS binary(8)) AND d.row_key > :watermark_key)) ) p");
    }
}
