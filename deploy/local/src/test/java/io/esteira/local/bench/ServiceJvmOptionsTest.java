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

    /** The bench's training run is the images': the same file, which the Dockerfile's training run passes. */
    @Test
    void shouldTrainTheClassDataArchiveWithTheOptionsTheImagesTrainWith() throws IOException {
        Path shipped = Path.of("../../cds-training.options");

        assertThat(ServiceJvmOptions.training())
                .isEqualTo(ServiceJvmOptions.parse(Files.readString(shipped)))
                .contains("-Dspring.context.exit=onRefresh", "-Dspring.flyway.enabled=false");
        assertThat(Files.readString(Path.of("../../Dockerfile")))
                .contains("java @/tmp/jvm.options @/tmp/cds-training.options -XX:ArchiveClassesAtExit=/app/app.jsa");
    }
}
