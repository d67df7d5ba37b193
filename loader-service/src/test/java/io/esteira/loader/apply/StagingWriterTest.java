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
        assertThat(field(true)).isEqualTo("true");
    }

    @Test
    void shouldKeepAWallClockTimestampAsSentWhateverTheJvmTimeZone() {
        Object value = StagingWriter.copyValue(orders, "order_date", "2026-03-08T02:30:00Z", Types.TIMESTAMP);

        assertThat(value).isEqualTo(LocalDateTime.of(2026, 3, 8, 2, 30));
        assertThat(field(value)).isEqualTo("\"2026-03-08T02:30\"");
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
