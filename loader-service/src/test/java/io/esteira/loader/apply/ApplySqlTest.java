package io.esteira.loader.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.dialect.Vendor;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Rules every apply statement keeps, checked on the templates rendered as {@link BatchApplier} renders them
 * ({@link RenderedApplySql}), without a database.
 */
class ApplySqlTest {

    private static final Pattern REJECTED_BY_SQL_SERVER =
            Pattern.compile("(?i)\\bTRUE\\b|\\bFALSE\\b|\\bINTERVAL\\b|\\bEXTRACT\\b|\\bLPAD\\b|\\|\\|");

    /** {@code UPDATE table alias SET}: SQL Server's UPDATE takes no alias after the table. */
    private static final Pattern ALIASED_UPDATE = Pattern.compile("(?i)\\bUPDATE\\s+\\S+\\s+(?!SET\\b)\\w+\\s+SET\\b");

    @Test
    void shouldRenderEveryApplyTemplateForSqlServer() {
        assertThat(rendered(Vendor.SQLSERVER).keySet()).isEqualTo(RenderedApplySql.templateFiles(Vendor.SQLSERVER));
    }

    @Test
    void shouldKeepADeleteOfAnUnknownKeyAsATombstoneOnSqlServer() {
        assertThat(rendered(Vendor.SQLSERVER).get("mirror-bury")).anySatisfy(bury -> assertThat(
                        withoutComments(bury).strip())
                .startsWith("INSERT INTO [stg].[regions] ([region_id], source_version, source_deleted, loaded_at)")
                .contains(
                        "SELECT s.[region_id], s.source_version, 1, :now",
                        "s.source_deleted = 1",
                        "CAST(:token AS VARCHAR(36))",
                        "NOT EXISTS (SELECT 1 FROM [stg].[regions] t WHERE t.[region_id] = s.[region_id])"));
    }

    @Test
    void shouldWriteNoBooleanLiteralIntervalExtractConcatenationOrLpadForSqlServer() {
        rendered(Vendor.SQLSERVER)
                .forEach(
                        (template, statements) -> statements.forEach(statement -> assertThat(withoutComments(statement))
                                .as(template)
                                .doesNotContainPattern(REJECTED_BY_SQL_SERVER)
                                .doesNotContain("{", "}")));
    }

    @Test
    void shouldQuoteIdentifiersInBracketsForSqlServer() {
        rendered(Vendor.SQLSERVER)
                .forEach((template, statements) -> statements.forEach(statement ->
                        assertThat(withoutComments(statement)).as(template).doesNotContain("\"")));
        assertThat(rendered(Vendor.SQLSERVER).get("mirror-merge")).anySatisfy(merge -> assertThat(merge)
                .startsWith("MERGE INTO [stg].[orders] t")
                .contains("ON (t.[order_id] = s.[order_id])", "[customer_id] = s.[customer_id]"));
    }

    @Test
    void shouldEndEverySqlServerStatementWithASemicolonOutsideAComment() {
        List<String> statements = executable(Vendor.SQLSERVER);

        assertThat(statements).filteredOn(s -> s.contains("MERGE INTO")).hasSizeGreaterThan(20);
        assertThat(statements).allSatisfy(statement -> {
            assertThat(statement).endsWith(";");
            assertThat(statement.substring(statement.lastIndexOf('\n') + 1)).doesNotContain("--");
        });
    }

    @Test
    void shouldSendTheApplyTokenAsVarcharToSqlServerSoTheTokenIndexesSeek() {
        List<String> statements = executable(Vendor.SQLSERVER);

        assertThat(statements).filteredOn(s -> s.contains("apply_token")).hasSizeGreaterThan(20);
        assertThat(statements).allSatisfy(statement -> assertThat(statement.replace("CAST(:token AS VARCHAR(36))", ""))
                .as("an untyped :token (nvarchar against varchar: the column is converted, the index scanned)")
                .doesNotContain(":token"));
        assertThat(executable(Vendor.POSTGRESQL))
                .anySatisfy(statement -> assertThat(statement).contains("apply_token = :token"))
                .allSatisfy(statement -> assertThat(statement).doesNotContain("CAST(:token"));
    }

