package io.esteira.local;

import io.esteira.oltp.OltpException;
import io.esteira.oltp.Redaction;
import io.esteira.oltp.SourcePreparation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "prepare",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the DDL that readies each table for exact capture, and runs it with --apply (one transaction).",
            "PostgreSQL: an xid8 column row_version stamped by trigger, its index, a tombstone trigger, a wake-up"
                    + " trigger and a TRUNCATE refusal; per schema the table deleted_rows and the trigger functions.",
            "SQL Server: a rowversion column (or the table's own), its index, a tombstone trigger and a guard column"
                    + " that refuses TRUNCATE; per schema deleted_rows and esteira_capture_guard.",
            "Nothing else of the tables changes. --rollback prints (or with --apply runs) the inverse."
        })
class SourcePrepareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OltpConnectionOptions connection;

    @Option(
            names = "--tables",
            required = true,
            split = ",",
            paramLabel = "SCHEMA.TABLE",
            description = "The tables to prepare, comma-separated: core.payments,core.invoices.")
    List<String> tables;

    @Option(names = "--apply", description = "Run the script (one transaction) after printing it.")
    boolean apply;

    @Option(names = "--rollback", description = "The inverse script: removes what prepare added.")
    boolean rollback;

    @Override
    public Integer call() throws Exception {
        return OltpCommand.report(spec, () -> {
            try (Connection open = connection.connect().getConnection()) {
                SourcePreparation preparation = SourcePreparation.inspect(open, tables);
                String script = rollback ? preparation.rollbackScript() : preparation.script();
                spec.commandLine().getOut().print(script);
                spec.commandLine().getOut().flush();
                if (apply) {
                    int batches;
                    try {
                        batches = preparation.apply(open, script);
                    } catch (SQLException e) {
                        throw new OltpException("The script failed and was rolled back, nothing changed: "
                                + OltpException.quote(e) + ". Fix the cause (often a permission: the user needs"
                                + " ALTER on the tables and CREATE on their schema) and run it again.");
                    }
                    spec.commandLine()
                            .getErr()
                            .println("source prepare: " + (rollback ? "rolled back " : "prepared ")
                                    + preparation.tables().size() + " table(s) in " + Redaction.url(connection.url)
                                    + " (" + batches + " batch(es), one transaction).");
                }
                return 0;
            }
        });
    }
}
