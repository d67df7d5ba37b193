package io.esteira.extractor.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.extractor.dialect.CaptureDialect;
import java.time.Duration;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Dates, wall-clock times and instants, read from a real PostgreSQL OLTP by an extractor whose JVM runs in a
 * time zone with daylight saving time (New York, which skips 02:00–03:00 on 2026-03-08): the batch carries
 * what the source holds, not what the JVM's zone makes of it.
 */
class CapturedValuesIT {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("captured_values");

    private static final EntityDefinition VISITS = new EntityDefinition(
            "visits", "shop.visits", "visit_id", List.of("visit_id", "seen_at", "seen_on", "paid_at"));

    private static final String NOT_IN_NEW_YORK = "2026-03-08 02:30:00";

    private TimeZone jvmZone;

    @BeforeAll
    static void schema() {
        JdbcTemplate jdbc = new JdbcTemplate(oltp.dataSource());
        jdbc.execute("CREATE SCHEMA shop");
        jdbc.execute("CREATE TABLE shop.visits (visit_id bigint PRIMARY KEY, seen_at timestamp, seen_on date,"
                + " paid_at timestamptz, row_version xid8 NOT NULL DEFAULT pg_current_xact_id())");
        jdbc.execute("CREATE TABLE shop.deleted_rows (table_name varchar(64), row_key bigint, row_version xid8,"
                + " deleted_at timestamp)");
        jdbc.update(
                "INSERT INTO shop.visits (visit_id, seen_at, seen_on, paid_at) VALUES"
                        + " (1, TIMESTAMP '" + NOT_IN_NEW_YORK + "', DATE '2026-03-08',"
                        + " TIMESTAMPTZ '2026-03-01 04:30:00.123456+00'),"
                        + " (2, TIMESTAMP '2026-07-01 23:59:59.999999', DATE '2026-12-31', TIMESTAMPTZ '2026-07-01 21:00:00-03')");
    }

    @BeforeEach
    void inNewYork() {
        jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
    }

    @AfterEach
    void backToTheJvmsZone() {
        TimeZone.setDefault(jvmZone);
    }

    @Test
    void shouldCarryAStarEntitysWallClockTimesAsStoredDatesAsStoredAndInstantsAsUtcWallClockTimes() {
        ChangeCapture star =
                new ChangeCapture(oltp.dataSource(), CaptureDialect.of(Vendor.POSTGRESQL), 100, e -> false);

        List<ChangeBatch.Row> rows = bothRows(star);

        assertThat(rows.get(0).data())
                .as("a time the JVM's zone skips is not moved to 03:30")
                .containsEntry("seen_at", "2026-03-08T02:30")
                .containsEntry("seen_on", "2026-03-08")
                .as("an instant as UTC, not as New York's wall clock (2026-02-28T23:30)")
                .containsEntry("paid_at", "2026-03-01T04:30:00.123456");
        assertThat(rows.get(1).data())
                .containsEntry("seen_at", "2026-07-01T23:59:59.999999")
                .containsEntry("seen_on", "2026-12-31")
                .containsEntry("paid_at", "2026-07-02T00:00");
    }

    @Test
    void shouldCarryAMirrorEntitysInstantsWithTheirOffsetAndItsWallClockTimesAsStored() {
        ChangeCapture mirror =
                new ChangeCapture(oltp.dataSource(), CaptureDialect.of(Vendor.POSTGRESQL), 100, "visits"::equals);

        List<ChangeBatch.Row> rows = bothRows(mirror);

        assertThat(rows.get(0).data())
                .containsEntry("seen_at", "2026-03-08T02:30")
                .containsEntry("seen_on", "2026-03-08")
                .containsEntry("paid_at", "2026-03-01T04:30:00.123456Z");
        assertThat(rows.get(1).data()).containsEntry("paid_at", "2026-07-02T00:00:00Z");
    }

    /**
     * The two rows, once capture reads them: its bound is the server's oldest open transaction, and the shared
     * server may hold one of other work for a while.
     */
    private static List<ChangeBatch.Row> bothRows(ChangeCapture capture) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> capture.page(VISITS, CaptureRange.after(ChangeBatch.Cursor.START), 100),
                        rows -> rows.size() == 2);
    }
}
