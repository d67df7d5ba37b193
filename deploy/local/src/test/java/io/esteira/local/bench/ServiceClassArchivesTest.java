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
 * -XX:+AutoCreateSharedArchive), the shipped training options (cds-training.options) and a one-class
 * application standing in for a service's extracted jar; it prints the training switch it was given.
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
                "public class Hello { public static void main(String[] a) {"
                        + " System.out.println(\"hello, context exit \" + System.getProperty(\"spring.context.exit\")); } }");
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
    void shouldRecordTheArchiveInATrainingRunBeforeTheFirstStartWhichMapsIt() throws Exception {
        Path runnable = runnableJar("v1");
        ServiceClassArchives archives = archives();

        ServiceClassArchives.Launch first = archives.prepare("loader-service", runnable, OPTIONS, said::add);

        Path extracted = cache.resolve(
                "loader-service-" + ServiceClassArchives.sha256(runnable).substring(0, 16));
        Path archive = first.archive().orElseThrow();
        assertThat(archive).isRegularFile().hasParent(extracted);
        assertThat(said)
                .singleElement()
                .asString()
                .contains("recording the class data archive of loader-service (training run");
        assertThat(Files.readString(extracted.resolve(archive.getFileName()
                        .toString()
                        .replace("app-", "training-")
                        .replace(".jsa", ".log"))))
                .as("the training run's output: the shipped training options reached it")
                .contains("hello, context exit onRefresh");
        assertThat(first.arguments())
                .startsWith(OPTIONS.toArray(String[]::new))
                .endsWith(
                        "-XX:SharedArchiveFile=" + archive,
                        "-jar",
                        extracted.resolve("app.jar").toString())
                .noneMatch(argument -> argument.startsWith("-XX:ArchiveClassesAtExit"))
                .noneMatch(argument -> argument.startsWith("-Dspring.context.exit"));
        assertThat(first.summary()).contains("recorded by a training run in");
        try (var files = Files.list(extracted)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
        assertThat(run(first, "-Xshare:on", "-Xlog:class+load=info"))
                .as("the first start maps the application's class from the recorded archive")
                .contains("Hello source: shared objects file (top)")
                .contains("hello, context exit null");

        ServiceClassArchives.Launch second = archives.prepare("loader-service", runnable, OPTIONS, said::add);

        assertThat(second.arguments()).isEqualTo(first.arguments());
        assertThat(said).as("no second training run").hasSize(1);
    }

    @Test
    void shouldStartWithoutAnArchiveWhenItsTrainingRunFailsSayingWhere() throws Exception {
        Path runnable = runnableJar("v1");
        ServiceClassArchives archives = new ServiceClassArchives(
                cache, ServiceProcesses.javaExecutable(), copyingTheApplication(), List.of("-XX:+NoSuchOption"));

        ServiceClassArchives.Launch launch = archives.prepare("alerting-service", runnable, OPTIONS, said::add);

        Path app = cache.resolve("alerting-service-"
                        + ServiceClassArchives.sha256(runnable).substring(0, 16))
                .resolve("app.jar");
        assertThat(launch.archive()).isEmpty();
        assertThat(launch.arguments())
                .containsExactly("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", app.toString());
        assertThat(said)
                .hasSize(2)
                .last()
                .asString()
                .contains(
                        "alerting-service",
                        "training run that records its archive failed",
                        "exited with code 1",
                        app.resolveSibling("training-").toString(),
                        "starts without an archive");
        assertThat(run(launch)).contains("hello");
    }

    @Test
    void shouldDeleteAnArchiveTheJvmRefusesAndRecordANewOneSayingSoOnce() throws Exception {
        Path runnable = runnableJar("v1");
        ServiceClassArchives archives = archives();
        Path archive = archives.prepare("quality-service", runnable, OPTIONS, s -> {})
                .archive()
                .orElseThrow();
        Files.write(archive, "not an archive".getBytes(StandardCharsets.UTF_8));

        ServiceClassArchives.Launch launch = archives.prepare("quality-service", runnable, OPTIONS, said::add);

        assertThat(said)
                .singleElement()
                .asString()
                .contains(
                        "quality-service",
                        archive.toString(),
                        "cannot be used (Unable to read the file header.)",
                        "recording a new one (training run)");
        assertThat(Files.size(archive)).as("a recorded archive").isGreaterThan(4096);
        assertThat(launch.arguments()).contains("-XX:SharedArchiveFile=" + archive);
        assertThat(run(launch, "-Xshare:on", "-Xlog:class+load=info"))
                .contains("Hello source: shared objects file (top)");
    }

    @Test
    void shouldStartFromTheRunnableJarWhenItCannotBeExtracted() throws IOException {
        Path runnable = runnableJar("v1");
        ServiceClassArchives archives = new ServiceClassArchives(
                cache,
                ServiceProcesses.javaExecutable(),
                (jar, destination) -> {
                    throw new IOException("no space left on device");
                },
                ServiceJvmOptions.training());

        ServiceClassArchives.Launch launch = archives.prepare("alerting-service", runnable, OPTIONS, said::add);

        assertThat(launch.arguments())
                .containsExactly("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", runnable.toString());
        assertThat(launch.archive()).isEmpty();
        assertThat(said)
                .singleElement()
                .asString()
                .contains("alerting-service", "cannot extract", "no space left on device", "--no-class-archives");
    }

    @Test
    void shouldLeaveClassDataSharingToServiceOptionsThatChooseIt() throws IOException {
        ServiceClassArchives archives = new ServiceClassArchives(
                cache,
                ServiceProcesses.javaExecutable(),
                (jar, destination) -> fail("extracted"),
                ServiceJvmOptions.training());
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

    /** Trains with the shipped options, as the bench does. */
    private ServiceClassArchives archives() {
        return new ServiceClassArchives(
                cache, ServiceProcesses.javaExecutable(), copyingTheApplication(), ServiceJvmOptions.training());
    }

    /** Extracts as Spring Boot's jar mode lays it out: the application jar, at the folder's top. */
    private static ServiceClassArchives.JarExtractor copyingTheApplication() {
        return (jar, destination) -> {
            Files.createDirectories(destination);
            Files.copy(app, destination.resolve("app.jar"));
        };
    }

    /** A file whose checksum stands for a build of a service's runnable jar. */
    private Path runnableJar(String build) throws IOException {
        Path jar = shared.resolve("service-" + build + "-exec.jar");
        try (OutputStream out = Files.newOutputStream(jar)) {
            out.write(build.getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    /** Starts the launch's command line as the bench does, with more options first; its output. */
    private static String run(ServiceClassArchives.Launch launch, String... moreOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ServiceProcesses.javaExecutable());
        command.addAll(List.of(moreOptions));
        command.addAll(launch.arguments());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
