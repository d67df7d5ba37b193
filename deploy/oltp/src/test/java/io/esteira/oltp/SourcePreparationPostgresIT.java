package io.esteira.oltp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.embedded.TemporaryPostgres;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.embedded.junit.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** {@code source prepare} on a customer's own PostgreSQL tables, applied for real and undone. */
class SourcePreparationPostgresIT {

    @RegisterExtension
    static final PostgresDatabase server = new PostgresDatabase("source-prepare");

    private TemporaryPostgres database;
    private Connection connection;

    @BeforeEach
    void customerSchema() throws SQLException {
        database = TemporaryPostgres.create(TestPostgres.server(), "source_prepare");
        connection = database.connect();
        execute("CREATE SCHEMA shop");
        execute("CREATE TABLE shop.payments (payment_id bigint PRIMARY KEY, order_ref bigint NOT NULL,"
                + " amount numeric(12,2) NOT NULL)");
        execute("CREATE TABLE shop.invoices (invoice_id integer PRIMARY KEY, total numeric(12,2))");
        execute("CREATE TABLE shop.ledger (book text, line integer, amount numeric, PRIMARY KEY (book, line))");
        execute("CREATE TABLE shop.tags (tag text PRIMARY KEY)");
        execute("INSERT INTO shop.payments VALUES (1, 10, 5.00), (2, 11, 7.50)");
    }

    @AfterEach
    void drop() throws SQLException {
        connection.close();
        database.close();
    }

    @Test
    void preparedTableStampsEveryWriteWithItsTransactionAndRecordsHardDeletes() throws SQLException {
        SourcePreparation preparation = SourcePreparation.inspect(connection, List.of("shop.payments"));
        preparation.apply(connection, preparation.script());

        assertThat(query("SELECT count(*) FROM shop.payments WHERE row_version IS NOT NULL"))
                .containsExactly("2");
        connection.setAutoCommit(false);
        execute("INSERT INTO shop.payments (payment_id, order_ref, amount) VALUES (3, 12, 9.00)");
        String writer = query("SELECT pg_current_xact_id()::text").get(0);
        connection.commit();
        assertThat(query("SELECT row_version::text FROM shop.payments WHERE payment_id = 3"))
                .containsExactly(writer);

        execute("UPDATE shop.payments SET amount = 6.00 WHERE payment_id = 1");
        String updater = query("SELECT pg_current_xact_id()::text").get(0);
        connection.commit();
        assertThat(query("SELECT row_version::text FROM shop.payments WHERE payment_id = 1"))
                .containsExactly(updater);

        execute("DELETE FROM shop.payments WHERE payment_id = 2");
        String deleter = query("SELECT pg_current_xact_id()::text").get(0);
        connection.commit();
        connection.setAutoCommit(true);
        assertThat(query("SELECT table_name || ':' || row_key || ':' || row_version FROM shop.deleted_rows"))
                .containsExactly("payments:2:" + deleter);
    }

