package io.esteira.extractor.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.catalog.SourceMapping;
import io.esteira.contracts.dialect.Vendor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaptureDialectTest {

    private static final EntityDefinition REGIONS =
            new EntityDefinition("regions", "core.regions", "region_id", List.of("region_id", "name"));

    /** The statement as the database receives it, without comments and with whitespace folded. */
    private static String rendered(Vendor vendor, String windowColumn) {
        return CaptureDialect.of(vendor)
                .capturePage(REGIONS, windowColumn)
                .replaceAll("(?m)^--.*$", "")
                .replaceAll("\\s+", " ")
                .trim();
    }

    /** The bound statement as the database receives it. */
    private static String bound(Vendor vendor) {
        return CaptureDialect.of(vendor)
                .captureBound()
                .replaceAll("(?m)^--.*$", "")
                .replaceAll("\\s+", " ")
                .trim();
    }

    @Test
    void shouldReadThePostgresBoundAsTheOldestRunningTransactionInAStatementOfItsOwn() {
        assertThat(bound(Vendor.POSTGRESQL)).isEqualTo("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint");
        assertThat(rendered(Vendor.POSTGRESQL, null)).doesNotContain("pg_current_snapshot");
    }

    @Test
    void shouldReadTheSqlServerBoundBeforeThePageNeverInsideIt() {
        // MIN_ACTIVE_ROWVERSION() ignores the isolation level: inside the page's statement, under RCSI or
        // snapshot isolation, it is read after the statement's snapshot and can pass rows of a transaction
        // that committed in between, whose earlier rows the cursor then skips.
        assertThat(bound(Vendor.SQLSERVER)).isEqualTo("SELECT CAST(MIN_ACTIVE_ROWVERSION() AS BIGINT)");
        assertThat(rendered(Vendor.SQLSERVER, null)).doesNotContain("MIN_ACTIVE_ROWVERSION");
    }

    @Test
    void shouldReadPostgresPagesBranchByBranchInIndexOrderBelowTheBoundParameter() {
        assertThat(rendered(Vendor.POSTGRESQL, null))
                .isEqualTo("SELECT c.esteira_op, c.esteira_key, c.esteira_version::text::bigint AS esteira_version,"
                        + " c.\"region_id\", c.\"name\" FROM ("
                        + " (SELECT 'upsert' AS esteira_op, t.\"region_id\" AS esteira_key,"
                        + " t.\"row_version\" AS esteira_version, t.\"region_id\" AS \"region_id\","
                        + " t.\"name\" AS \"name\" FROM \"core\".\"regions\" t"
                        + " WHERE (t.\"row_version\", t.\"region_id\") > (:from_version::text::xid8, :from_key)"
                        + " AND (t.\"row_version\", t.\"region_id\") <= (:to_version::text::xid8, :to_key)"
                        + " AND t.\"row_version\" < :bound::text::xid8"
                        + " ORDER BY t.\"row_version\", t.\"region_id\" LIMIT :max_rows)"
                        + " UNION ALL (SELECT 'delete', d.\"row_key\", d.\"row_version\","
                        + " NULL AS \"region_id\", NULL AS \"name\" FROM \"core\".\"deleted_rows\" d"
                        + " WHERE d.\"table_name\" = :table_name"
                        + " AND (d.\"row_version\", d.\"row_key\") > (:from_version::text::xid8, :from_key)"
                        + " AND (d.\"row_version\", d.\"row_key\") <= (:to_version::text::xid8, :to_key)"
                        + " AND d.\"row_version\" < :bound::text::xid8"
                        + " ORDER BY d.\"row_version\", d.\"row_key\" LIMIT :max_rows) ) c"
                        + " ORDER BY c.esteira_version, c.esteira_key LIMIT :max_rows");
    }

    @Test
    void shouldReadSqlServerPagesBranchByBranchInIndexOrderBelowTheBoundParameter() {
        assertThat(rendered(Vendor.SQLSERVER, null))
                .isEqualTo("SELECT TOP (:max_rows) c.esteira_op, c.esteira_key,"
                        + " CAST(c.esteira_version AS BIGINT) AS esteira_version, c.[region_id], c.[name] FROM ("
                        + " SELECT * FROM ( SELECT TOP (:max_rows) 'upsert' AS esteira_op, t.[region_id] AS esteira_key,"
                        + " t.[row_version] AS esteira_version, t.[region_id] AS [region_id],"
                        + " t.[name] AS [name] FROM [core].[regions] t"
                        + " WHERE (t.[row_version] > CAST(CAST(:from_version AS BIGINT) AS BINARY(8))"
                        + " OR (t.[row_version] = CAST(CAST(:from_version AS BIGINT) AS BINARY(8)) AND t.[region_id] > :from_key))"
                        + " AND (t.[row_version] < CAST(CAST(:to_version AS BIGINT) AS BINARY(8))"
                        + " OR (t.[row_version] = CAST(CAST(:to_version AS BIGINT) AS BINARY(8)) AND t.[region_id] <= :to_key))"
                        + " AND t.[row_version] < CAST(CAST(:bound AS BIGINT) AS BINARY(8))"
                        + " ORDER BY t.[row_version], t.[region_id] ) u"
                        + " UNION ALL SELECT * FROM ( SELECT TOP (:max_rows) 'delete' AS esteira_op,"
                        + " d.[row_key] AS esteira_key, d.[row_version] AS esteira_version,"
                        + " NULL AS [region_id], NULL AS [name] FROM [core].[deleted_rows] d"
                        + " WHERE d.[table_name] = CAST(:table_name AS VARCHAR(64))"
                        + " AND (d.[row_version] > CAST(CAST(:from_version AS BIGINT) AS BINARY(8))"
                        + " OR (d.[row_version] = CAST(CAST(:from_version AS BIGINT) AS BINARY(8)) AND d.[row_key] > :from_key))"
                        + " AND (d.[row_version] < CAST(CAST(:to_version AS BIGINT) AS BINARY(8))"
                        + " OR (d.[row_version] = CAST(CAST(:to_version AS BIGINT) AS BINARY(8)) AND d.[row_key] <= :to_key))"
                        + " AND d.[row_version] < CAST(CAST(:bound AS BIGINT) AS BINARY(8))"
                        + " ORDER BY d.[row_version], d.[row_key] ) x ) c"
                        + " ORDER BY c.esteira_version, c.esteira_key");
    }

    @Test
    void shouldReadTheEntitysOwnChangeOrderColumnAndTombstoneTable() {
        EntityDefinition payments = new EntityDefinition(
                "payments", "sales.payments", "payment_id", List.of("payment_id"), "rv", "audit.tombstones", Map.of());

        String postgres = CaptureDialect.of(Vendor.POSTGRESQL).capturePage(payments, null);
        String sqlServer = CaptureDialect.of(Vendor.SQLSERVER).capturePage(payments, null);

        assertThat(postgres)
                .contains("ORDER BY t.\"rv\", t.\"payment_id\"", "FROM \"audit\".\"tombstones\" d")
                .doesNotContain("t.row_version", "t.\"row_version\"");
        assertThat(sqlServer)
                .contains("AND t.[rv] < CAST(CAST(:bound AS BIGINT) AS BINARY(8))", "FROM [audit].[tombstones] d")
                .doesNotContain("t.row_version", "t.[row_version]");
    }

    /** customers on a source that calls it dbo.Clientes, with its own key, columns, versions and tombstones. */
    private static final EntityDefinition CLIENTES = new EntityDefinition(
            "customers",
            "core.customers",
            "customer_id",
            List.of("customer_id", "name", "updated_at"),
            "VersaoLinha",
            "dbo.LinhasExcluidas",
            Map.of(),
            new SourceMapping(
                    "dbo.Clientes",
                    "IdCliente",
                    mapOf("customer_id", "IdCliente", "name", "NomeCliente", "updated_at", "AtualizadoEm"),
                    "VersaoLinha",
                    "dbo.LinhasExcluidas",
                    Map.of(
                            "table_name",
                            "Tabela",
                            "row_key",
                            "Chave",
                            "row_version",
                            "Versao",
                            "deleted_at",
                            "ExcluidaEm")));

    private static Map<String, String> mapOf(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String folded(Vendor vendor, EntityDefinition entity, String windowColumn) {
        return CaptureDialect.of(vendor)
                .capturePage(entity, windowColumn)
                .replaceAll("(?m)^--.*$", "")
                .replaceAll("\\s+", " ")
                .trim();
    }

    @Test
    void shouldSelectSqlServerSourceNamesAsTheContractsNamesQuotedInBrackets() {
        assertThat(folded(Vendor.SQLSERVER, CLIENTES, "updated_at"))
                .isEqualTo("SELECT TOP (:max_rows) c.esteira_op, c.esteira_key,"
                        + " CAST(c.esteira_version AS BIGINT) AS esteira_version, c.[customer_id], c.[name],"
                        + " c.[updated_at] FROM ("
                        + " SELECT * FROM ( SELECT TOP (:max_rows) 'upsert' AS esteira_op, t.[IdCliente] AS esteira_key,"
                        + " t.[VersaoLinha] AS esteira_version, t.[IdCliente] AS [customer_id],"
                        + " t.[NomeCliente] AS [name], t.[AtualizadoEm] AS [updated_at] FROM [dbo].[Clientes] t"
                        + " WHERE (t.[VersaoLinha] > CAST(CAST(:from_version AS BIGINT) AS BINARY(8))"
                        + " OR (t.[VersaoLinha] = CAST(CAST(:from_version AS BIGINT) AS BINARY(8)) AND t.[IdCliente] > :from_key))"
                        + " AND (t.[VersaoLinha] < CAST(CAST(:to_version AS BIGINT) AS BINARY(8))"
                        + " OR (t.[VersaoLinha] = CAST(CAST(:to_version AS BIGINT) AS BINARY(8)) AND t.[IdCliente] <= :to_key))"
                        + " AND t.[VersaoLinha] < CAST(CAST(:bound AS BIGINT) AS BINARY(8))"
                        + " AND t.[AtualizadoEm] >= :window_from AND t.[AtualizadoEm] < :window_to"
                        + " ORDER BY t.[VersaoLinha], t.[IdCliente] ) u"
                        + " UNION ALL SELECT * FROM ( SELECT TOP (:max_rows) 'delete' AS esteira_op,"
                        + " d.[Chave] AS esteira_key, d.[Versao] AS esteira_version,"
                        + " NULL AS [customer_id], NULL AS [name], NULL AS [updated_at] FROM [dbo].[LinhasExcluidas] d"
                        + " WHERE d.[Tabela] = CAST(:table_name AS VARCHAR(64))"
                        + " AND (d.[Versao] > CAST(CAST(:from_version AS BIGINT) AS BINARY(8))"
                        + " OR (d.[Versao] = CAST(CAST(:from_version AS BIGINT) AS BINARY(8)) AND d.[Chave] > :from_key))"
                        + " AND (d.[Versao] < CAST(CAST(:to_version AS BIGINT) AS BINARY(8))"
                        + " OR (d.[Versao] = CAST(CAST(:to_version AS BIGINT) AS BINARY(8)) AND d.[Chave] <= :to_key))"
                        + " AND d.[Versao] < CAST(CAST(:bound AS BIGINT) AS BINARY(8))"
                        + " AND d.[ExcluidaEm] >= :window_from AND d.[ExcluidaEm] < :window_to"
                        + " ORDER BY d.[Versao], d.[Chave] ) x ) c"
                        + " ORDER BY c.esteira_version, c.esteira_key");
    }

    @Test
    void shouldSelectPostgresSourceNamesAsTheContractsNamesInDoubleQuotes() {
        assertThat(folded(Vendor.POSTGRESQL, CLIENTES, null))
                .isEqualTo("SELECT c.esteira_op, c.esteira_key, c.esteira_version::text::bigint AS esteira_version,"
                        + " c.\"customer_id\", c.\"name\", c.\"updated_at\" FROM ("
                        + " (SELECT 'upsert' AS esteira_op, t.\"IdCliente\" AS esteira_key,"
                        + " t.\"VersaoLinha\" AS esteira_version, t.\"IdCliente\" AS \"customer_id\","
                        + " t.\"NomeCliente\" AS \"name\", t.\"AtualizadoEm\" AS \"updated_at\""
                        + " FROM \"dbo\".\"Clientes\" t"
                        + " WHERE (t.\"VersaoLinha\", t.\"IdCliente\") > (:from_version::text::xid8, :from_key)"
                        + " AND (t.\"VersaoLinha\", t.\"IdCliente\") <= (:to_version::text::xid8, :to_key)"
                        + " AND t.\"VersaoLinha\" < :bound::text::xid8"
                        + " ORDER BY t.\"VersaoLinha\", t.\"IdCliente\" LIMIT :max_rows)"
                        + " UNION ALL (SELECT 'delete', d.\"Chave\", d.\"Versao\","
                        + " NULL AS \"customer_id\", NULL AS \"name\", NULL AS \"updated_at\""
                        + " FROM \"dbo\".\"LinhasExcluidas\" d"
                        + " WHERE d.\"Tabela\" = :table_name"
                        + " AND (d.\"Versao\", d.\"Chave\") > (:from_version::text::xid8, :from_key)"
                        + " AND (d.\"Versao\", d.\"Chave\") <= (:to_version::text::xid8, :to_key)"
                        + " AND d.\"Versao\" < :bound::text::xid8"
                        + " ORDER BY d.\"Versao\", d.\"Chave\" LIMIT :max_rows) ) c"
                        + " ORDER BY c.esteira_version, c.esteira_key LIMIT :max_rows");
    }

    @Test
    void shouldRefuseAWindowColumnTheEntityDoesNotCarryNamingItsColumns() {
        assertThatThrownBy(() -> CaptureDialect.of(Vendor.SQLSERVER).capturePage(CLIENTES, "NomeCliente"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column 'NomeCliente' is not a column of dbo.Clientes; use one of customer_id, name,"
                        + " updated_at.");
    }

    @Test
    void shouldReadSqlServersOwnCatalogInCapitalsSoACaseSensitiveCollationResolvesIt() {
        CaptureDialect dialect = CaptureDialect.of(Vendor.SQLSERVER);

        assertThat(folded(dialect.sourceColumns()))
                .isEqualTo("SELECT COLUMN_NAME AS column_name, DATA_TYPE AS data_type,"
                        + " CAST(CHARACTER_MAXIMUM_LENGTH AS int) AS type_length,"
                        + " CAST(NUMERIC_PRECISION AS int) AS type_precision,"
                        + " CAST(NUMERIC_SCALE AS int) AS type_scale FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE LOWER(TABLE_SCHEMA) = LOWER(COALESCE(CAST(:schema_name AS NVARCHAR(128)), SCHEMA_NAME()))"
                        + " AND LOWER(TABLE_NAME) = LOWER(CAST(:table_name AS NVARCHAR(128)))"
                        + " ORDER BY ORDINAL_POSITION");
        assertThat(folded(dialect.sourceUniqueKeys()))
                .isEqualTo("SELECT MIN(c.name) AS column_name FROM sys.indexes i"
                        + " JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id"
                        + " AND ic.is_included_column = 0"
                        + " JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id"
                        + " JOIN sys.tables t ON t.object_id = i.object_id"
                        + " WHERE LOWER(SCHEMA_NAME(t.schema_id)) = LOWER(COALESCE(CAST(:schema_name AS NVARCHAR(128)),"
                        + " SCHEMA_NAME())) AND LOWER(t.name) = LOWER(CAST(:table_name AS NVARCHAR(128)))"
                        + " AND i.is_unique = 1 AND i.has_filter = 0 GROUP BY i.index_id HAVING COUNT(*) = 1");
        // DATA_TYPE of a rowversion column: SQL Server still reports its old name.
        assertThat(dialect.changeOrderType()).isEqualTo("timestamp");
    }

    @Test
    void shouldReadPostgresUniqueKeysFromPgCatalogWhichAReadOnlyLoginSees() {
        CaptureDialect dialect = CaptureDialect.of(Vendor.POSTGRESQL);

        assertThat(folded(dialect.sourceColumns()))
                .startsWith("SELECT column_name, CASE data_type WHEN 'USER-DEFINED' THEN CAST(udt_name AS text)"
                        + " WHEN 'ARRAY' THEN 'array of ' || substr(CAST(udt_name AS text), 2)"
                        + " ELSE CAST(data_type AS text) END AS data_type,"
                        + " CAST(character_maximum_length AS integer) AS type_length,"
                        + " CAST(numeric_precision AS integer) AS type_precision,"
                        + " CAST(numeric_scale AS integer) AS type_scale FROM information_schema.columns");
        assertThat(folded(dialect.sourceUniqueKeys()))
                .contains("FROM pg_catalog.pg_index i", "AND i.indisunique AND i.indnkeyatts = 1 AND i.indpred IS NULL")
                .doesNotContain("information_schema");
        assertThat(dialect.changeOrderType()).isEqualTo("xid8");
    }

    private static String folded(String sql) {
        return sql.replaceAll("\\s+", " ").trim();
    }

    @Test
    void shouldNeverOrderByACastThatNoIndexSupplies() {
        for (Vendor vendor : List.of(Vendor.POSTGRESQL, Vendor.SQLSERVER)) {
            String[] parts = rendered(vendor, null).split("ORDER BY");
            assertThat(parts).as("ORDER BY clauses of " + vendor).hasSize(4);
            for (String orderBy : List.of(parts).subList(1, parts.length)) {
                String keys = orderBy.split("\\)|LIMIT")[0];
                assertThat(keys)
                        .as(vendor + " ORDER BY" + keys)
                        .doesNotContain("CAST")
                        .doesNotContain("::");
            }
        }
    }

    @Test
    void shouldCompareSqlServerTombstoneTableNamesAsVarcharSoTheIndexSeeks() {
        // nvarchar (the driver's default for strings) against the varchar column converts the column: a scan
        assertThat(rendered(Vendor.SQLSERVER, null))
                .contains("d.[table_name] = CAST(:table_name AS VARCHAR(64))")
                .doesNotContain("d.[table_name] = :table_name");
    }

    @Test
    void shouldFilterATimeWindowOnTheQuotedColumnAndTombstonesOnDeletedAt() {
        EntityDefinition regions = new EntityDefinition(
                "regions", "core.regions", "region_id", List.of("region_id", "name", "updated_at"));
        String sql = folded(Vendor.SQLSERVER, regions, "updated_at");
        assertThat(sql)
                .contains("AND t.[updated_at] >= :window_from AND t.[updated_at] < :window_to")
                .contains("AND d.[deleted_at] >= :window_from AND d.[deleted_at] < :window_to");
        assertThat(folded(Vendor.POSTGRESQL, regions, "updated_at"))
                .contains("AND t.\"updated_at\" >= :window_from AND t.\"updated_at\" < :window_to");
    }

    @Test
    void shouldRefuseAWindowColumnThatIsNotAPlainIdentifier() {
        assertThatThrownBy(() -> CaptureDialect.of(Vendor.POSTGRESQL).capturePage(REGIONS, "x;DROP TABLE y--"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x;DROP TABLE y--");
    }

    @Test
    void shouldChooseTheDialectFromTheJdbcUrl() {
        assertThat(CaptureDialect.forJdbcUrl("jdbc:sqlserver://db:1433;databaseName=oltp")
                        .sql()
                        .vendor())
                .isEqualTo(Vendor.SQLSERVER);
        assertThatThrownBy(() -> CaptureDialect.forJdbcUrl("jdbc:mysql://db/oltp"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not supported");
    }
}
