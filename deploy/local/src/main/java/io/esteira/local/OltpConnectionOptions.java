package io.esteira.local;

import io.esteira.oltp.OltpDialect;
import io.esteira.oltp.OltpException;
import io.esteira.oltp.Redaction;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import picocli.CommandLine.Option;

/**
 * {@code --url --username --password} of the OLTP database, shared by the commands that read or write it
 * ({@code oltp}, {@code source prepare}, {@code quality validate --catalog}).
 */
final class OltpConnectionOptions {

    @Option(
            names = "--url",
            defaultValue = "${env:ESTEIRA_OLTP_URL}",
            description =
                    "JDBC URL of the OLTP database (jdbc:postgresql: or jdbc:sqlserver:; `up --embedded` prints one);"
                            + " default: $ESTEIRA_OLTP_URL.")
    String url;

    @Option(
            names = {"--username", "-u"},
            defaultValue = "${env:ESTEIRA_OLTP_USERNAME}",
            description = "Database user; default: $ESTEIRA_OLTP_USERNAME.")
    String username;

    @Option(
            names = {"--password", "-p"},
            defaultValue = "${env:ESTEIRA_OLTP_PASSWORD}",
            description = "Database password; default: $ESTEIRA_OLTP_PASSWORD.")
    String password;

    /**
     * A data source on the URL, after checking that the database answers.
     *
     * @throws OltpException when no URL is given or the database does not answer
     */
    DataSource connect() {
        if (url == null || url.isBlank()) {
            throw new OltpException("No OLTP database given; pass its JDBC URL with --url (or set ESTEIRA_OLTP_URL),"
                    + " with --username and --password.");
        }
        OltpDialect dialect = OltpDialect.fromJdbcUrl(url);
        DataSource dataSource = new DriverManagerDataSource(url, properties(dialect));
        try (Connection ignored = dataSource.getConnection()) {
            return dataSource;
        } catch (SQLException e) {
            throw new OltpException(
                    "Cannot connect to the OLTP database at " + Redaction.url(url) + ": " + OltpException.quote(e)
                            + ". Check --url, --username and --password, and that the server is running.");
        }
    }

    private Properties properties(OltpDialect dialect) {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        if (dialect == OltpDialect.POSTGRESQL) {
            // Sends each JDBC batch as multi-row INSERTs: several times faster for generate.
            properties.setProperty("reWriteBatchedInserts", "true");
            properties.setProperty("connectTimeout", "10");
        }
        return properties;
    }

    /** Connections straight from DriverManager: the tools hold one or two at a time. */
    private record DriverManagerDataSource(String url, Properties properties) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, properties);
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            Properties withUser = new Properties();
            withUser.putAll(properties);
            withUser.setProperty("user", user);
            withUser.setProperty("password", password);
            return DriverManager.getConnection(url, withUser);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("No parent logger");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new SQLException("Not a wrapper of " + type.getName());
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return type.isInstance(this);
        }

        @Override
        public String toString() {
            return "DataSource[" + Redaction.url(url) + "]";
        }
    }
}
