package io.esteira.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueuesTest {

    @Test
    void shouldNameChangeQueueAndItsDeadLetterQueue() {
        assertThat(Queues.changes("orders")).isEqualTo("dw.changes.orders");
        assertThat(Queues.deadLetter(Queues.changes("orders"))).isEqualTo("DLQ.dw.changes.orders");
    }

    @Test
    void shouldRefuseChangeQueueOfEntityThatIsNotAnIdentifier() {
        assertThatThrownBy(() -> Queues.changes("orders.#"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'orders.#'");
    }
}
