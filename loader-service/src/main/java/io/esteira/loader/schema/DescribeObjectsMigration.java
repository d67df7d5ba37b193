package io.esteira.loader.schema;

import io.esteira.loader.schema.Descriptions.Description;
import io.esteira.loader.schema.Descriptions.Level;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Applies {@link Descriptions} ({@value Descriptions#RESOURCE}) to the warehouse: {@code COMMENT ON} on
 * PostgreSQL, the {@code MS_Description} extended property on SQL Server (added, or updated where an older
 * migration set one). A repeatable migration ({@code R__describe_objects} per vendor): Flyway runs it after
 * every versioned migration and again whenever the descriptions change (its checksum is theirs), so new
 * versioned migrations may still describe their own objects in SQL, and objects they create can be
 * described here instead. A description of an object the warehouse lacks stops the migration.
 */
public abstract class DescribeObjectsMigration extends BaseJavaMigration {

    private final boolean sqlServer;

    protected DescribeObjectsMigration(boolean sqlServer) {
        this.sqlServer = sqlServer;
    }

    @Override
    public Integer getChecksum() {
        return Descriptions.load().checksum();
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        String sql = read("db/dw/describe/" + (sqlServer ? "sqlserver" : "postgresql") + ".sql");
        try (PreparedStatement describe = connection.prepareStatement(sql);
                Statement comment = connection.createStatement()) {
            for (Description description : Descriptions.load().all()) {
                try {
                    if (sqlServer) {
                        bindSqlServer(describe, description);
                        describe.execute();
                    } else {
                        comment.execute(commentOn(describe, description));
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(
                            Descriptions.RESOURCE + " describes " + description.object()
                                    + ", which the warehouse cannot take (" + e.getMessage()
                                    + "); remove the description"
                                    + " or create the object in a versioned migration.",
                            e);
                }
            }
        }
    }

    private static String commentOn(PreparedStatement format, Description description) throws SQLException {
        format.setString(1, description.level().name());
        format.setString(2, description.schema());
        format.setString(3, description.relation());
        format.setString(4, description.column());
        format.setString(5, description.text());
        try (ResultSet rs = format.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void bindSqlServer(PreparedStatement statement, Description description) throws SQLException {
        statement.setString(1, description.text());
        statement.setString(2, description.schema());
        statement.setString(
                3,
                description.relationKind() == null
                        ? null
                        : description.relationKind().name());
        statement.setString(4, description.relation());
        statement.setString(5, description.level() == Level.COLUMN ? Level.COLUMN.name() : null);
        statement.setString(6, description.column());
    }

    private static String read(String resource) {
        try (InputStream in = DescribeObjectsMigration.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath; rebuild the loader.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource + " from the classpath; rebuild the loader.", e);
        }
    }
}
