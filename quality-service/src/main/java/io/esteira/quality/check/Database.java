package io.esteira.quality.check;

import io.esteira.contracts.dialect.Vendor;
import io.esteira.quality.dialect.QualityDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One database a check reads (the OLTP or the DW), with its dialect and catalog. Every query runs in
 * a read-only transaction: the quality service never changes data. On PostgreSQL the transaction is
 * declared read-only with {@code SET TRANSACTION READ ONLY}, so a statement that would write is refused
 * by the server; SQL Server has no read-only transactions, so there the login must be read-only
 * ({@code esteira.dw.reader}, role {@code quality_reader}), and {@link ReadOnlyQuery} refuses configured
 * SQL that is not one query on both.
 */
public final class Database {

    /** Rows fetched at a time by {@link #queryInChunks}. */
    static final int CHUNK_ROWS = 1_000;

    private final String role;
    private final DataSource dataSource;
    private final QualityDialect dialect;
    private final Catalog catalog;
    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate sampling;
    private final NamedParameterJdbcTemplate chunked;
    private final DataSourceTransactionManager transactions;

    /**
     * @param role {@code dw} or {@code oltp}, named in every error message
     * @param sampleSize the most rows a sample query returns
     */
    public Database(String role, DataSource dataSource, QualityDialect dialect, int sampleSize) {
        this.role = role;
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.catalog = new Catalog(dataSource, role);
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        JdbcTemplate limited = new JdbcTemplate(dataSource);
        limited.setMaxRows(sampleSize);
        this.sampling = new NamedParameterJdbcTemplate(limited);
        JdbcTemplate inChunks = new JdbcTemplate(dataSource);
        inChunks.setFetchSize(CHUNK_ROWS);
        this.chunked = new NamedParameterJdbcTemplate(inChunks);
        this.transactions = new DataSourceTransactionManager(dataSource);
        this.transactions.setEnforceReadOnly(dialect.vendor() == Vendor.POSTGRESQL);
    }

    public static Database of(String role, DataSource dataSource, int sampleSize) {
        return new Database(role, dataSource, QualityDialect.of(dataSource, role), sampleSize);
    }

    public String role() {
        return role;
    }

    public QualityDialect dialect() {
        return dialect;
    }

    public Catalog catalog() {
        return catalog;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public <T> T query(String sql, Map<String, ?> parameters, ResultSetExtractor<T> extractor) {
        return readOnly().execute(status -> jdbc.query(sql, parameters, extractor));
    }

    public <T> java.util.List<T> list(String sql, Map<String, ?> parameters, RowMapper<T> mapper) {
        return readOnly().execute(status -> jdbc.query(sql, parameters, mapper));
    }

    /**
     * As {@link #query}, the rows fetched {@value #CHUNK_ROWS} at a time (on PostgreSQL through a cursor of the
     * read-only transaction) instead of all at once: an extractor that stops reading early never has the
     * rest in memory.
     */
    public <T> T queryInChunks(String sql, Map<String, ?> parameters, ResultSetExtractor<T> extractor) {
        return readOnly().execute(status -> chunked.query(sql, parameters, extractor));
    }

    /** The first {@code sampleSize} rows of {@code sql}. */
    public <T> java.util.List<T> sample(String sql, Map<String, ?> parameters, RowMapper<T> mapper) {
        return readOnly().execute(status -> sampling.query(sql, parameters, mapper));
    }

    public long count(String sql, Map<String, ?> parameters) {
        Long count = readOnly().execute(status -> jdbc.queryForObject(sql, parameters, Long.class));
        return count == null ? 0 : count;
    }

    /**
     * Has the database parse and describe {@code sql} without running it, so a statement that does not
     * parse or names a missing table or column stops start-up.
     *
     * @throws IllegalArgumentException with the database's own explanation
     */
    public void prepare(String sql) {
        String jdbcSql = NamedParameterUtils.parseSqlStatementIntoString(sql);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(jdbcSql)) {
            statement.getMetaData();
        } catch (SQLException e) {
            throw new IllegalArgumentException(
                    "its SQL does not prepare on the " + role + " database: " + oneLine(e.getMessage()), e);
        }
    }

    /**
     * A read-only transaction whose statements are cancelled after the running check's timeout
     * ({@link StatementTimeout}): Spring gives every JDBC statement of the transaction the time left as
     * its query timeout.
     */
    private TransactionTemplate readOnly() {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setReadOnly(true);
        template.setTimeout(StatementTimeout.seconds());
        return template;
    }

    static String oneLine(String message) {
        return message == null
                ? "(no message)"
                : message.replaceAll("\\s+", " ").strip();
    }
}
