package io.esteira.local.quality;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.embedded.EmbeddedPostgresServer;
import io.esteira.embedded.TemporaryPostgres;
import io.esteira.loader.schema.DwSchema;
import io.esteira.oltp.OltpSchema;
import io.esteira.quality.check.Database;
import io.esteira.quality.validate.ChecksValidator;
import io.esteira.quality.validate.ValidationReport;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * Validates a checks file without running the quality service, for a data team's CI: on throw-away
 * PostgreSQL databases (an OLTP migrated with the reference schema, a DW migrated by the loader's
 * migrations), every enabled check is built as start-up would build it and each of its statements
 * prepared. Usable from a Maven test:
 *
 * <pre>{@code
 * ValidationReport report = ChecksFileValidation.validate(Path.of("quality-checks.yml"));
 * assertThat(report.problems()).isEmpty();
 * }</pre>
 *
 * The databases are created on the PostgreSQL at {@code ESTEIRA_TEST_PG_HOST|PORT|USER|PASSWORD}
 * (default 127.0.0.1:5432, user postgres) when it answers, else on an embedded PostgreSQL started for the
 * run, and dropped afterwards.
 */
public final class ChecksFileValidation {

    /** The business zone of the shipped configuration. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Sao_Paulo");

    private ChecksFileValidation() {}

    public static ValidationReport validate(Path checksFile) {
        return validate(checksFile, DEFAULT_ZONE, message -> {});
    }

    /**
     * @param log told which server is used
     * @throws IllegalArgumentException when the file does not exist or is not YAML
     */
    public static ValidationReport validate(Path checksFile, ZoneId zone, Consumer<String> log) {
        TemporaryPostgres.Server configured = TemporaryPostgres.Server.fromEnvironment();
        String unreachable = configured.unreachableReason();
        if (unreachable == null) {
            log.accept("Validating on throw-away databases at " + configured.jdbcUrl(""));
            return validateOn(configured, checksFile, zone);
        }
        log.accept(unreachable + "; validating on an embedded PostgreSQL instead.");
        try (EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start()) {
            return validateOn(embedded.server(), checksFile, zone);
        }
    }

    private static ValidationReport validateOn(TemporaryPostgres.Server server, Path checksFile, ZoneId zone) {
        try (TemporaryPostgres oltp = TemporaryPostgres.create(server, "validate_oltp");
                TemporaryPostgres dw = TemporaryPostgres.create(server, "validate_dw")) {
            OltpSchema.migrate(oltp.dataSource());
            DwSchema.migrate(dw.dataSource());
            return new ChecksValidator(
                            Database.of("oltp", oltp.dataSource(), 10),
                            Database.of("dw", dw.dataSource(), 10),
                            EntityCatalog.reference(),
                            zone)
                    .validate(checksFile);
        }
    }
}
