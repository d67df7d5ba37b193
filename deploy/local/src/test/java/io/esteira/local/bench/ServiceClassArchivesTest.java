package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class data archives of the bench's service JVMs, with a real JVM (JDK 17: no
 * -XX:+AutoCreateSharedArchive) and a one-class application standing in for a service's extracted jar.
 */
class ServiceClassArchivesTest {

    private static final List<String> OPTIONS = List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    @TempDir
    static Path shared;

    private static Path app;

    @TempDir
    Path cache;

    private final List<String> said = new ArrayList<>();

    @BeforeAll
    static void compileTheApplication() throws IOException {
        Path source = Files.writeString(
                shared.resolve("Hello.java"),
                "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }");
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, source.toString()))
                .isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Hello");
        app = shared.resolve("app.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(app), manifest)) {
            jar.putNextEntry(new JarEntry("Hello.class"));
            jar.write(Files.readAllBytes(shared.resolve("Hello.class")));
            jar.closeEntry();
        }
    }

    @Test
    void shouldRecordTheArchiveAtTheFirstStartAndMapItFromTheNext() throws Exception {
        Path runnable = runnableJar("v1");
        ServiceClassArchives archives = archives();

        ServiceClassArchives.Launch first = archives.prepare("loader-service", runnable, OPTIONS, said::add);
        run(first);
        first.keep();
        ServiceClassArchives.Launch second = archives.prepare("loader-service", runnable, OPTIONS, said::add);

        Path extracted = cache.resolve(
                "loader-service-" + ServiceClassArchives.sha256(runnable).substring(0, 16));
        assertThat(first.arguments())
                .startsWith(OPTIONS.toArray(String[]::new))
                .endsWith(
                        "-XX:ArchiveClassesAtExit=" + first.recording().orElseThrow(),
                        "-jar",
                        extracted.resolve("app.jar").toString());
        assertThat(first.archive())
                .hasValueSatisfying(archive -> assertThat(archive).isRegularFile());
        assertThat(second.arguments())
                .endsWith(
                        "-XX:SharedArchiveFile=" + first.archive().orElseThrow(),
                        "-jar",
                        extracted.resolve("app.jar").toString());
        assertThat(second.recording()).isEmpty();
        assertThat(run(second, "-Xshare:on")).isZero();
        assertThat(said).isEmpty();
    }

    @Test
    void shouldDeleteAnArchiveTheJvmRefusesAndRecordANewOneSayingSoOnce() throws Exception {
        Path runnable = runnableJar("v1");
        ServiceClassArchives archives = archives();
        Path archive = archives.prepare("quality-service", runnable, OPTIONS, said::add)
                .archive()
                .orElseThrow();
        Files.write(archive, "not an archive".getBytes(StandardCharsets.UTF_8));

        ServiceClassArchives.Launch launch = archives.prepare("quality-service", runnable, OPTIONS, said::add);

        assertThat(said)
                .singleElement()
                .asString()
                .contains("quality-service", archive.toString(), "cannot be used (Unable to read the file header.)");
        assertThat(archive).doesNotExist();
        assertThat(launch.arguments())
                .contains("-XX:ArchiveClassesAtExit=" + launch.recording().orElseThrow());
        assertThat(run(launch)).isZero();
    }

    @Test
    void shouldStartFromTheRunnableJarWhenItCannotBeExtracted() throws IOException {
        Path runnable = runnableJar("v1");
        ServiceClassArchives archives =
                new ServiceClassArchives(cache, ServiceProcesses.javaExecutable(), (jar, destination) -> {
                    throw new IOException("no space left on device");
                });

        ServiceClassArchives.Launch launch = archives.prepare("alerting-service", runnable, OPTIONS, said::add);

        assertThat(launch.arguments())
                .containsExactly("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", runnable.toString());
        assertThat(launch.recording()).isEmpty();
        assertThat(said)
                .singleElement()
                .asString()
                .contains("alerting-service", "cannot extract", "no space left on device", "--no-class-archives");
    }

    @Test
    void shouldLeaveClassDataSharingToServiceOptionsThatChooseIt() throws IOException {
        ServiceClassArchives archives = new ServiceClassArchives(
                cache, ServiceProcesses.javaExecutable(), (jar, destination) -> fail("extracted"));
        Path runnable = runnableJar("v1");

        ServiceClassArchives.Launch launch =
                archives.prepare("extractor-service", runnable, List.of("-Xshare:off"), said::add);

        assertThat(launch.arguments()).containsExactly("-Xshare:off", "-jar", runnable.toString());
    }

    @Test
    void shouldShareOneArchiveBetweenOptionsThatDoNotDecideWhetherItMaps() throws IOException {
        Path runnable = runnableJar("v1");
        ServiceClassArchives archives = archives();
        List<String> recorded = new ArrayList<>(OPTIONS);
        recorded.addAll(List.of("-XX:StartFlightRecording=filename=x.jfr", "-Xlog:gc", "-Dtrace=on"));
        List<String> otherHeap = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

        assertThat(archives.prepare("loader-service", runnable, recorded, said::add)
                        .archive())
                .isEqualTo(archives.prepare("loader-service", runnable, OPTIONS, said::add)
                        .archive())
                .isNotEqualTo(archives.prepare("loader-service", runnable, otherHeap, said::add)
                        .archive());
    }

    @Test
    void shouldForgetTheFolderOfAServicesOlderJar() throws IOException {
        ServiceClassArchives archives = archives();
        Path older = archives.prepare("loader-service", runnableJar("v1"), OPTIONS, said::add)
                .archive()
                .orElseThrow()
                .getParent();
        Path quality = archives.prepare("quality-service", runnableJar("v1"), OPTIONS, said::add)
                .archive()
                .orElseThrow()
                .getParent();

        Path newer = archives.prepare("loader-service", runnableJar("v2"), OPTIONS, said::add)
                .archive()
                .orElseThrow()
                .getParent();

        assertThat(newer).isNotEqualTo(older).isDirectory();
        assertThat(older).doesNotExist();
        assertThat(quality).isDirectory();
    }

    /** Extracts as Spring Boot's jar mode lays it out: the application jar, at the folder's top. */
    private ServiceClassArchives archives() {
        return new ServiceClassArchives(cache, ServiceProcesses.javaExecutable(), (jar, destination) -> {
            Files.createDirectories(destination);
            Files.copy(app, destination.resolve("app.jar"));
        });
    }

    /** A file whose checksum stands for a build of a service's runnable jar. */
    private Path runnableJar(String build) throws IOException {
        Path jar = shared.resolve("service-" + build + "-exec.jar");
        try (OutputStream out = Files.newOutputStream(jar)) {
            out.write(build.getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static int run(ServiceClassArchives.Launch launch, String... moreOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ServiceProcesses.javaExecutable());
        command.addAll(List.of(moreOptions));
        command.addAll(launch.arguments());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("hello");
        return process.exitValue();
    }
}
