package io.esteira.oltp;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.schema.SchemaPlaceholders;
import io.esteira.embedded.schema.SqlServerScripts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.configuration.ClassicConfiguration;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.resource.StringResource;
import org.flywaydb.core.internal.sqlscript.SqlStatement;
import org.flywaydb.core.internal.sqlscript.SqlStatementIterator;
import org.flywaydb.database.sqlserver.SQLServerParser;
import org.junit.jupiter.api.Test;

/**
 * SQL Server cannot run here: at least check that Flyway's own SQL Server parser cuts the scripts (the
 * common one rendered for SQL Server) into the statements meant, each CREATE TRIGGER alone in its batch.
 */
class SqlServerMigrationScriptTest {

    private static final String TABLES = "db/oltp/common/V1__core_schema.sql";
    private static final String TRIGGERS = "db/oltp/sqlserver/V2__capture_triggers.sql";

    @Test
    void shouldSendEachTriggerAloneInItsBatch() throws IOException {
        List<String> batches = batches(TRIGGERS);

        List<String> triggers = batches.stream()
                .filter(batch -> batch.contains("CREATE TRIGGER core."))
                .toList();
        assertThat(triggers).hasSize(2 * CoreTable.values().length);
        assertThat(triggers).allSatisfy(batch -> {
            assertThat(batch).startsWith("CREATE TRIGGER core.tr_").endsWith("END;");
            assertThat(batch.split("CREATE ", -1)).hasSize(2);
        });
    }

    @Test
    void shouldSendTheSwitchGuardAloneInItsBatchAfterTheCaptureGuard() throws IOException {
        List<String> batches = batches(TRIGGERS);

        assertThat(batches).hasSize(1 + 2 * CoreTable.values().length + 1);
        assertThat(batches.get(0)).startsWith("CREATE TABLE core.capture_guard (");
        String last = batches.get(batches.size() - 1);
        assertThat(last)
                .startsWith("CREATE TRIGGER tr_refuse_switch_of_captured_tables ON DATABASE FOR ALTER_TABLE AS")
                .endsWith("END;");
        assertThat(last.split("CREATE ", -1)).hasSize(2);
    }

    @Test
    void shouldCreateEveryTableWithItsRowversionIndexBeforeTheTriggers() throws IOException {
        List<String> batches = batches(TABLES);

        assertThat(batches).hasSize(1);
        String tables = batches.get(0);
        for (CoreTable table : CoreTable.values()) {
            assertThat(tables)
                    .contains("CREATE TABLE " + table.qualifiedName() + " (")
                    .contains("    row_version     rowversion NOT NULL,")
                    .contains("ON " + table.qualifiedName() + " (row_version, " + table.keyColumn() + ");");
        }
        assertThat(tables)
                .contains(
                        "CREATE INDEX ix_deleted_rows_table_version ON core.deleted_rows (table_name, row_version, row_key);");
        assertThat(batches)
                .noneMatch(batch -> batch.lines().anyMatch(line -> line.strip().equalsIgnoreCase("GO")));
    }

    /** The script as Flyway sends it to SQL Server: rendered, one batch per GO, leading comments dropped. */
    private static List<String> batches(String resource) throws IOException {
        String script;
        try (InputStream in =
                SqlServerMigrationScriptTest.class.getClassLoader().getResourceAsStream(resource)) {
            script = SqlServerScripts.render(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    SchemaPlaceholders.of("sqlserver"),
                    resource);
        }
        SQLServerParser parser = new SQLServerParser(new ClassicConfiguration(), new ParsingContext());
        List<String> statements = new ArrayList<>();
        try (SqlStatementIterator iterator = parser.parse(new StringResource(script))) {
            while (iterator.hasNext()) {
                SqlStatement statement = iterator.next();
                statements.add(withoutLeadingComments(statement.getSql()));
            }
        }
        return statements;
    }

    private static String withoutLeadingComments(String sql) {
        List<String> lines = new ArrayList<>(sql.strip().lines().toList());
        while (!lines.isEmpty()
                && (lines.get(0).startsWith("--") || lines.get(0).isBlank())) {
            lines.remove(0);
        }
        return String.join("\n", lines).strip();
    }
}
