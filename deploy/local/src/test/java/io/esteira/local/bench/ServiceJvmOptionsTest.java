package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServiceJvmOptionsTest {

    @Test
    void shouldReadTheOptionsOfAnArgumentFileWithoutItsComments() {
        assertThat(ServiceJvmOptions.parse("# heap\n-Xmx96m\n\n  -XX:+UseSerialGC  -Xss512k\n# end\n"))
                .containsExactly("-Xmx96m", "-XX:+UseSerialGC", "-Xss512k");
    }

    /** The bench measures what the images run: the same file, copied into this jar by the build. */
    @Test
    void shouldStartTheServicesWithTheOptionsTheImagesShip() throws IOException {
        Path shipped = Path.of("../../jvm.options");

        assertThat(ServiceJvmOptions.shipped())
                .isEqualTo(ServiceJvmOptions.parse(Files.readString(shipped)))
                .contains("-XX:+ExitOnOutOfMemoryError")
                .anyMatch(option -> option.startsWith("-Xmx"));
        assertThat(Files.readString(Path.of("../../Dockerfile")))
                .contains("COPY --chown=10001:10001 jvm.options jvm.options")
                .contains(
                        "ENTRYPOINT [\"java\", \"@/app/jvm.options\", \"-XX:SharedArchiveFile=/app/app.jsa\", \"-jar\", \"/app/app.jar\"]");
    }
}
