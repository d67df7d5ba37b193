package io.esteira.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's run command, for a short duration: it runs, drains and prints a reconciled summary. */
class DemoCommandIT {

    @Test
    void shouldRunThePipelineOnEmbeddedDefaultsAndPrintAReconciledSummary() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = EsteiraLocal.commandLine()
                    .execute("demo", "--duration", "15s", "--port", "0", "--broker-port", "0", "--rate", "10");
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        original.println(output);

        assertThat(exit).isZero();
        assertThat(output)
                .contains("Consoles")
                .contains("Esteira summary")
                .contains("RECONCILED (every day and every key equal)");
        String summary = output.substring(output.lastIndexOf("Esteira summary"));
        for (String fact : new String[] {"fact_vendas", "fact_metas", "fact_descontos"}) {
            Matcher count = Pattern.compile(fact + "=(\\d+)").matcher(summary);
            assertThat(count.find()).as("%s in the summary", fact).isTrue();
            assertThat(Long.parseLong(count.group(1))).as("rows in %s", fact).isPositive();
        }
    }
}
