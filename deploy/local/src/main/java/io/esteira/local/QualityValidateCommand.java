package io.esteira.local;

import io.esteira.local.quality.ChecksFileValidation;
import io.esteira.quality.validate.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks a checks file as the quality service's start-up would, without running it: unknown kinds and"
                    + " fields, bad crons, missing fields, and SQL that does not prepare on a freshly migrated DW"
                    + " and OLTP (throw-away PostgreSQL databases).",
            "Exit code 0 when valid, 1 with one line per problem (naming the check and field), 2 when the file"
                    + " cannot be read."
        })
class QualityValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--file",
            required = true,
            description = "The checks file (YAML), as for ESTEIRA_QUALITY_CHECKS_FILE.")
    Path file;

    @Option(
            names = "--zone",
            defaultValue = "America/Sao_Paulo",
            description = "The business time zone (esteira.quality.zone); default ${DEFAULT-VALUE}.")
    ZoneId zone;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ValidationReport report;
        try {
            report = ChecksFileValidation.validate(file, zone, line -> err.println("quality validate: " + line));
        } catch (IllegalArgumentException e) {
            err.println(spec.commandLine().getColorScheme().errorText("quality validate: " + e.getMessage()));
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
}
