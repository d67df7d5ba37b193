package io.esteira.quality.run;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.quality.check.CheckDefinition;
import io.esteira.quality.check.CheckKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckRegistryTest {

    private final CheckRegistry registry =
            new CheckRegistry(Map.of("orphans", new FakeCheck("orphans", CheckKind.ORPHANS)), Map.of());

    @Test
    void shouldAcceptCheckTimeoutsShorterThanTheDatabaseSocketTimeout() {
        assertThatCode(() -> registry.requireTimeoutsShorterThan(Duration.ofMinutes(10)))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseACheckWhoseTimeoutTheSocketTimeoutWouldCutShort() {
        assertThatThrownBy(() -> registry.requireTimeoutsShorterThan(CheckDefinition.DEFAULT_TIMEOUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("esteira.quality.checks.orphans.timeout")
                .hasMessageContaining("esteira.timeouts.database-socket");
    }
}