    @Test
    void shouldGiveEverySqlServerMergeOneWhenMatchedClause() {
        assertThat(executable(Vendor.SQLSERVER))
                .filteredOn(s -> s.contains("MERGE INTO"))
                .allSatisfy(merge -> assertThat(
                                Pattern.compile("WHEN MATCHED").matcher(merge).results())
                        .hasSize(1));
    }

    @Test
    void shouldNotAliasTheTargetOfAnUpdateForSqlServer() {
        assertThat(executable(Vendor.SQLSERVER))
                .allSatisfy(statement -> assertThat(withoutComments(statement)).doesNotContainPattern(ALIASED_UPDATE));
    }

    @Test
    void shouldRenderTheMirrorMergeForPostgresqlAsBefore() {
        assertThat(statements(Vendor.POSTGRESQL, "regions", "mirror-merge"))
                .containsExactly(
                        """
                -- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
                -- mirror never moves backwards, whatever happened between marking and merging.
                MERGE INTO "stg"."regions" t
                USING (SELECT * FROM "stg"."incoming_regions" WHERE apply_token = :token AND applies = TRUE) s
                ON (t."region_id" = s."region_id")
                WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version < s.source_version THEN
                    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
                WHEN MATCHED AND t.source_version < s.source_version THEN
                    UPDATE SET "name" = s."name", "state" = s."state", "country" = s."country", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
                WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
                    INSERT ("region_id", "name", "state", "country", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
                    VALUES (s."region_id", s."name", s."state", s."country", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)""");
    }

    @Test
    void shouldLandAMirrorEntityByTheSameStatementIntoItsRawTableQueueingNothing() {
        ApplySql sql = new ApplySql(Vendor.POSTGRESQL);
        Placeholders placeholders = new Placeholders(() -> Vendor.POSTGRESQL, sql);
        EntityDefinition payments =
                new EntityDefinition("payments", "core.payments", "payment_id", List.of("payment_id", "amount"));

        String star = sql.statement(
                "land", placeholders.entity(EntityCatalog.reference().get("regions"), false));
        String mirror = sql.statement("land", placeholders.mirror(payments, false));

        assertThat(star)
                .contains("INSERT INTO \"stg\".\"regions\" AS t", "INSERT INTO ctl.derive_queue")
                .contains("FROM live UNION ALL SELECT key_value FROM gone) c\n    WHERE TRUE\n");
        assertThat(mirror)
                .contains("INSERT INTO \"raw\".\"payments\" AS t", "UPDATE \"raw\".\"payments\" t")
                .contains("FROM \"stg\".\"incoming_payments\" s")
                .contains("FROM live UNION ALL SELECT key_value FROM gone) c\n    WHERE FALSE\n")
                .doesNotContain("\"stg\".\"payments\"", "queue_id\" = :queue_id");
    }

