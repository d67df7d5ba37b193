package io.esteira.loader.schema;

import io.esteira.loader.schema.Descriptions.Description;
import io.esteira.loader.schema.Descriptions.Level;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
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
        List<Description> descriptions = Descriptions.load().all();
        if (sqlServer) {
            describeSqlServer(connection, descriptions);
        } else {
            describePostgresql(connection, descriptions);
        }
    }

    private static void describePostgresql(Connection connection, List<Description> descriptions) throws SQLException {
        String script;
        try (PreparedStatement format = connection.prepareStatement(read("db/dw/describe/postgresql.sql"))) {
            format.setArray(1, array(connection, descriptions, d -> d.level().name()));
            format.setArray(2, array(connection, descriptions, Description::schema));
            format.setArray(3, array(connection, descriptions, Description::relation));
            format.setArray(4, array(connection, descriptions, Description::column));
            format.setArray(5, array(connection, descriptions, Description::text));
            try (ResultSet rs = format.executeQuery()) {
                rs.next();
                script = rs.getString(1);
            }
        }
        try (Statement comment = connection.createStatement()) {
            comment.execute(script);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    Descriptions.RESOURCE + " describes an object the warehouse does not have (" + e.getMessage()
                            + "); remove the description or create the object in a versioned migration.",
                    e);
        }
    }

    private static void describeSqlServer(Connection connection, List<Description> descriptions) throws SQLException {
        try (PreparedStatement describe = connection.prepareStatement(read("db/dw/describe/sqlserver.sql"))) {
            for (Description description : descriptions) {
                bindSqlServer(describe, description);
                try {
                    describe.execute();
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

    private static Array array(
            Connection connection, List<Description> descriptions, Function<Description, String> field)
            throws SQLException {
        return connection.createArrayOf("text", descriptions.stream().map(field).toArray());
    }

    /** Binds the parameters of {@code db/dw/describe/sqlserver.sql} for one description. */
    static void bindSqlServer(PreparedStatement statement, Description description) throws SQLException {
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