    @Test
    void preparedTableRefusesTruncateAndWakesTheExtractorOnItsChannelOnlyWhileItWaits() throws SQLException {
        SourcePreparation preparation = SourcePreparation.inspect(connection, List.of("shop.payments"));
        preparation.apply(connection, preparation.script());

        assertThatThrownBy(() -> execute("TRUNCATE shop.payments"))
                .hasMessageContaining("TRUNCATE of shop.payments is refused");
        assertThatThrownBy(() -> execute("TRUNCATE shop.deleted_rows"))
                .hasMessageContaining("TRUNCATE of shop.deleted_rows is refused");

        try (Connection listener = database.connect()) {
            execute(listener, "LISTEN esteira_payments");
            // The extractor's listener waits for the table: it holds the table's gate lock (AdvisoryGateLock).
            execute(listener, "SELECT pg_advisory_lock(1163088965, hashtext('esteira_payments'))");
            execute("INSERT INTO shop.payments VALUES (4, 13, 1.00)");
            PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(5_000);
            assertThat(notifications).extracting(PGNotification::getName).contains("esteira_payments");

            // Woken, it lets the lock go: a write then takes it shared, to its commit, and does not notify.
            execute(listener, "SELECT pg_advisory_unlock(1163088965, hashtext('esteira_payments'))");
            connection.setAutoCommit(false);
            execute("INSERT INTO shop.payments VALUES (5, 13, 1.00)");
            assertThat(query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND mode = 'ShareLock'"
                            + " AND pid = pg_backend_pid()"))
                    .containsExactly("1");
            connection.commit();
            connection.setAutoCommit(true);
            assertThat(listener.unwrap(PGConnection.class).getNotifications(500))
                    .isNullOrEmpty();
        }
    }

    @Test
    void runningTheScriptAgainChangesNothing() throws SQLException {
        SourcePreparation first = SourcePreparation.inspect(connection, List.of("shop.payments", "shop.invoices"));
        first.apply(connection, first.script());
        List<String> before = catalogOf("shop");

        SourcePreparation again = SourcePreparation.inspect(connection, List.of("shop.payments", "shop.invoices"));
        again.apply(connection, again.script());

        assertThat(catalogOf("shop")).isEqualTo(before);
        assertThat(query("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'shop.payments'::regclass"
                        + " AND NOT tgisinternal"))
                .containsExactly("4");
    }

    @Test
    void refusesEveryTableItCannotPrepareNamingEachAndWhy() {
        assertThatThrownBy(() -> SourcePreparation.inspect(
                        connection, List.of("shop.nosuch", "shop.ledger", "shop.tags", "payments", "shop.payments")))
                .isInstanceOf(OltpException.class)
                .hasMessageContaining("shop.nosuch does not exist")
                .hasMessageContaining("shop.ledger has a primary key of 2 columns [book, line]")
                .hasMessageContaining("shop.tags's primary key tag is text")
                .hasMessageContaining("'payments' is not schema.table")
                .message()
                .doesNotContain("shop.payments");
    }

    @Test
    void refusesARowVersionColumnOfAnotherType() throws SQLException {
        execute("ALTER TABLE shop.invoices ADD COLUMN row_version bigint");

        assertThatThrownBy(() -> SourcePreparation.inspect(connection, List.of("shop.invoices")))
                .isInstanceOf(OltpException.class)
                .hasMessageContaining("shop.invoices has a column row_version of type int8");
    }

    @Test
    void rollbackRestoresTheTablesAndKeepsTheTombstonesAnotherCapturedTableStillNeeds() throws SQLException {
        List<String> untouched = catalogOf("shop");
        SourcePreparation both = SourcePreparation.inspect(connection, List.of("shop.payments", "shop.invoices"));
        both.apply(connection, both.script());
        execute("DELETE FROM shop.payments WHERE payment_id = 2");

        SourcePreparation payments = SourcePreparation.inspect(connection, List.of("shop.payments"));
        payments.apply(connection, payments.rollbackScript());
        assertThat(columnsOf("shop.payments")).containsExactly("payment_id", "order_ref", "amount");
        assertThat(query("SELECT count(*) FROM shop.deleted_rows")).containsExactly("0");
        assertThat(query("SELECT count(*) FROM shop.payments")).containsExactly("1");

        SourcePreparation invoices = SourcePreparation.inspect(connection, List.of("shop.invoices"));
        invoices.apply(connection, invoices.rollbackScript());
        assertThat(catalogOf("shop")).isEqualTo(untouched);
    }

    @Test
    void leavesTheReferenceSchemasOwnCaptureAloneAndRefusesToRollItBack() throws SQLException {
        OltpSchema.migrate(database.dataSource());
        List<String> before = catalogOf("core");

        SourcePreparation preparation = SourcePreparation.inspect(connection, List.of("core.regions"));
        assertThat(preparation.script()).contains("-- core.regions is captured already");
        preparation.apply(connection, preparation.script());

        assertThat(catalogOf("core")).isEqualTo(before);
        assertThatThrownBy(preparation::rollbackScript)
                .isInstanceOf(OltpException.class)
                .hasMessageContaining("Cannot roll back [core.regions]");
    }

    /** Tables, columns, indexes, triggers and functions of a schema, one line each. */
    private List<String> catalogOf(String schema) throws SQLException {
        List<String> lines = new ArrayList<>();
        lines.addAll(query("SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type"
                + " FROM information_schema.columns WHERE table_schema = '" + schema + "' ORDER BY 1"));
        lines.addAll(
                query("SELECT 'index ' || indexname FROM pg_indexes WHERE schemaname = '" + schema + "' ORDER BY 1"));
        lines.addAll(query("SELECT 'trigger ' || c.relname || '.' || t.tgname FROM pg_trigger t"
                + " JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = '" + schema + "' AND NOT t.tgisinternal ORDER BY 1"));
        lines.addAll(query("SELECT 'function ' || p.proname FROM pg_proc p JOIN pg_namespace n"
                + " ON n.oid = p.pronamespace WHERE n.nspname = '" + schema + "' ORDER BY 1"));
        return lines;
    }

    private List<String> columnsOf(String table) throws SQLException {
        int dot = table.indexOf('.');
        return query("SELECT column_name FROM information_schema.columns WHERE table_schema = '"
                + table.substring(0, dot) + "' AND table_name = '" + table.substring(dot + 1)
                + "' ORDER BY ordinal_position");
    }

    private List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private void execute(String sql) throws SQLException {
        execute(connection, sql);
    }

    private static void execute(Connection on, String sql) throws SQLException {
        try (Statement statement = on.createStatement()) {
            statement.execute(sql);
        }
    }
}
