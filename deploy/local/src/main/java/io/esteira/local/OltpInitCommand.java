package io.esteira.local;

import io.esteira.oltp.OltpSchema;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Creates or upgrades the OLTP reference schema core (Flyway; history in core.flyway_schema_history).",
            "On a current schema it changes nothing."
        })
class OltpInitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OltpConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        return OltpCommand.report(spec, () -> {
            DataSource dataSource = connection.connect();
            int applied = OltpSchema.migrate(dataSource);
            spec.commandLine()
                    .getOut()
                    .println(
                            applied == 0
                                    ? "oltp init: schema core is current; nothing to do."
                                    : "oltp init: applied " + applied + " migration(s) to schema core.");
            return 0;
        });
    }
}
