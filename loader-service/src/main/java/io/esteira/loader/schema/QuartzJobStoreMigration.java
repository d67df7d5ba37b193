package io.esteira.loader.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates Quartz's clustered JDBC job store in {@code ctl} (tables {@code ctl.qrtz_*}), used by the
 * extractors when {@code esteira.extractor.clustered=true} so that each entity's extraction runs on
 * one replica at a time. The DDL is Quartz's own, read from the Quartz jar for the vendor (so it always
 * matches the Quartz version the extractor runs), with its tables moved into {@code ctl}; every table
 * and column then gets a comment, as every warehouse object must.
 */
public abstract class QuartzJobStoreMigration extends BaseJavaMigration {

    private static final Pattern TABLE = Pattern.compile("(?i)(\\[dbo]\\.\\[)?\\bQRTZ_");

    private final String script;
    private final boolean sqlServer;

    protected QuartzJobStoreMigration(String quartzScript, boolean sqlServer) {
        this.script = quartzScript;
        this.sqlServer = sqlServer;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            for (String ddl : statements(read(script), sqlServer)) {
                statement.execute(ddl);
            }
        }
        comment(connection);
    }

    /** Quartz's script as statements that create the tables in {@code ctl}: no USE, no drops, no commits. */
    static List<String> statements(String script, boolean sqlServer) {
        List<String> statements = new ArrayList<>();
        String separator = sqlServer ? "(?m)^\\s*GO\\s*$" : ";";
        for (String raw : script.split(separator)) {
            String sql = raw.lines()
                    .filter(line ->
                            !line.strip().startsWith("--") && !line.strip().startsWith("#"))
                    .reduce("", (a, b) -> a + b + "\n")
                    .strip();
            String upper = sql.toUpperCase(Locale.ROOT);
            if (sql.isEmpty()
                    || upper.startsWith("DROP")
                    || upper.startsWith("USE")
                    || upper.startsWith("IF EXISTS")
                    || upper.startsWith("COMMIT")) {
                continue;
            }
            statements.add(TABLE.matcher(sql)
                    .replaceAll(m -> m.group(1) != null ? "[ctl].[qrtz_" : "ctl.qrtz_")
                    .replaceAll("(?i)ON\\s+\\[PRIMARY]", ""));
        }
        return statements;
    }

    private void comment(Connection connection) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                        + " WHERE LOWER(table_schema) = 'ctl' AND LOWER(table_name) LIKE 'qrtz%'"
                        + " ORDER BY table_name, ordinal_position")) {
            while (rs.next()) {
                columns.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        try (Statement statement = connection.createStatement()) {
            String lastTable = null;
            for (String[] column : columns) {
                String table = column[0];
                if (!table.equals(lastTable)) {
                    statement.execute(commentOn(
                            table,
                            null,
                            "Quartz clustered job store of the extractors ("
                                    + table.toLowerCase(Locale.ROOT)
                                    + "): which replica runs which entity's extraction."
                                    + " Written by Quartz only."));
                    lastTable = table;
                }
                statement.execute(commentOn(
                        table,
                        column[1],
                        "Quartz job store column " + column[1].toLowerCase(Locale.ROOT)
                                + " (see the Quartz JDBC job store documentation)."));
            }
        }
    }

    private String commentOn(String table, String column, String text) {
        String literal = "'" + text.replace("'", "''") + "'";
        if (sqlServer) {
            return "EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N" + literal
                    + ", @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'"
                    + table + "'"
                    + (column == null ? "" : ", @level2type = N'COLUMN', @level2name = N'" + column + "'");
        }
        return column == null
                ? "COMMENT ON TABLE ctl." + table + " IS " + literal
                : "COMMENT ON COLUMN ctl." + table + "." + column + " IS " + literal;
    }

    private static String read(String resource) {
        try (InputStream in = QuartzJobStoreMigration.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Quartz's DDL " + resource + " is not on the classpath; the loader"
                        + " needs org.quartz-scheduler:quartz to create the extractors' job store");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
