package io.esteira.extractor.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.extractor.dialect.CaptureDialect;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** A mirror entity's column types, read from a real PostgreSQL OLTP's catalog as each batch carries them. */
class MirrorColumnsIT {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("mirror_columns");

    private static ChangeCapture capture;

    @BeforeAll
    static void schema() {
        JdbcTemplate jdbc = new JdbcTemplate(oltp.dataSource());
        jdbc.execute("CREATE SCHEMA sales");
        jdbc.execute("CREATE TABLE sales.payments (payment_id bigint PRIMARY KEY, amount numeric(12,2),"
                + " method char(4), paid_at timestamp, captured boolean, note text, ref varchar(40),"
                + " settled_at timestamptz, opens_at time, device_id uuid, detail jsonb,"
                + " row_version xid8 NOT NULL DEFAULT pg_current_xact_id())");
        capture = new ChangeCapture(oltp.dataSource(), CaptureDialect.of(Vendor.POSTGRESQL), 100, "payments"::equals);
        jdbc.execute("CREATE TABLE sales.leads (name varchar(40), lead_id bigint PRIMARY KEY,"
                + " row_version xid8 NOT NULL DEFAULT pg_current_xact_id(), score integer)");
        jdbc.execute("CREATE TABLE sales.deleted_rows (table_name varchar(64), row_key bigint, row_version xid8,"
                + " deleted_at timestamp)");
        carrying = new ChangeCapture(
                oltp.dataSource(), CaptureDialect.of(Vendor.POSTGRESQL), 100, "leads"::equals, "leads"::equals);
    }

    private static ChangeCapture carrying;

    /** sales.leads declared with its key alone: every column of the table. */
    private static final EntityDefinition LEADS =
            new EntityDefinition("leads", "sales.leads", "lead_id", List.of("lead_id"));

    private static EntityDefinition payments(String... columns) {
        return new EntityDefinition("payments", "sales.payments", "payment_id", List.of(columns));
    }

    @Test
    void shouldCarryEachDeclaredColumnWithItsNeutralTypeKeyFirst() {
        assertThat(capture.columns(payments("payment_id", "amount", "method", "paid_at", "captured", "note", "ref")))
                .containsExactly(
                        new ChangeBatch.Column("payment_id", "bigint"),
                        new ChangeBatch.Column("amount", "decimal(12,2)"),
                        new ChangeBatch.Column("method", "char(4)"),
                        new ChangeBatch.Column("paid_at", "timestamp"),
                        new ChangeBatch.Column("captured", "boolean"),
                        new ChangeBatch.Column("note", "text"),
                        new ChangeBatch.Column("ref", "varchar(40)"));
    }

    @Test
    void shouldCarryInstantsTimesAndUuids() {
        assertThat(capture.columns(payments("payment_id", "settled_at", "opens_at", "device_id")))
                .containsExactly(
                        new ChangeBatch.Column("payment_id", "bigint"),
                        new ChangeBatch.Column("settled_at", "timestamptz"),
                        new ChangeBatch.Column("opens_at", "time"),
                        new ChangeBatch.Column("device_id", "uuid"));
    }

    @Test
    void shouldCarryNoTypesForAnEntityOfTheStar() {
        EntityDefinition regions =
                new EntityDefinition("regions", "sales.payments", "payment_id", List.of("payment_id"));

        assertThat(capture.columns(regions)).isNull();
    }

    @Test
    void shouldNameAColumnWhoseTypeMirrorTablesDoNotCarry() {
        assertThatThrownBy(() -> capture.columns(payments("payment_id", "detail")))
                .hasMessage("Column sales.payments.detail (mirror entity payments) is of type jsonb, which mirror"
                        + " tables do not carry (docs/data-contract.md, Mirror tables); take it out of columns in the"
                        + " entity catalog file, or change its type in the source.");
    }

    @Test
    void shouldNameADeclaredColumnTheSourceNoLongerHas() {
        assertThatThrownBy(() -> capture.columns(payments("payment_id", "amount", "discount")))
                .hasMessageStartingWith(
                        "Column sales.payments.discount (mirror entity payments) is no longer in the source table");
    }

    @Test
    void shouldCarryEveryColumnOfTheTableKeyFirstInTheTablesOrderButItsChangeOrderColumn() {
        assertThat(carrying.columns(LEADS))
                .containsExactly(
                        new ChangeBatch.Column("lead_id", "bigint"),
                        new ChangeBatch.Column("name", "varchar(40)"),
                        new ChangeBatch.Column("score", "integer"));
    }

    @Test
    void shouldCarryAColumnAddedToTheSourceFromTheFirstPageReadAfterIt() {
        JdbcTemplate jdbc = new JdbcTemplate(oltp.dataSource());
        jdbc.update("INSERT INTO sales.leads (lead_id, name, score) VALUES (1, 'Ana', 3)");
        List<ChangeBatch.Row> first = carrying.page(LEADS, CaptureRange.after(ChangeBatch.Cursor.START), 100);
        assertThat(first).hasSize(1);
        assertThat(carrying.columns(LEADS, first))
                .extracting(ChangeBatch.Column::name)
                .containsExactly("lead_id", "name", "score");

        jdbc.execute("ALTER TABLE sales.leads ADD COLUMN origin varchar(20)");
        jdbc.update("INSERT INTO sales.leads (lead_id, name, score, origin) VALUES (2, 'Bia', 5, 'web')");
        List<ChangeBatch.Row> second =
                carrying.page(LEADS, CaptureRange.after(ChangeCapture.cursorOf(first.get(0))), 100);

        assertThat(second).hasSize(1);
        assertThat(second.get(0).data()).containsEntry("origin", "web").containsEntry("name", "Bia");
        assertThat(carrying.columns(LEADS, second))
                .containsExactly(
                        new ChangeBatch.Column("lead_id", "bigint"),
                        new ChangeBatch.Column("name", "varchar(40)"),
                        new ChangeBatch.Column("score", "integer"),
                        new ChangeBatch.Column("origin", "varchar(20)"));

        jdbc.execute("ALTER TABLE sales.leads DROP COLUMN score");
        jdbc.update("INSERT INTO sales.leads (lead_id, name, origin) VALUES (3, 'Caio', 'app')");
        List<ChangeBatch.Row> third =
                carrying.page(LEADS, CaptureRange.after(ChangeCapture.cursorOf(second.get(0))), 100);

        assertThat(third.get(0).data())
                .as("read again without the dropped column")
                .doesNotContainKey("score");
        assertThat(carrying.columns(LEADS, third))
                .extracting(ChangeBatch.Column::name)
                .containsExactly("lead_id", "name", "origin");
    }
}
