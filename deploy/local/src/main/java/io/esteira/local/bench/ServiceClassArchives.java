package io.esteira.local.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Class data sharing for the service JVMs that {@code bench} starts, as the images have it (ADR 19) but
 * without a build step (ADR 23). Per runnable jar, keyed by its SHA-256, a folder of the cache holds the
 * jar extracted as the image extracts it ({@code app.jar} + {@code lib/}: classes in jars nested in a jar
 * cannot be archived) and a dynamic archive per set of JVM options. When a jar has no archive for those
 * options yet, it is recorded before the service starts, by the image's training run ({@code
 * cds-training.options}: the context refreshed, then the JVM halts and {@code -XX:ArchiveClassesAtExit}
 * writes what it loaded; no database or broker needed), so that no measured run is a recording one; every
 * start maps it ({@code -XX:SharedArchiveFile}) after a check that the JVM accepts it. An archive the JVM
 * refuses (corrupt, another JDK, another class path) is deleted and recorded again; a training run that
 * fails leaves the service to start without an archive; a jar that cannot be extracted starts as it is.
 * None of these stops a service; each is said in the start's status.
 */
final class ServiceClassArchives {

    /** The options a service's own command line may hold that mean "class data sharing is chosen here". */
    private static final List<String> OWN_CHOICE =
            List.of("-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit", "-Xshare:");

    /** Options that do not decide whether an archive maps, left out of its key and of the check. */
    private static final List<String> NOT_FOR_THE_ARCHIVE = List.of(
            "-XX:StartFlightRecording",
            "-XX:FlightRecorderOptions",
            "-Xlog",
            "-javaagent",
            "-agentlib",
            "-agentpath",
            "-D",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:+HeapDumpOnOutOfMemoryError",
            "-XX:HeapDumpPath");

    /** What the JVM says of every archive it refuses; the line after them says why. */
    private static final List<String> GENERIC_JVM_ERRORS = List.of(
            "Error occurred during initialization of VM",
            "Unable to use shared archive.",
            "An error has occurred while processing the shared archive file.");

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EXTRACT_TIMEOUT = Duration.ofMinutes(3);
    /** 64-89 s measured at load average 10 on 2 cores (docs/performance.md, "Start-up"). */
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(10);

    /** Turns a runnable jar into {@code app.jar} + {@code lib/} in a folder that does not exist yet. */
    @FunctionalInterface
    interface JarExtractor {
        void extract(Path runnableJar, Path destination) throws IOException;
    }

    private final Path directory;
    private final String java;
    private final JarExtractor extractor;
    private final List<String> trainingOptions;

    /**
     * @param trainingOptions what makes a start a training run, after the service's JVM options and before
     *     {@code -XX:ArchiveClassesAtExit} (the shipped {@code cds-training.options})
     */
    ServiceClassArchives(Path directory, String java, JarExtractor extractor, List<String> trainingOptions) {
        this.directory = directory == null ? null : directory.toAbsolutePath().normalize();
        this.java = java;
        this.extractor = extractor;
        this.trainingOptions = trainingOptions == null ? List.of() : List.copyOf(trainingOptions);
    }

    /**
     * The cache in {@code directory}, extracting with Spring Boot's jar mode of each jar itself and
     * training with the images' {@code cds-training.options}.
     */
    static ServiceClassArchives in(Path directory, String java) {
        return new ServiceClassArchives(
                directory,
                java,
                (jar, destination) -> run(
                        List.of(
                                java,
                                "-Djarmode=tools",
                                "-jar",
                                jar.toString(),
                                "extract",
                                "--application-filename",
                                "app.jar",
                                "--destination",
                                destination.toString()),
                        EXTRACT_TIMEOUT,
                        "extract " + jar,
                        null),
                ServiceJvmOptions.training());
    }

    /** No cache: every service starts from its runnable jar ({@code --no-class-archives}). */
    static ServiceClassArchives off() {
        return new ServiceClassArchives(null, null, null, null);
    }

