package io.esteira.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** When up and bench run on an embedded PostgreSQL, and the mixes they refuse. */
class EmbeddedDatabasesTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/x";

    @Test
    void shouldRunEmbeddedWithTheFlagOrWhenNoUrlIsGiven() {
        assertThat(EmbeddedDatabases.chosen(true, null, null)).isTrue();
        assertThat(EmbeddedDatabases.chosen(false, null, null)).isTrue();
        assertThat(EmbeddedDatabases.chosen(false, URL, URL)).isFalse();
    }

    @Test
    void shouldRefuseTheFlagWithAUrlAndOneUrlWithoutTheOther() {
        assertThatThrownBy(() -> EmbeddedDatabases.chosen(true, URL, null)).hasMessageContaining("drop the URL");
        assertThatThrownBy(() -> EmbeddedDatabases.chosen(true, null, null, URL))
                .hasMessageContaining("drop the URL");
        assertThatThrownBy(() -> EmbeddedDatabases.chosen(false, URL, null)).hasMessageContaining("Give both");
        assertThatThrownBy(() -> EmbeddedDatabases.chosen(false, null, null, URL))
                .hasMessageContaining("Give both");
    }
}
