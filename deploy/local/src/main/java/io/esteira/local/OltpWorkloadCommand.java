package io.esteira.local;

import io.esteira.oltp.ChangeKind;
import io.esteira.oltp.ChangeWorkload;
import io.esteira.oltp.OltpSchema;
import io.esteira.oltp.ProgressListener;
import io.esteira.oltp.WorkloadReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(
        name = "workload",
        mixinStandardHelpOptions = true,
        description = {
            "Changes generated data at a steady rate, one transaction per change: new orders, status moves,"
                    + " updates (also of the SCD2-tracked customer, product and seller attributes), soft and hard"
                    + " deletes, returns, monthly targets, discounts.",
            "The same --seed on the same data makes the same changes. Stops after --duration or --count, whichever"
                    + " comes first (60s when neither is given).",
            "Needs base data: run 'oltp generate' first."
        })
class OltpWorkloadCommand implements Callable<Integer> {

    private static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Mixin
    OltpConnectionOptions connection;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(
            names = "--rate",
            defaultValue = "10",
            description = "Changes per second, 0 for as fast as the database allows; default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(
            names = "--duration",
            converter = DurationConverter.class,
            description = "How long to run: 90s, 5m, 1h or ISO-8601 (PT5M).")
    Duration duration;

    @Option(names = "--count", defaultValue = "0", description = "How many changes to make; 0 for no count bound.")
    long count;

    @Option(
            names = "--progress",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Show progress on standard error; default: on.")
    boolean progress;

    @Override
    public Integer call() throws Exception {
        return OltpCommand.report(spec, () -> {
            Duration bound = duration == null && count == 0 ? DEFAULT_DURATION : duration;
            ChangeWorkload workload = new ChangeWorkload(new ChangeWorkload.Options(seed, rate, bound, count));
            DataSource dataSource = connection.connect();
            if (!OltpSchema.isCurrent(dataSource)) {
                spec.commandLine()
                        .getErr()
                        .println("oltp workload: schema core is missing or not current: run 'oltp generate' (or"
                                + " 'oltp init' and then generate) first.");
                return 1;
            }
            WorkloadReport report =
                    workload.run(dataSource, progress ? ProgressListener.console() : ProgressListener.silent());
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    Locale.ROOT,
                    "oltp workload: seed %d: %,d changes in %.1f s (%.1f/s)%n",
                    seed,
                    report.total(),
                    report.elapsed().toMillis() / 1000.0,
                    report.rate());
            for (ChangeKind kind : ChangeKind.values()) {
                out.printf(Locale.ROOT, "  %-18s %,10d%n", kind.name().toLowerCase(Locale.ROOT), report.count(kind));
            }
            out.flush();
            return 0;
        });
    }

    /** 90s, 5m, 1h, 250ms, a plain number of seconds, or ISO-8601. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)?");

        @Override
        public Duration convert(String value) {
            Matcher matcher = SHORT.matcher(value.strip().toLowerCase(Locale.ROOT));
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                String unit = matcher.group(2) == null ? "s" : matcher.group(2);
                return switch (unit) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofSeconds(amount);
                };
            }
            try {
                return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new TypeConversionException(
                        "'" + value + "' is not a duration: use 90s, 5m, 1h, 250ms or ISO-8601 such as PT5M");
            }
        }
    }
}
