package io.esteira.quality.scenario;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.loader.schema.DwSchema;
import io.esteira.oltp.OltpSchema;
import io.esteira.quality.config.QualityProperties.CheckProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The consistent OLTP and DW every scenario starts from ({@code fixture/*.sql}): orders 101 and 102 on
 * {@link #DAY}, order 103 the day before, and the matching dimension and fact rows; the extractor's
 * watermarks and the loader's mirror ({@code stg}) at the newest change, so nothing is pending.
 */
public final class Fixture {

    /** The checks' clock: 2026-11-21 12:00 in São Paulo, past the 08:00 SLA deadline. */
    public static final Instant NOW = Instant.parse("2026-11-21T15:00:00Z");

    public static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** The last closed day, holding orders 101 and 102 (items 1001-1003). */
    public static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    /** The 8 Fridays before {@link #DAY}, oldest first: the history the volume checks judge it against. */
    public static final List<String> FRIDAYS_BEFORE_DAY = List.of(
            "2026-09-25",
            "2026-10-02",
            "2026-10-09",
            "2026-10-16",
            "2026-10-23",
            "2026-10-30",
            "2026-11-06",
            "2026-11-13");

    private Fixture() {}

    public static void migrate(DataSource oltp, DataSource dw) {
        OltpSchema.migrate(oltp);
        DwSchema.migrate(dw);
    }

    /**
     * Loads the consistent rows and moves every watermark to the newest change.
     *
     * @param maxVersionSql the newest {@code row_version} of a table as a bigint, {@code %s} for the table
     */
    public static void load(DataSource oltp, DataSource dw, String maxVersionSql) {
        run(oltp, "fixture/reset-oltp.sql");
        run(dw, "fixture/reset-dw.sql");
        run(oltp, "fixture/oltp.sql");
        run(dw, "fixture/dw.sql");
        watermarksToLatest(oltp, dw, maxVersionSql);
        mirrorsToLatest(oltp, dw);
    }

    /**
     * Every entity's DW mirror ({@code stg.<table>}) holds each OLTP key at its current row_version, as if
     * the loader had applied every batch: what freshness measures the warehouse by.
     */
    public static void mirrorsToLatest(DataSource oltp, DataSource dw) {
        JdbcTemplate source = new JdbcTemplate(oltp);
        JdbcTemplate target = new JdbcTemplate(dw);
        for (EntityDefinition entity : EntityCatalog.reference().loadOrder()) {
            String mirror = "stg." + entity.tableName();
            target.update("DELETE FROM " + mirror);
            List<Object[]> rows =
                    source.query("SELECT " + entity.keyColumn() + ", row_version FROM " + entity.table(), (rs, n) ->
                            new Object[] {rs.getLong(1), Long.parseLong(rs.getString(2))});
            target.batchUpdate(
                    "INSERT INTO " + mirror + " (" + entity.keyColumn() + ", source_version) VALUES (?, ?)", rows);
        }
    }

    /** Every entity's cursor after its newest row, as if the extractor had just caught up. */
    public static void watermarksToLatest(DataSource oltp, DataSource dw, String maxVersionSql) {
        JdbcTemplate source = new JdbcTemplate(oltp);
        JdbcTemplate target = new JdbcTemplate(dw);
        for (EntityDefinition entity : EntityCatalog.reference().loadOrder()) {
            Long version = source.queryForObject(String.format(maxVersionSql, entity.table()), Long.class);
            target.update(
                    "UPDATE ctl.etl_control SET watermark_version = ?, watermark_key = ? WHERE entity = ?",
                    version,
                    Long.MAX_VALUE,
                    entity.name());
        }
    }

    /**
     * A login of role {@code quality_reader} (loader migration V70) whose sessions are read-only, as the
     * runbook sets one up, with a unique name (roles are cluster-wide) and no password (the test server
     * trusts local logins); {@link #dropLogin} removes it.
     */
    public static String createReaderLogin(DataSource dw) {
        String login = "quality_it_" + java.util.UUID.randomUUID().toString().substring(0, 8);
        new JdbcTemplate(dw)
                .execute("CREATE ROLE " + login + " LOGIN IN ROLE quality_reader; ALTER ROLE " + login
                        + " SET default_transaction_read_only = on");
        return login;
    }

    public static void dropLogin(DataSource dw, String login) {
        new JdbcTemplate(dw).execute("DROP ROLE IF EXISTS " + login);
    }

    /** The shipped checks ({@code quality-checks.yml}), bound as the service binds them. */
    public static Map<String, CheckProperties> shippedChecks() {
        return checks("quality-checks.yml");
    }

    public static Map<String, CheckProperties> checks(String classpathYaml) {
        StandardEnvironment environment = new StandardEnvironment();
        try {
            new YamlPropertySourceLoader()
                    .load(classpathYaml, new ClassPathResource(classpathYaml))
                    .forEach(environment.getPropertySources()::addFirst);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Binder(ConfigurationPropertySources.get(environment))
                .bind("esteira.quality.checks", Bindable.mapOf(String.class, CheckProperties.class))
                .get();
    }

    public static void run(DataSource dataSource, String script) {
        try (Connection connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource(script));
        } catch (SQLException e) {
            throw new IllegalStateException(script + " failed: " + e.getMessage(), e);
        }
    }
}
