package io.esteira.loader.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDateTime;
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
    void shouldNameTheColumnOfAValueThatDoesNotFit() {
        assertThatThrownBy(() -> StagingWriter.copyValue(orders, "order_date", "yesterday", Types.TIMESTAMP))
                .hasMessageContaining("orders.order_date");
        EntityDefinition items = EntityCatalog.reference().get("order_items");
        assertThatThrownBy(() -> StagingWriter.copyValue(items, "unit_price", "lots", Types.NUMERIC))
                .hasMessageContaining("order_items.unit_price");
    }
}
