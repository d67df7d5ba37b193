package io.esteira.faults.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the suite starts with {@link ProcessBuilder}, whose output goes to a log file of its own
 * ({@code target/faults-logs/<name>.log}, appended across restarts). {@link #kill()} is {@code kill -9}
 * ({@link Process#destroyForcibly()}, SIGKILL on Linux); {@link #stop()} asks politely first. Every child
 * is ended by {@link #stop()} in the suite's clean-up, and by a shutdown hook if the test JVM dies first.
 */
public class ChildProcess {

    private final String name;
    private final Path log;
    private final List<String> command;
    private final Map<String, String> environment;
    private Process process;
    private int starts;

    public ChildProcess(String name, Path logDirectory, List<String> command, Map<String, String> environment) {
        this.name = name;
        this.log = logDirectory.resolve(name + ".log");
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        try {
            Files.createDirectories(logDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the log directory " + logDirectory, e);
        }
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    /** Starts the process (it must not be running). */
    public synchronized void launch() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.writeString(
                    log,
                    "\n===== " + name + " start " + (++starts) + " =====\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + " (" + String.join(" ", command) + ")", e);
        }
        ChildProcesses.track(this);
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The exit code once the process has ended, or null while it runs (or never ran). */
    public synchronized Integer exitCode() {
        return process == null || process.isAlive() ? null : process.exitValue();
    }

    /** kill -9: no shutdown hook, no flush, no goodbye. Returns once the process is gone. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, then SIGKILL after 30 s. */
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        waitForExit(Duration.ofSeconds(30));
    }

    /** Waits for the process to end by itself; its exit code. */
    public int awaitExit(Duration timeout) {
        Process current;
        synchronized (this) {
            current = process;
        }
        try {
            if (!current.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not exit within " + timeout + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name + " to exit", e);
        }
        return current.exitValue();
    }

    private void waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") survived a kill for " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name + " to end", e);
        }
    }

    /** The last lines of the log, for failure messages. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size())));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** The whole log since the last start. */
    public String logSinceStart() {
        try {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            int start = text.lastIndexOf("===== " + name + " start ");
            return start < 0 ? text : text.substring(start);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
