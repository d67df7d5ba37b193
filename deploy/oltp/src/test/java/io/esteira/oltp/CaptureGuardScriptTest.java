package io.esteira.oltp;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * SQL Server refuses TRUNCATE of a captured table only while core.capture_guard has a foreign key to it
 * (sqlserver/V2__capture_triggers.sql). SQL Server cannot run here: check the script against the
 * entity catalog, so that an entity added without its guard column fails the build.
 */
class CaptureGuardScriptTest {

    private static final String SCRIPT = "db/oltp/sqlserver/V2__capture_triggers.sql";

    /** {@code <column> bigint NULL CONSTRAINT fk_capture_guard_<table> REFERENCES core.<table> (<key>)}. */
    private static final Pattern GUARD_COLUMN = Pattern.compile(
            "(?m)^\\s*(\\w+)\\s+bigint NULL CONSTRAINT fk_capture_guard_(\\w+) REFERENCES core\\.(\\w+) \\((\\w+)\\)");

    @Test
    void shouldGuardTheKeyOfEveryEntityOfTheCatalogAndTheTombstones() throws IOException {
        List<String> guarded = guardedKeys(read());

        List<String> expected = new ArrayList<>();
        for (EntityDefinition entity : EntityCatalog.reference().loadOrder()) {
            expected.add(entity.table() + "." + entity.keyColumn());
        }
        expected.add(CoreTable.DELETED_ROWS + ".deleted_row_id");
        assertThat(guarded)
                .as("foreign keys of core.capture_guard in %s: one per captured table, to its key", SCRIPT)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void shouldIndexEveryGuardColumnSoThatADeleteChecksItWithASeek() throws IOException {
        String script = read();
        Matcher column = GUARD_COLUMN.matcher(script);
        int columns = 0;
        while (column.find()) {
            columns++;
            assertThat(script)
                    .as("the index of core.capture_guard.%s", column.group(1))
                    .contains("CREATE INDEX ix_capture_guard_" + column.group(1) + " ON core.capture_guard ("
                            + column.group(1) + ");");
        }
        assertThat(columns).isEqualTo(EntityCatalog.reference().names().size() + 1);
    }

    @Test
    void shouldKeepTheGuardEmptyAndRefuseSwitchInADatabaseDdlTrigger() throws IOException {
        String script = read();

        assertThat(script)
                .contains(
                        "stays_empty     bit NOT NULL CONSTRAINT ck_capture_guard_stays_empty CHECK (stays_empty IS NULL)")
                .contains("CREATE TRIGGER tr_refuse_switch_of_captured_tables ON DATABASE FOR ALTER_TABLE AS")
                .contains("THROW 50001, @message, 1;");
    }

    /** {@code core.<table>.<key>} of each guard column, checking that its constraint is named after its table. */
    private static List<String> guardedKeys(String script) {
        List<String> keys = new ArrayList<>();
        Matcher column = GUARD_COLUMN.matcher(script);
        while (column.find()) {
            assertThat(column.group(2))
                    .as("constraint name of %s", column.group(0).strip())
                    .isEqualTo(column.group(3));
            assertThat(column.group(1))
                    .as("guard column of core.%s", column.group(3))
                    .isEqualTo(column.group(4));
            keys.add("core." + column.group(3) + "." + column.group(4));
        }
        return keys;
    }

    private static String read() throws IOException {
        try (InputStream in = CaptureGuardScriptTest.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            assertThat(in).as(SCRIPT + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
