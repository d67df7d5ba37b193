package io.esteira.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

class BenchCommandTest {

    private final BenchCommand.AnalyzeEveryConverter analyzeEvery = new BenchCommand.AnalyzeEveryConverter();

    @Test
    void shouldStandInForAutoanalyzeAtTheServersNaptimeUnlessToldOtherwise() {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs();

        // null: Benchmark reads the DW server's autovacuum_naptime when it starts.
        assertThat(command.analyzeEvery).isNull();
        assertThat(analyzeEvery.convert(" NAPTIME ")).isNull();
    }

    @Test
    void shouldTakeAnIntervalInSecondsWithZeroForNever() {
        assertThat(analyzeEvery.convert("10")).isEqualTo(Duration.ofSeconds(10));
        assertThat(analyzeEvery.convert("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldRefuseAnIntervalThatIsNeitherSecondsNorNaptime() {
        assertThatThrownBy(() -> analyzeEvery.convert("-5"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'-5' is not an interval")
                .hasMessageContaining("naptime");
        assertThatThrownBy(() -> analyzeEvery.convert("1min")).isInstanceOf(TypeConversionException.class);
    }
}
