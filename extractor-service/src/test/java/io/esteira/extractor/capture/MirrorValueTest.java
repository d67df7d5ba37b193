package io.esteira.extractor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MirrorValueTest {

    @Test
    void shouldReadInstantsTimesAndUuidsByEitherVendorsTypeNameAndTheRestAsTheDriverGivesThem() {
        assertThat(MirrorValue.of("timestamptz")).isEqualTo(MirrorValue.INSTANT);
        assertThat(MirrorValue.of("datetimeoffset")).isEqualTo(MirrorValue.INSTANT);
        assertThat(MirrorValue.of("time")).isEqualTo(MirrorValue.TIME);
        assertThat(MirrorValue.of("uuid")).isEqualTo(MirrorValue.UUID_TEXT);
        assertThat(MirrorValue.of("uniqueidentifier")).isEqualTo(MirrorValue.UUID_TEXT);
        assertThat(MirrorValue.of("timestamp")).isNull();
        assertThat(MirrorValue.of("varchar")).isNull();
    }

    @Test
    void shouldWriteAnInstantWithItsOffsetAndEveryDigitOfItsFraction() {
        assertThat(MirrorValue.instant(
                        OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 123_456_700, ZoneOffset.ofHoursMinutes(5, 30))))
                .isEqualTo("2026-03-01T10:00:00.1234567+05:30");
        assertThat(MirrorValue.instant(OffsetDateTime.of(2026, 3, 1, 4, 30, 0, 0, ZoneOffset.UTC)))
                .as("seconds written even when zero")
                .isEqualTo("2026-03-01T04:30:00Z");
    }

    @Test
    void shouldWriteATimeWithEveryDigitOfItsFractionAndAUuidInCanonicalLowerCase() {
        assertThat(MirrorValue.time(LocalTime.of(10, 15, 30, 123_456_000))).isEqualTo("10:15:30.123456");
        assertThat(MirrorValue.time(LocalTime.of(7, 0))).isEqualTo("07:00:00");
        assertThat(MirrorValue.uuid("6F9619FF-8B86-D011-B42D-00C04FC964FF"))
                .isEqualTo("6f9619ff-8b86-d011-b42d-00c04fc964ff");
    }
}
