package io.esteira.local;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.esteira.oltp.OltpException;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code oltp init|generate|workload}: the OLTP reference database's tools. */
@Command(
        name = "oltp",
        mixinStandardHelpOptions = true,
        description = "Creates, fills and changes the OLTP reference database (schema core) that Esteira reads.",
        subcommands = {OltpInitCommand.class, OltpGenerateCommand.class, OltpWorkloadCommand.class})
class OltpCommand implements Runnable {

    private static final List<String> LIBRARIES = List.of("org.flywaydb", "org.postgresql", "com.microsoft.sqlserver");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs a tool, turning its expected failures into one line on stderr, after the name of the tool's
     * command group ({@code oltp:}, {@code source:}), and exit code 1.
     */
    static Integer report(CommandSpec spec, Callable<Integer> tool) throws Exception {
        quietLibraryDebugLogs();
        try {
            return tool.call();
        } catch (OltpException e) {
            spec.commandLine()
                    .getErr()
                    .println(spec.commandLine().getColorScheme().errorText(group(spec) + ": " + e.getMessage()));
            return 1;
        }
    }

    private static String group(CommandSpec spec) {
        return spec.parent() == null ? spec.name() : spec.parent().name();
    }

    /**
     * Flyway and the JDBC drivers log every statement at DEBUG; without a logging configuration
     * Logback prints DEBUG. Raise them to INFO unless a configuration set their level.
     */
    private static void quietLibraryDebugLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            for (String name : LIBRARIES) {
                Logger logger = context.getLogger(name);
                if (logger.getLevel() == null && logger.isDebugEnabled()) {
                    logger.setLevel(Level.INFO);
                }
            }
        }
    }
}
