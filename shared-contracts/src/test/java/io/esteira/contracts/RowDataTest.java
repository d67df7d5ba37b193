package io.esteira.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowDataTest {

    @Test
    void shouldEqualALinkedHashMapWithTheSameEntriesAndIterateInColumnOrder() {
        RowData.Columns columns = RowData.columns("order_id", "status", "discount_id", "total");
        RowData data = RowData.of(columns, new Object[] {42L, "paid", null, new BigDecimal("12.50")});
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("order_id", 42L);
        expected.put("status", "paid");
        expected.put("discount_id", null);
        expected.put("total", new BigDecimal("12.50"));

        assertThat(data).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(data)
                .containsExactly(
                        entry("order_id", 42L),
                        entry("status", "paid"),
                        entry("discount_id", null),
                        entry("total", new BigDecimal("12.50")));
        assertThat(data.containsKey("discount_id")).isTrue();
        assertThat(data.get("discount_id")).isNull();
        assertThat(data.containsKey("nope")).isFalse();
    }

    @Test
    void shouldWidenIntegersSoARowEqualsItselfAfterAJsonRoundTrip() {
        RowData data = RowData.of(RowData.columns("a", "b", "c"), new Object[] {1, (short) 2, (byte) 3});

        assertThat(data).containsExactly(entry("a", 1L), entry("b", 2L), entry("c", 3L));
        assertThat(RowData.copyOf(Map.of("a", 7))).containsExactly(entry("a", 7L));
    }

    @Test
    void shouldRefuseChangesAndColumnsNamedTwiceOrWithoutANameAndValuesThatDoNotMatchTheColumns() {
        RowData data = RowData.of(RowData.columns("a"), new Object[] {1L});

        assertThatThrownBy(() -> data.put("b", 2L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> RowData.columns("a", "b", "a")).hasMessageContaining("names column a twice");
        assertThatThrownBy(() -> RowData.columns("a", null)).hasMessageContaining("position 2");
        assertThatThrownBy(() -> RowData.of(RowData.columns("a", "b"), new Object[] {1L}))
                .hasMessageContaining("2 columns but 1 values");
    }

    @Test
    void shouldKeepARowsDataAsItIsWhenItIsRowDataAlready() {
        RowData data = RowData.of(RowData.columns("a"), new Object[] {1L});

        assertThat(new ChangeBatch.Row(ChangeBatch.Op.upsert, 1, 1, data).data())
                .isSameAs(data);
        assertThat(new ChangeBatch.Row(ChangeBatch.Op.delete, 1, 1, null).data())
                .isEmpty();
    }
}
