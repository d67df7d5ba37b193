package io.esteira.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContractLimitsTest {

    @Test
    void shouldDefaultToDocumentedLimits() {
        assertThat(ContractLimits.DEFAULTS).isEqualTo(new ContractLimits(16 * 1024 * 1024, 10_000, 32, 1024 * 1024));
        assertThat(ContractCodec.standard().limits()).isEqualTo(ContractLimits.DEFAULTS);
    }

    @Test
    void shouldRejectNonPositiveLimit() {
        assertThatThrownBy(() -> ContractLimits.DEFAULTS.withMaxRowsPerBatch(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRowsPerBatch is 0");
    }

    @Test
    void shouldRejectNestingTooShallowForAChangeBatch() {
        assertThatThrownBy(() -> ContractLimits.DEFAULTS.withMaxNestingDepth(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxNestingDepth is 3; set it to at least 4");
    }

    @Test
    void shouldReadChangeBatchAtTheSmallestNestingLimit() {
        ContractCodec shallow = new ContractCodec(ContractLimits.DEFAULTS.withMaxNestingDepth(4));
        ChangeBatch batch = Messages.changeBatch();

        assertThat(shallow.readChangeBatch(shallow.write(batch))).isEqualTo(batch);
    }
}
