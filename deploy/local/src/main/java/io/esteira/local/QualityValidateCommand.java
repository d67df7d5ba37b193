package io.esteira.local;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityCatalogException;
import io.esteira.contracts.catalog.EntityCatalogFile;
import io.esteira.extractor.capture.SourceCatalog;
import io.esteira.extractor.dialect.CaptureDialect;
import io.esteira.local.quality.ChecksFileValidation;
import io.esteira.oltp.OltpException;
import io.esteira.oltp.Redaction;
import io.esteira.quality.validate.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "--file: checks a checks file as the quality service's start-up would, without running it: unknown"
                    + " kinds and fields, bad crons, missing fields, and SQL that does not prepare on a freshly"
                    + " migrated DW and OLTP (throw-away PostgreSQL databases).",
            "--catalog: checks an operator's entity catalog file before it is deployed, as the services' start-up"
                    + " would: the file itself, then each entity of the shipped catalog amended by it against the"
                    + " OLTP of --url (table, columns, unique key, change-order column, tombstone table, the column"
                    + " types of a mirror entity).",
            "Exit code 0 when valid, 1 with one line per problem (naming it and what to do), 2 when a file cannot"
                    + " be read or the OLTP does not answer."
        })
class QualityValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--file", description = "A checks file (YAML), as for ESTEIRA_QUALITY_CHECKS_FILE.")
    Path file;

    @Option(
            names = "--catalog",
            paramLabel = "FILE",
            description = "An operator's entity catalog file (YAML), as for ESTEIRA_CATALOG_FILE; needs --url.")
    Path catalog;

    @Option(
            names = "--disabled",
            split = ",",
            paramLabel = "ENTITY",
            description = "With --catalog: entities the extractor runs disabled"
                    + " (esteira.extractor.entities.<name>.enabled=false), not looked for in the OLTP.")
    List<String> disabled = new ArrayList<>();

    @Mixin
    OltpConnectionOptions source;

    @Option(
            names = "--zone",
            defaultValue = "America/Sao_Paulo",
            description = "The business time zone (esteira.quality.zone); default ${DEFAULT-VALUE}.")
    ZoneId zone;

    @Override
    public Integer call() {
        if (file == null && catalog == null) {
            error("give --file (a checks file), --catalog (an entity catalog file), or both.");
            return 2;
        }
        int exit = 0;
        if (catalog != null) {
            exit = validateCatalog();
        }
        if (file != null) {
            exit = Math.max(exit, validateChecks());
        }
        return exit;
    }

    private int validateCatalog() {
        if (!Files.isRegularFile(catalog)) {
            error("the entity catalog file " + catalog + " does not exist; give the file the services will read.");
            return 2;
        }
        List<String> problems = new ArrayList<>();
        EntityCatalog entities = null;
        try {
            entities = EntityCatalogFile.shippedWith(catalog);
        } catch (EntityCatalogException e) {
            problems.add(e.getMessage());
        }
        if (entities != null) {
            for (String name : disabled) {
                if (!entities.names().contains(name)) {
                    problems.add("--disabled names " + name + ", which the catalog does not declare; name one of "
                            + String.join(", ", entities.names()) + ".");
                }
            }
            DataSource oltp;
            try {
                oltp = source.connect();
            } catch (OltpException e) {
                error("--catalog is checked against the OLTP: " + e.getMessage());
                return 2;
            }
            problems.addAll(new SourceCatalog(oltp, CaptureDialect.forJdbcUrl(source.url))
                    .problems(entities, name -> !disabled.contains(name)));
        }
        String against = entities == null ? "" : " against " + Redaction.url(source.url);
        if (problems.isEmpty()) {
            spec.commandLine()
                    .getOut()
                    .println("quality validate: " + catalog + " is valid" + against + " ("
                            + entities.names().stream()
                                    .filter(name -> !disabled.contains(name))
                                    .count()
                            + " enabled entities, shipped ones included).");
            return 0;
        }
        problems.forEach(problem -> spec.commandLine().getErr().println("quality validate: " + problem));
        spec.commandLine()
                .getErr()
                .println("quality validate: " + problems.size() + " problem(s) in " + catalog + against
                        + "; fix them and run again.");
        return 1;
    }

    private int validateChecks() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ValidationReport report;
        try {
            report = ChecksFileValidation.validate(file, zone, line -> err.println("quality validate: " + line));
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
            return 2;
        }
        if (report.valid()) {
            out.println("quality validate: " + file + " is valid (" + report.checks() + " enabled checks, shipped"
                    + " ones included).");
            return 0;
        }
        report.problems().forEach(problem -> err.println("quality validate: " + problem));
        err.println("quality validate: " + report.problems().size() + " problem(s) in " + file + "; fix them and"
                + " run again.");
        return 1;
    }

    private void error(String message) {
        spec.commandLine()
                .getErr()
                .println(spec.commandLine().getColorScheme().errorText("quality validate: " + message));
    }
}