    @Test
    void shouldOpenAnScd2VersionWithIntervalOnPostgresqlAndDateaddOnSqlServer() {
        String postgresql = newVersionStep(Vendor.POSTGRESQL);
        String sqlServer = newVersionStep(Vendor.SQLSERVER);

        assertThat(postgresql)
                .isEqualTo(
                        """
                -- Step 2: members whose tracked attributes changed get a new version from the source's change
                -- time (strictly after the current version's start, so intervals stay ordered and non-empty).
                INSERT INTO stg.scd_change (apply_token, dimension, natural_key, valido_de)
                SELECT :token, 'dim_vendedor', s."vendedor_id", CASE WHEN s.changed_at > d.valido_de THEN s.changed_at ELSE d.valido_de + INTERVAL '0.001' SECOND END
                FROM (SELECT s.seller_id AS vendedor_id, s.name AS nome, s.email AS email, s.team_id AS equipe_id,
                       t.name AS nome_equipe, s.is_active AS ativo, s.source_version AS versao_origem, s.updated_at AS changed_at,
                       CASE WHEN s.deleted_at IS NOT NULL OR s.source_deleted = TRUE THEN TRUE ELSE FALSE END AS excluido
                FROM stg.incoming_sellers n
                JOIN stg.sellers s ON s.seller_id = n.seller_id
                LEFT JOIN stg.teams t ON t.team_id = s.team_id
                WHERE n.apply_token = :token AND n.applies = TRUE) s
                JOIN dim."dim_vendedor" d ON d."vendedor_id" = s."vendedor_id" AND d.atual = TRUE AND d.inferido = FALSE
                WHERE d."equipe_id" IS DISTINCT FROM s."equipe_id\"""");
        assertThat(sqlServer)
                .isEqualTo(
                        """
                -- Step 2: members whose tracked attributes changed get a new version from the source's change
                -- time (strictly after the current version's start, so intervals stay ordered and non-empty).
                INSERT INTO stg.scd_change (apply_token, dimension, natural_key, valido_de)
                SELECT CAST(:token AS VARCHAR(36)), 'dim_vendedor', s.[vendedor_id], CASE WHEN s.changed_at > d.valido_de THEN s.changed_at ELSE DATEADD(millisecond, 1, d.valido_de) END
                FROM (SELECT s.seller_id AS vendedor_id, s.name AS nome, s.email AS email, s.team_id AS equipe_id,
                       t.name AS nome_equipe, s.is_active AS ativo, s.source_version AS versao_origem, s.updated_at AS changed_at,
                       CASE WHEN s.deleted_at IS NOT NULL OR s.source_deleted = 1 THEN 1 ELSE 0 END AS excluido
                FROM stg.incoming_sellers n
                JOIN stg.sellers s ON s.seller_id = n.seller_id
                LEFT JOIN stg.teams t ON t.team_id = s.team_id
                WHERE n.apply_token = CAST(:token AS VARCHAR(36)) AND n.applies = 1) s
                JOIN dim.[dim_vendedor] d ON d.[vendedor_id] = s.[vendedor_id] AND d.atual = 1 AND d.inferido = 0
                WHERE d.[equipe_id] IS DISTINCT FROM s.[equipe_id];""");
    }

    @Test
    void shouldClaimTheQueuedOrdersOfAPasssItemsAndItemsOfItsOrdersOnSqlServerSkippingLandersInFlight() {
        List<String> statements = new ApplySql(Vendor.SQLSERVER).statements("derive-claim-related", Map.of());

        assertThat(statements).hasSize(2);
        assertThat(withoutComments(statements.get(0)).strip())
                .isEqualTo(
                        """
                DELETE q
                OUTPUT CAST(:token AS VARCHAR(36)), deleted.entity, deleted.key_value INTO stg.derive_keys (apply_token, entity, key_value)
                FROM ctl.derive_queue q WITH (READPAST)
                WHERE q.entity = 'orders'
                  AND q.key_value IN (SELECT i.order_id
                                      FROM stg.derive_keys k
                                      JOIN stg.order_items i ON i.order_item_id = k.key_value
                                      WHERE k.apply_token = CAST(:token AS VARCHAR(36)) AND k.entity = 'order_items');""");
        assertThat(withoutComments(statements.get(1)))
                .contains(
                        "WHERE q.entity = 'order_items'",
                        "JOIN stg.order_items i ON i.order_id = k.key_value",
                        "k.entity = 'orders'");
    }

    /** Step 2 of scd2.sql for dim_vendedor, as run for a live batch of sellers. */
    private static String newVersionStep(Vendor vendor) {
        return statements(vendor, "sellers", "scd2").stream()
                .filter(s -> s.contains("Step 2:"))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> statements(Vendor vendor, String entity, String template) {
        ApplySql sql = new ApplySql(vendor);
        Placeholders placeholders = new Placeholders(() -> vendor, sql);
        Map<String, String> names =
                placeholders.entity(EntityCatalog.reference().get(entity), false);
        Dimension dimension = Plans.DIMENSIONS.get(entity);
        return sql.statements(template, dimension == null ? names : placeholders.dimension(dimension, names));
    }

    /** Every statement sent to the database (the src-* fragments are sent inside them). */
    private static List<String> executable(Vendor vendor) {
        return rendered(vendor).entrySet().stream()
                .filter(e -> !e.getKey().startsWith("src-"))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }

    private static Map<String, List<String>> rendered(Vendor vendor) {
        return RenderedApplySql.byTemplate(vendor);
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("(?m)^\\s*--.*$", "");
    }
}
