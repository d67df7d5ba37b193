package io.esteira.loader.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StagingWriterTest {

    private final EntityDefinition orders = EntityCatalog.reference().get("orders");

    private static String field(Object value) {
        StringBuilder csv = new StringBuilder();
        StagingWriter.csvField(csv, value);
        return csv.toString();
    }

    @Test
    void shouldWriteANullAsAnEmptyFieldAndAnEmptyTextQuoted() {
        assertThat(field(null)).isEmpty();
        assertThat(field("")).isEqualTo("\"\"");
    }

    @Test
    void shouldQuoteTextAndDoubleItsQuotesSoCommasAndNewlinesStayInTheField() {
        assertThat(field("a \"b\", c\nd")).isEqualTo("\"a \"\"b\"\", c\nd\"");
        assertThat(field("\\N")).isEqualTo("\"\\N\"");
    }

    @Test
    void shouldWriteNumbersPlainAndBooleansAsWords() {
        assertThat(field(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(field(42L)).isEqualTo("42");
        assertThat(field(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
        assertThat(field(-7)).isEqualTo("-7");
        assertThat(field(2.5d)).isEqualTo("2.5");
        assertThat(field(true)).isEqualTo("true");
    }

    @Test
    void shouldKeepAWallClockTimestampAsSentWhateverTheJvmTimeZone() {
        Object value = StagingWriter.copyValue(orders, "order_date", "2026-03-08T02:30:00Z", Types.TIMESTAMP);

        assertThat(value).isEqualTo("2026-03-08T02:30:00");
        assertThat(field(value)).isEqualTo("\"2026-03-08T02:30:00\"");
    }

    @Test
    void shouldPassEveryIsoWallClockShapeTheExtractorWritesToCopyAsItIs() {
        for (String text : List.of(
                "2026-03-08T02:30",
                "2026-03-08T02:30:15",
                "2026-03-08T02:30:15.5",
                "2024-02-29T23:59:59.999999",
                "2026-03-01T04:30:00.1234567",
                "0001-01-01T00:00:00.123456789")) {
            assertThat(StagingWriter.wallClock(text)).as(text).isEqualTo(text);
            assertThat(LocalDateTime.parse(text))
                    .as("java.time reads %s too", text)
                    .isNotNull();
        }
        assertThat(StagingWriter.wallClock("2026-03-08T02:30Z")).isEqualTo("2026-03-08T02:30");
    }

    @Test
    void shouldRefuseWhatIsNotAnIsoWallClockTimeNamingTheValue() {
        for (String text : List.of(
                "yesterday",
                "2026-03-08",
                "2026-03-08 02:30",
                "2026-13-08T02:30",
                "2026-02-30T02:30",
                "2025-02-29T02:30",
                "2026-03-08T24:00",
                "2026-03-08T02:60",
                "2026-03-08T02:30:61",
                "2026-03-08T02:30:15.",
                "2026-03-08T02:30:15.1234567890",
                "2026-03-08T02:30+01:00",
                "26-03-08T02:30:00")) {
            assertThatThrownBy(() -> StagingWriter.wallClock(text)).as(text).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void shouldCopyAnInstantWithItsOffsetAndEveryDigitOfItsFraction() {
        int type = StagingWriter.jdbcType(Types.TIMESTAMP, "timestamptz");
        Object value = StagingWriter.copyValue(orders, "order_date", "2026-03-01T10:00:00.123456+05:30", type);

        assertThat(type).isEqualTo(Types.TIMESTAMP_WITH_TIMEZONE);
        assertThat(StagingWriter.jdbcType(-155, "datetimeoffset")).isEqualTo(Types.TIMESTAMP_WITH_TIMEZONE);
        assertThat(field(value)).isEqualTo("\"2026-03-01T10:00:00.123456+05:30\"");
        assertThat(StagingWriter.convert(orders, "order_date", "2026-03-01T04:30:00.1234567Z", type))
                .isEqualTo(OffsetDateTime.of(2026, 3, 1, 4, 30, 0, 123_456_700, ZoneOffset.UTC));
    }

    @Test
    void shouldCopyATimeWithEveryDigitOfItsFraction() {
        Object value = StagingWriter.copyValue(orders, "order_date", "10:15:30.1234567", Types.TIME);

        assertThat(value).isEqualTo(LocalTime.of(10, 15, 30, 123_456_700));
        assertThat(field(value)).isEqualTo("\"10:15:30.123456700\"");
    }

    @Test
    void shouldNameTheColumnOfAValueThatDoesNotFit() {
        assertThatThrownBy(() -> StagingWriter.copyValue(orders, "order_date", "yesterday", Types.TIMESTAMP))
                .hasMessageContaining("orders.order_date");
        EntityDefinition items = EntityCatalog.reference().get("order_items");
        assertThatThrownBy(() -> StagingWriter.copyValue(items, "unit_price", "lots", Types.NUMERIC))
                .hasMessageContaining("order_items.unit_price");
        assertThatThrownBy(() -> StagingWriter.copyValue(
                        orders, "order_date", "2026-03-01T10:00:00", Types.TIMESTAMP_WITH_TIMEZONE))
                .as("an instant without its offset")
                .hasMessageContaining("orders.order_date");
    }
}
