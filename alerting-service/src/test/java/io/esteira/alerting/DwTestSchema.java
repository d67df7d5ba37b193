package io.esteira.alerting;

import io.esteira.embedded.junit.PostgresDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/** Creates the DW tables the alerting service writes ({@code audit.alert_log}) in a test database. */
public final class DwTestSchema {

    private DwTestSchema() {}

    public static void create(PostgresDatabase dw) {
        try (Connection connection = dw.connect()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("sql/audit-alert-log.sql"));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create audit.alert_log in " + dw.databaseName(), e);
        }
    }
}
