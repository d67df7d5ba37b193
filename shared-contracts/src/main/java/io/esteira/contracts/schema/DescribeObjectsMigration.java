package io.esteira.contracts.schema;

import io.esteira.contracts.schema.Descriptions.Description;
import io.esteira.contracts.schema.Descriptions.Level;
import io.esteira.contracts.sql.SqlResources;
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
 * Applies a descriptions file ({@link Descriptions}) to the database it migrates: {@code COMMENT ON} on
 * PostgreSQL, the {@code MS_Description} extended property on SQL Server (added, or updated where an older
 * migration set one). A repeatable migration ({@code R__describe_objects} per vendor folder, of the warehouse
 * and of the OLTP reference schema): Flyway runs it after every versioned migration and again whenever the
 * descriptions change (its checksum is theirs), so new versioned migrations may still describe their own
 * objects in SQL, and objects they create can be described here instead. A description of an object the
 * database lacks stops the migration.
 */
public abstract class DescribeObjectsMigration extends BaseJavaMigration {

    private static final SqlResources SQL = SqlResources.in("esteira/schema/describe");

    private final String resource;
    private final boolean sqlServer;

    /**
     * @param resource the descriptions file on the classpath, e.g. {@code db/oltp/descriptions.yml}
     * @param sqlServer true in the SQL Server folder's migration, false in the PostgreSQL one's
     */
    protected DescribeObjectsMigration(String resource, boolean sqlServer) {
        this.resource = resource;
        this.sqlServer = sqlServer;
    }

    @Override
    public Integer getChecksum() {
        return Descriptions.load(resource).checksum();
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<Description> descriptions = Descriptions.load(resource).all();
        if (sqlServer) {
            describeSqlServer(connection, descriptions);
        } else {
            describePostgresql(connection, descriptions);
        }
    }

    private void describePostgresql(Connection connection, List<Description> descriptions) throws SQLException {
        String script;
        try (PreparedStatement format = connection.prepareStatement(SQL.statement("postgresql"))) {
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
                    resource + " describes an object the database does not have (" + e.getMessage()
                            + "); remove the description or create the object in a versioned migration.",
                    e);
        }
    }

    private void describeSqlServer(Connection connection, List<Description> descriptions) throws SQLException {
        try (PreparedStatement describe = connection.prepareStatement(SQL.statement("sqlserver"))) {
            for (Description description : descriptions) {
                bindSqlServer(describe, description);
                try {
                    describe.execute();
                } catch (SQLException e) {
                    throw new IllegalStateException(
                            resource + " describes " + description.object()
                                    + ", which the database cannot take (" + e.getMessage()
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

    /** Binds the parameters of {@code esteira/schema/describe/sqlserver.sql} for one description. */
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
}
