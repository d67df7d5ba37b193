package io.esteira.quality.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.ContractCodec;
import io.esteira.contracts.QualityResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every kind of check the service runs is one the published {@code esteira.quality-result/1} contract allows:
 * a result it serves ({@code POST /api/checks/{id}/run}) reads back through the contract's JSON Schema.
 */
class CheckKindContractTest {

    private final ContractCodec codec = ContractCodec.standard();

    @ParameterizedTest
    @EnumSource(CheckKind.class)
    void shouldServeResultsOfEveryCheckKindThatTheContractAccepts(CheckKind kind) {
        QualityResult result = new QualityResult(
                null,
                "a-" + kind.id() + "-check",
                kind.id(),
                QualityResult.Status.pass,
                0.0,
                "0",
                null,
                "nothing found",
                Instant.parse("2026-12-07T03:00:00Z"),
                12);

        assertThat(codec.readQualityResult(codec.write(result))).isEqualTo(result);
    }

    @Test
    void shouldStillRefuseAKindNoCheckHas() {
        byte[] json = codec.write(new QualityResult(
                null,
                "made-up",
                "made-up-kind",
                QualityResult.Status.pass,
                null,
                null,
                null,
                "",
                Instant.parse("2026-12-07T03:00:00Z"),
                0));

        assertThatThrownBy(() -> codec.readQualityResult(json)).hasMessageContaining("kind");
    }
}
