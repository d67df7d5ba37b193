package io.esteira.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.embedded.junit.PostgresDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

class OltpCommandIT {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("oltp_cli");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = EsteiraLocal.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void shouldGenerateBaseDataIntoAFreshDatabaseAndThenChangeIt() throws SQLException {
        int generated = run(
                "oltp",
                "generate",
                "--url",
                oltp.jdbcUrl(),
                "--username",
                oltp.username(),
                "--password",
                oltp.password(),
                "--seed",
                "7",
                "--scale",
                "2",
                "--no-progress");

        assertThat(generated).as(err.toString()).isZero();
        assertThat(count("core.order_items")).isEqualTo(2_000);
        assertThat(count("core.orders")).isPositive();
        assertThat(count("core.sales_targets")).isPositive();
        assertThat(out.toString()).contains("core.order_items", "2,000");

        int changed = run(
                "oltp",
                "workload",
                "--url",
                oltp.jdbcUrl(),
                "--username",
                oltp.username(),
                "--password",
                oltp.password(),
                "--rate",
                "0",
                "--count",
                "50",
                "--no-progress");

        assertThat(changed).as(err.toString()).isZero();
        assertThat(out.toString()).contains("50 changes");
        assertThat(count("core.deleted_rows")).isPositive();
    }

    @Test
    void shouldNameTheUrlItCannotReach() {
        int exit = run("oltp", "init", "--url", "jdbc:postgresql://127.0.0.1:1/nowhere", "--username", "postgres");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("jdbc:postgresql://127.0.0.1:1/nowhere", "--url");
    }

    @Test
    void shouldRejectABadFlagWithUsage() {
        int exit = run("oltp", "generate", "--url", oltp.jdbcUrl(), "--scale", "many");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--scale").contains("Usage:");
    }

    private long count(String table) throws SQLException {
        try (Connection connection = oltp.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
