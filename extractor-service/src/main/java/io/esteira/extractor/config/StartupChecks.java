package io.esteira.extractor.config;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.dialect.SqlDialect;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.extractor.capture.SourceCatalog;
import io.esteira.extractor.dialect.CaptureDialect;
import io.esteira.runtime.config.EsteiraProperties;
import io.esteira.runtime.config.TrainingRun;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on a configuration that cannot work: an entity override that names no catalog
 * entity, an OLTP that lacks what the entity catalog declares (table, column, unique key, change-order
 * column of the right type, tombstone table: {@link SourceCatalog}), a mirror entity column of a type or
 * name mirror tables do not carry, a SQL Server OLTP that is not
 * the primary replica, or a DW without {@code ctl.etl_control}. Each message names the thing and what to
 * do. A class-data-sharing {@link TrainingRun} (no database answers, nothing runs after the refresh) checks
 * the configuration only.
 */
@Component
public class StartupChecks implements InitializingBean {

    /**
     * READ_ONLY on an availability group's readable secondary (and on a database set read-only, where
     * nothing changes to capture); needs no permission beyond access to the database, unlike
     * {@code sys.fn_hadr_is_primary_replica} (VIEW SERVER STATE).
     */
    static final String SQL_SERVER_UPDATEABILITY =
            "SELECT CAST(DATABASEPROPERTYEX(DB_NAME(), 'Updateability') AS varchar(20)), DB_NAME()";

    private final ExtractorProperties properties;
    private final EsteiraProperties esteira;
    private final EntityCatalog catalog;
    private final DataSource oltp;
    private final DataSource dw;
    private final CaptureDialect dialect;

    public StartupChecks(
            ExtractorProperties properties,
            EsteiraProperties esteira,
            EntityCatalog catalog,
            @Qualifier("oltp") DataSource oltp,
            @Qualifier("dw") DataSource dw,
            CaptureDialect dialect) {
        this.properties = properties;
        this.esteira = esteira;
        this.catalog = catalog;
        this.oltp = oltp;
        this.dw = dw;
        this.dialect = dialect;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        Set<String> names = new TreeSet<>();
        catalog.loadOrder().forEach(e -> names.add(e.name()));
        Set<String> unknown = properties.unknownEntities(names);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(
                    "esteira.extractor.entities names unknown entities " + unknown + "; known entities are " + names);
        }
        if (TrainingRun.active()) {
            return;
        }
        try (Connection connection = oltp.getConnection()) {
            if (SqlDialect.vendorOf(esteira.oltp().url()) == Vendor.SQLSERVER) {
                requireSqlServerPrimary(esteira.oltp().url(), connection);
            }
        }
        List<String> problems = new SourceCatalog(oltp, dialect).problems(catalog, properties::enabledInConfig);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The OLTP at esteira.oltp.url does not have what the entity catalog"
                    + " declares: " + String.join("; ", problems)
                    + ". For the reference schema, migrate it (esteira-local.jar oltp init); to leave an entity out"
                    + " for now, set esteira.extractor.entities.<name>.enabled=false");
        }
        try {
            new JdbcTemplate(dw).queryForObject("SELECT COUNT(*) FROM ctl.etl_control", Long.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "The DW at esteira.dw.url has no readable ctl.etl_control (" + e.getMessage()
                            + "); start loader-service once to migrate the DW schema",
                    e);
        }
    }

    /**
     * Capture reads SQL Server's primary replica. {@code MIN_ACTIVE_ROWVERSION()} on a readable secondary
     * knows only the transactions redone there, not those still open on the primary, and a secondary
     * reads under snapshot isolation whatever the session asks: a bound taken there can pass rowversions of
     * a transaction the primary has not committed yet, whose rows the cursor then skips for good. The
     * capture login's read-only rights (db_datareader) keep the OLTP safe; the connection's intent must not
     * route it to a secondary.
     */
    static void requireSqlServerPrimary(String url, Connection connection) throws SQLException {
        if (url.toLowerCase(Locale.ROOT).contains("applicationintent=readonly")) {
            throw new IllegalStateException("esteira.oltp.url asks for applicationIntent=ReadOnly, which routes"
                    + " capture to a readable secondary, where MIN_ACTIVE_ROWVERSION() does not see the primary's"
                    + " open transactions and committed rows can be skipped; remove applicationIntent=ReadOnly"
                    + " and point the extractor at the primary (its login stays read-only: docs/operations.md,"
                    + " SQL Server prerequisites).");
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(SQL_SERVER_UPDATEABILITY)) {
            if (rs.next() && "READ_ONLY".equalsIgnoreCase(rs.getString(1))) {
                throw new IllegalStateException("The OLTP database " + rs.getString(2) + " at esteira.oltp.url is"
                        + " read-only: a readable secondary replica of an availability group, where"
                        + " MIN_ACTIVE_ROWVERSION() does not see the primary's open transactions and committed rows"
                        + " can be skipped (or a read-only database, where nothing changes); point esteira.oltp.url"
                        + " at the availability group listener or the primary, without applicationIntent=ReadOnly.");
            }
        }
    }
}
