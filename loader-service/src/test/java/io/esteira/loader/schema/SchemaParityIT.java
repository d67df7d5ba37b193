package io.esteira.loader.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.embedded.schema.DeclaredSchema;
import io.esteira.embedded.schema.SqlServerScripts;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The two vendors' warehouses declare the same tables, columns (names, nullability, comparable types),
 * primary, unique and foreign keys, and views — without a SQL Server: PostgreSQL is migrated for real and
 * read from its catalog; SQL Server is what its rendered scripts declare ({@link SqlServerScripts}).
 * Descriptions are compared object for object by {@link DescriptionParityIT}; {@code
 * SqlServerScriptsTest} shows this comparison failing on a deliberately broken copy of the scripts.
 */
class SchemaParityIT {

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("dw_parity");

    private static DeclaredSchema postgresql;
    private static DeclaredSchema sqlServer;

    @BeforeAll
    static void declare() throws SQLException {
        DwSchema.migrate(dw.dataSource());
        postgresql = Migrations.declaredOnPostgres(dw.dataSource());
        sqlServer = SqlServerScripts.declared(Migrations.sqlServerScripts());
    }

    @Test
    void shouldDeclareTheSameTablesColumnsKeysAndViewsOnBothVendors() {
        assertThat(postgresql.differences("PostgreSQL", sqlServer, "SQL Server"))
                .as("differences between the migrated PostgreSQL warehouse and the SQL Server scripts")
                .isEmpty();
    }

    @Test
    void shouldReadEveryTableAndViewOfTheContractFromTheSqlServerScripts() {
        List<String> contract = new ArrayList<>(WarehouseContract.TABLES);
        contract.remove(DataDictionary.FLYWAY_HISTORY);
        contract.removeIf(table -> table.startsWith("ctl.qrtz_"));

        assertThat(sqlServer.tables.keySet()).containsAll(contract);
        assertThat(sqlServer.views).containsAll(WarehouseContract.VIEWS);
        assertThat(sqlServer.tables.get("fact.fact_metas").foreignKeys()).isNotEmpty();
        assertThat(sqlServer.tables.get("fact.fact_descontos").foreignKeys())
                .as("dropped by V97 (docs/adr/0007-fact-integrity-without-triggers.md)")
                .isEmpty();
    }
}
