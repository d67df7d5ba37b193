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

/** {@code esteira-local source prepare} as a user types it: print, apply, roll back, refuse. */
class SourcePrepareCommandIT {

    @RegisterExtension
    static final PostgresDatabase source = new PostgresDatabase("source_cli");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine commandLine = EsteiraLocal.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private int prepare(String... more) {
        String[] args = {
            "source",
            "prepare",
            "--url",
            source.jdbcUrl(),
            "--username",
            source.username(),
            "--password",
            source.password()
        };
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return run(all);
    }

    @Test
    void printsTheScriptAppliesItOnlyWithApplyAndRollsItBack() throws SQLException {
        execute("CREATE SCHEMA IF NOT EXISTS sales");
        execute("CREATE TABLE sales.payments (payment_id bigint PRIMARY KEY, amount numeric(12,2))");

        assertThat(prepare("--tables", "sales.payments")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("ALTER TABLE \"sales\".\"payments\" ADD COLUMN IF NOT EXISTS row_version");
        assertThat(hasRowVersion()).isFalse();

        assertThat(prepare("--tables", "sales.payments", "--apply"))
                .as(err.toString())
                .isZero();
        assertThat(err.toString()).contains("source prepare: prepared 1 table(s)");
        assertThat(hasRowVersion()).isTrue();

        assertThat(prepare("--tables", "sales.payments", "--rollback", "--apply"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("DROP TRIGGER IF EXISTS esteira_tombstone ON \"sales\".\"payments\";");
        assertThat(hasRowVersion()).isFalse();
    }

    @Test
    void namesTheTableItCannotPrepareAndExitsOne() {
        int exit = prepare("--tables", "sales.nosuch");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .contains("source: Cannot prepare these tables for capture", "sales.nosuch does not exist");
    }

    private boolean hasRowVersion() throws SQLException {
        try (Connection connection = source.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM information_schema.columns"
                                + " WHERE table_schema = 'sales' AND table_name = 'payments' AND column_name = 'row_version'")) {
            rows.next();
            return rows.getInt(1) == 1;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = source.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
