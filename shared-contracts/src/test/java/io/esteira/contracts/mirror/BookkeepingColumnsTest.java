package io.esteira.contracts.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BookkeepingColumnsTest {

    @Test
    void shouldReserveEveryBookkeepingColumnOfTheRawAndWorkTablesInAnyCase() {
        assertThat(BookkeepingColumns.NAMES)
                .containsExactly("source_version", "source_deleted", "loaded_at", "apply_token", "applies");
        assertThat(BookkeepingColumns.isReserved("Loaded_At")).isTrue();
        assertThat(BookkeepingColumns.isReserved("APPLIES")).isTrue();
        assertThat(BookkeepingColumns.isReserved("loaded")).isFalse();
        assertThat(BookkeepingColumns.isReserved("source_loaded_at")).isFalse();
    }
}
