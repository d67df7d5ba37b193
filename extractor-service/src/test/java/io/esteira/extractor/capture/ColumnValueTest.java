package io.esteira.extractor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ColumnValueTest {

    @Test
    void shouldReadDatesTimesInstantsAndUuidsByEitherVendorsTypeNameAndTheRestAsTheDriverGivesThem() {
        for (String wallClock : new String[] {"timestamp", "datetime2", "datetime", "smalldatetime"}) {
            assertThat(ColumnValue.of(wallClock, false)).as(wallClock).isEqualTo(ColumnValue.WALL_CLOCK);
            assertThat(ColumnValue.of(wallClock, true)).as(wallClock).isEqualTo(ColumnValue.WALL_CLOCK);
        }
        assertThat(ColumnValue.of("date", false)).isEqualTo(ColumnValue.DATE);
        assertThat(ColumnValue.of("time", true)).isEqualTo(ColumnValue.TIME);
        assertThat(ColumnValue.of("uuid", false)).isEqualTo(ColumnValue.UUID_TEXT);
        assertThat(ColumnValue.of("uniqueidentifier", true)).isEqualTo(ColumnValue.UUID_TEXT);
        assertThat(ColumnValue.of("varchar", false)).isNull();
        assertThat(ColumnValue.of("numeric", true)).isNull();
        assertThat(ColumnValue.of(null, true)).isNull();
    }

    @Test
    void shouldKeepAMirrorsInstantsAsInstantsAndGiveTheStarsTheirUtcWallClockTime() {
        assertThat(ColumnValue.of("timestamptz", true)).isEqualTo(ColumnValue.INSTANT);
        assertThat(ColumnValue.of("datetimeoffset", true)).isEqualTo(ColumnValue.INSTANT);
        assertThat(ColumnValue.of("timestamptz", false)).isEqualTo(ColumnValue.INSTANT_AS_UTC);
        assertThat(ColumnValue.of("DateTimeOffset", false)).isEqualTo(ColumnValue.INSTANT_AS_UTC);
    }

    @Test
    void shouldWriteAnInstantWithItsOffsetAndEveryDigitOfItsFraction() {
        assertThat(ColumnValue.instant(
                        OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 123_456_700, ZoneOffset.ofHoursMinutes(5, 30))))
                .isEqualTo("2026-03-01T10:00:00.1234567+05:30");
        assertThat(ColumnValue.instant(OffsetDateTime.of(2026, 3, 1, 4, 30, 0, 0, ZoneOffset.UTC)))
                .as("seconds written even when zero")
                .isEqualTo("2026-03-01T04:30:00Z");
    }

    @Test
    void shouldWriteATimeWithEveryDigitOfItsFractionAndAUuidInCanonicalLowerCase() {
        assertThat(ColumnValue.time(LocalTime.of(10, 15, 30, 123_456_000))).isEqualTo("10:15:30.123456");
        assertThat(ColumnValue.time(LocalTime.of(7, 0))).isEqualTo("07:00:00");
        assertThat(ColumnValue.uuid("6F9619FF-8B86-D011-B42D-00C04FC964FF"))
                .isEqualTo("6f9619ff-8b86-d011-b42d-00c04fc964ff");
    }
}
