package io.esteira.local;

import io.esteira.oltp.BaseDataGenerator;
import io.esteira.oltp.CoreTable;
import io.esteira.oltp.GenerationReport;
import io.esteira.oltp.OltpSchema;
import io.esteira.oltp.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Writes deterministic base data into an empty schema core: the same --seed and --scale give the same"
                    + " rows on every run.",
            "Scale N writes N x 1,000 order items (about N x 400 orders over 2024-2025) and the regions, teams,"
                    + " sellers, customers, categories, products, discounts, returns and monthly targets to go"
                    + " with them.",
            "Runs init first (creating or upgrading the schema), so a fresh database needs nothing else.",
            "Refuses a schema whose tables already hold rows: use a fresh database, or 'oltp workload'."
        })
class OltpGenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OltpConnectionOptions connection;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(
            names = "--scale",
            defaultValue = "1",
            description = "Thousands of order items to write (1 or more); default: ${DEFAULT-VALUE}.")
    int scale;

    @Option(
            names = "--progress",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Show a progress bar on standard error; default: on.")
    boolean progress;

    @Override
    public Integer call() throws Exception {
        return OltpCommand.report(spec, () -> {
            BaseDataGenerator generator = new BaseDataGenerator(seed, scale);
            DataSource dataSource = connection.connect();
            OltpSchema.migrate(dataSource);
            GenerationReport report =
                    generator.generate(dataSource, progress ? ProgressListener.console() : ProgressListener.silent());
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    Locale.ROOT,
                    "oltp generate: seed %d, scale %d: %,d rows in %.1f s (%,.0f rows/s)%n",
                    seed,
                    scale,
                    report.totalRows(),
                    report.elapsed().toMillis() / 1000.0,
                    report.totalRows() / Math.max(0.001, report.elapsed().toMillis() / 1000.0));
            for (CoreTable table : CoreTable.values()) {
                out.printf(Locale.ROOT, "  %-20s %,12d%n", table.qualifiedName(), report.rows(table));
            }
            out.flush();
            return 0;
        });
    }
}