    /**
     * How one service JVM is started.
     *
     * @param arguments the JVM's options, then {@code -jar} and the jar to run
     * @param archive the archive it maps (empty: none of its own)
     * @param summary a few words for the start's status
     */
    record Launch(List<String> arguments, Optional<Path> archive, String summary) {

        Launch {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * The command line of a service JVM: with the archive of this jar and these options, recorded first by
     * a training run when there is no usable one; the runnable jar as it is when class data sharing cannot
     * be had. Call it for every service before any starts: a training run takes a JVM's start-up and more.
     *
     * @param status where the choice is said: one line per training run, one per failure
     */
    Launch prepare(String service, Path runnableJar, List<String> jvmOptions, Consumer<String> status) {
        if (directory == null) {
            return plain(jvmOptions, runnableJar, "class data sharing off");
        }
        if (jvmOptions.stream().anyMatch(option -> OWN_CHOICE.stream().anyMatch(option::startsWith))) {
            return plain(jvmOptions, runnableJar, "class data sharing as --service-jvm-options say");
        }
        Path extracted;
        try {
            extracted = extracted(service, runnableJar);
        } catch (IOException | RuntimeException e) {
            status.accept(service + ": class data sharing off for this start: cannot extract " + runnableJar
                    + " into " + directory + " (" + e.getMessage() + "); it starts from the runnable jar, slower."
                    + " Check the folder's free space and permissions, or pass --no-class-archives.");
            return plain(jvmOptions, runnableJar, "no class data archive");
        }
        Path app = extracted.resolve("app.jar");
        List<String> archiveOptions = archiveOptions(jvmOptions);
        String key = key(archiveOptions);
        Path archive = extracted.resolve("app-" + key + ".jsa");
        if (Files.isRegularFile(archive)) {
            Optional<String> refusal = refusal(archive, app, archiveOptions);
            if (refusal.isEmpty()) {
                return mapping(jvmOptions, archive, app, "class data archive " + archive);
            }
            status.accept(service + ": the class data archive " + archive + " cannot be used (" + refusal.get()
                    + "); deleted: recording a new one (training run) before the service starts …");
            deleteQuietly(archive);
        } else {
            status.accept("recording the class data archive of " + service
                    + " (training run, once per build and set of JVM options) …");
        }
        Path log = extracted.resolve("training-" + key + ".log");
        long started = System.nanoTime();
        Optional<String> failure = train(app, archiveOptions, archive, log);
        String took = String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9);
        if (failure.isPresent()) {
            status.accept(service + ": class data sharing off for this start: the training run that records its"
                    + " archive failed after " + took + " (" + failure.get() + "; its output is in " + log
                    + "); the service starts without an archive, slower, and the next bench tries again."
                    + " Pass --no-class-archives to start from the runnable jar.");
            return plain(jvmOptions, app, "no class data archive (its training run failed)");
        }
        return mapping(
                jvmOptions, archive, app, "class data archive " + archive + ", recorded by a training run in " + took);
    }

