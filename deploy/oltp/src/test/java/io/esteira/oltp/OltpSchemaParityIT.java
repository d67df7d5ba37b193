package io.esteira.oltp;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.schema.Descriptions;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.embedded.schema.DeclaredSchema;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The two vendors' OLTP reference schemas declare the same tables, columns (names, nullability,
 * comparable types), primary, unique and foreign keys, and descriptions — without a SQL Server:
 * PostgreSQL is migrated for real ({@link OltpSchema#migrate}) and read from its catalog; SQL Server is
 * what its rendered scripts declare ({@link OltpSchemaParity}). {@code OltpSqlServerScriptsTest} shows
 * the comparison failing on a deliberately broken copy of the scripts.
 */
class OltpSchemaParityIT {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("oltp_parity");

    private static DeclaredSchema postgresql;
    private static DeclaredSchema sqlServer;
    private static Map<String, String> postgresqlDescriptions;

    @BeforeAll
    static void declare() throws SQLException {
        OltpSchema.migrate(oltp.dataSource());
        postgresql = OltpSchemaParity.postgresql(oltp.dataSource());
        sqlServer = OltpSchemaParity.sqlServer(OltpSchemaParity.sqlServerScripts());
        postgresqlDescriptions = DeclaredSchema.postgresDescriptions(
                oltp.dataSource(), List.of(OltpSchema.SCHEMA), OltpSchemaParity.FLYWAY_HISTORY::equals);
    }

    @Test
    void shouldDeclareTheSameTablesColumnsAndKeysOnBothVendors() {
        assertThat(postgresql.differences("PostgreSQL", sqlServer, "SQL Server"))
                .as("differences between the migrated PostgreSQL OLTP and the SQL Server scripts")
                .isEmpty();
    }

    @Test
    void shouldDeclareEveryTableAndKeyOfTheEntityCatalog() {
        for (EntityDefinition entity : EntityCatalog.reference().loadOrder()) {
            assertThat(sqlServer.tables).as("table %s", entity.table()).containsKey(entity.table());
            assertThat(sqlServer.tables.get(entity.table()).primaryKey)
                    .as("primary key of %s", entity.table())
                    .isEqualTo("(" + entity.keyColumn() + ")");
            assertThat(sqlServer.tables.get(entity.table()).columns.get("row_version"))
                    .as("change order of %s", entity.table())
                    .isEqualTo(new DeclaredSchema.Column("change_order", false));
        }
    }

    @Test
    void shouldDescribeEverySchemaTableAndColumnOnPostgresql() {
        Map<String, String> undescribed = new TreeMap<>(postgresqlDescriptions);
        undescribed.values().removeIf(text -> text != null && !text.isBlank());

        assertThat(undescribed.keySet())
                .as("objects without a description: add one to " + OltpSchema.DESCRIPTIONS)
                .isEmpty();
    }

    @Test
    void shouldApplyTheTextsOfTheDescriptionsFileOnPostgresql() {
        Map<String, String> expected = new TreeMap<>();
        Descriptions.load(OltpSchema.DESCRIPTIONS)
                .all()
                .forEach(description -> expected.put(description.object(), description.text()));

        assertThat(postgresqlDescriptions).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void shouldDescribeOnSqlServerExactlyTheObjectsOfThePostgresqlSchema() {
        Set<String> missing = new TreeSet<>(postgresqlDescriptions.keySet());
        missing.removeAll(OltpSchemaParity.sqlServerDescriptions());
        Set<String> extra = new TreeSet<>(OltpSchemaParity.sqlServerDescriptions());
        extra.removeAll(postgresqlDescriptions.keySet());

        assertThat(missing)
                .as("objects of the PostgreSQL OLTP that SQL Server would not describe")
                .isEmpty();
        assertThat(extra)
                .as("objects described for SQL Server that the PostgreSQL OLTP does not have")
                .isEmpty();
    }
}
