package io.esteira.quality.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.QualityResult.Status;
import org.junit.jupiter.api.Test;

class CountThresholdTest {

    @Test
    void shouldPassAtTheThresholdAndFailAboveIt() {
        CountThreshold threshold = new CountThreshold(0, null);

        assertThat(threshold.judge(0)).isEqualTo(Status.pass);
        assertThat(threshold.judge(1)).isEqualTo(Status.fail);
        assertThat(threshold.describe()).isEqualTo("<= 0");
    }

    @Test
    void shouldWarnBetweenWarnAboveAndThreshold() {
        CountThreshold threshold = new CountThreshold(10, 5.0);

        assertThat(threshold.judge(5)).isEqualTo(Status.pass);
        assertThat(threshold.judge(6)).isEqualTo(Status.warn);
        assertThat(threshold.judge(11)).isEqualTo(Status.fail);
        assertThat(threshold.describe()).isEqualTo("<= 10 (warn above 5)");
    }

    @Test
    void shouldRefuseAWarnLimitAboveTheFailLimit() {
        assertThatThrownBy(() -> new CountThreshold(1, 2.0)).hasMessageContaining("warn-above must be between 0 and");
    }
}