    /**
     * The image's training run (Dockerfile), with this jar and these options: the archive is written to a
     * part file as the JVM halts, checked as every start checks it, then renamed into place. Empty when it
     * is there; else why not.
     */
    private Optional<String> train(Path app, List<String> archiveOptions, Path archive, Path log) {
        Path recording = archive.resolveSibling(
                archive.getFileName().toString().replace(".jsa", "-" + UUID.randomUUID() + ".jsa.part"));
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(archiveOptions);
        command.addAll(trainingOptions);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + recording, "-jar", app.toString()));
        try {
            run(command, TRAINING_TIMEOUT, "the training run", log);
            if (!Files.isRegularFile(recording)) {
                return Optional.of("the JVM exited without writing " + recording);
            }
            Optional<String> refusal = refusal(recording, app, archiveOptions);
            if (refusal.isPresent()) {
                return Optional.of("the JVM refuses the archive it wrote: " + refusal.get());
            }
            moveAtomically(recording, archive);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(e.getMessage());
        } finally {
            deleteQuietly(recording);
        }
    }

    private static Launch mapping(List<String> jvmOptions, Path archive, Path app, String summary) {
        List<String> arguments = new ArrayList<>(jvmOptions);
        arguments.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-jar", app.toString()));
        return new Launch(arguments, Optional.of(archive), summary);
    }

    /** The options that decide whether an archive maps, in order. */
    static List<String> archiveOptions(List<String> jvmOptions) {
        return jvmOptions.stream()
                .filter(option -> NOT_FOR_THE_ARCHIVE.stream().noneMatch(option::startsWith))
                .toList();
    }

    /** The JVM's own verdict: an empty result when {@code -Xshare:on} maps the archive with this class path. */
    Optional<String> refusal(Path archive, Path app, List<String> archiveOptions) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(archiveOptions);
        command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-cp", app.toString(), "-version"));
        try {
            run(command, CHECK_TIMEOUT, "check " + archive, null);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(e.getMessage());
        }
    }

    private Path extracted(String service, Path runnableJar) throws IOException {
        Files.createDirectories(directory);
        Path extracted = directory.resolve(service + "-" + sha256(runnableJar).substring(0, 16));
        if (Files.isRegularFile(extracted.resolve("app.jar"))) {
            return extracted;
        }
        Path partial = directory.resolve(extracted.getFileName() + ".part-" + UUID.randomUUID());
        try {
            extractor.extract(runnableJar, partial);
            if (!Files.isRegularFile(partial.resolve("app.jar"))) {
                throw new IOException("the extraction left no app.jar");
            }
            moveAtomically(partial, extracted);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Another bench extracted the same jar meanwhile: same content, theirs is kept.
        } finally {
            deleteRecursively(partial);
        }
        forgetOlderJars(service, extracted);
        return extracted;
    }

    /** Only the newest jar of a service keeps its folder: each holds an extracted jar and its archives. */
    private void forgetOlderJars(String service, Path kept) throws IOException {
        try (Stream<Path> folders = Files.list(directory)) {
            folders.filter(folder -> !folder.equals(kept))
                    .filter(folder -> folder.getFileName().toString().matches(Pattern.quote(service) + "-[0-9a-f]{16}"))
                    .forEach(ServiceClassArchives::deleteRecursively);
        }
    }

    private static Launch plain(List<String> jvmOptions, Path runnableJar, String summary) {
        List<String> arguments = new ArrayList<>(jvmOptions);
        arguments.add("-jar");
        arguments.add(runnableJar.toString());
        return new Launch(arguments, Optional.empty(), summary);
    }

    /** The archive's name part: the options that decide whether it maps, and the JVM that wrote it. */
    private static String key(List<String> archiveOptions) {
        String text = String.join("\n", archiveOptions) + "\n" + System.getProperty("java.vm.version");
        return HexFormat.of()
                .formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 12);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }

    /**
     * Runs a JVM; an exit code other than 0 becomes an exception with its output, or with its exit code
     * when the output is kept in {@code log} (a training run's: a whole Spring start).
     */
    private static void run(List<String> command, Duration timeout, String what, Path log) throws IOException {
        Path output = log != null ? log : Files.createTempFile("esteira-cds-", ".out");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(what + " took more than " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0 && log != null) {
                throw new IOException(what + " exited with code " + process.exitValue());
            }
            if (process.exitValue() != 0) {
                String reason = Files.readString(output, StandardCharsets.UTF_8);
                for (String generic : GENERIC_JVM_ERRORS) {
                    reason = reason.replace(generic, " ");
                }
                reason = reason.strip().replaceAll("\\s*\\n\\s*", "; ").replaceAll(" +", " ");
                throw new IOException(reason.isEmpty() ? "exit code " + process.exitValue() : reason);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during " + what, e);
        } finally {
            if (log == null) {
                deleteQuietly(output);
            }
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left behind, it is refused or replaced at the next start.
        }
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A folder left in the cache is deleted with the next jar of its service.
        }
    }
}
