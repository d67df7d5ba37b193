package io.esteira.local.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium and ChromeDriver for the browser tests, installed once per test JVM by
 * {@code src/test/browser/install-chromium.sh} when they are missing and this machine can (root, apt-get). Where
 * they cannot be had: with {@code CI=true} a failure that says why, otherwise a skip with the reason.
 *
 * <p>{@code -Desteira.browser.chromium=…} and {@code -Desteira.browser.chromedriver=…} point at another Chromium
 * and a ChromeDriver of the same version (macOS, say); then nothing is installed.
 */
public final class Chromium {

    static final String CHROMIUM = System.getProperty("esteira.browser.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("esteira.browser.chromedriver", "/usr/bin/chromedriver");
    private static final Path INSTALL_SCRIPT = Path.of("src/test/browser/install-chromium.sh");

    private static Chromium found;

    private final String unavailable;

    private Chromium(String unavailable) {
        this.unavailable = unavailable;
    }

    /** Chromium and ChromeDriver, installed first if missing; looked for (and installed) once per JVM. */
    public static synchronized Chromium find() {
        if (found == null) {
            found = new Chromium(installIfMissing());
        }
        return found;
    }

    /** Null when both are there; otherwise why the browser tests cannot run here. */
    public String unavailable() {
        return unavailable;
    }

    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static String installIfMissing() {
        if (executable(CHROMIUM) && executable(CHROMEDRIVER)) {
            return null;
        }
        if (System.getProperty("esteira.browser.chromium") != null
                || System.getProperty("esteira.browser.chromedriver") != null) {
            return CHROMIUM + " and " + CHROMEDRIVER + " (-Desteira.browser.chromium/chromedriver) are not both"
                    + " executable; nothing is installed for a Chromium of your own";
        }
        if (!Files.isRegularFile(INSTALL_SCRIPT)) {
            return CHROMIUM + " or " + CHROMEDRIVER + " is missing, and " + INSTALL_SCRIPT.toAbsolutePath()
                    + " is not there to install them (run the tests from deploy/local, as Maven does)";
        }
        System.out.println("[browser tests] " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: running "
                + INSTALL_SCRIPT + " …");
        try {
            Path log = Files.createTempFile("install-chromium", ".log");
            Process install = new ProcessBuilder("bash", INSTALL_SCRIPT.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean done = install.waitFor(15, TimeUnit.MINUTES);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            if (!done) {
                install.destroyForcibly();
                return INSTALL_SCRIPT + " did not finish within 15 minutes:\n" + tail(output);
            }
            System.out.println(
                    "[browser tests] " + INSTALL_SCRIPT + " exited " + install.exitValue() + ":\n" + tail(output));
            if (install.exitValue() != 0 || !executable(CHROMIUM) || !executable(CHROMEDRIVER)) {
                return "Chromium could not be installed (" + INSTALL_SCRIPT + " exited " + install.exitValue() + "): "
                        + tail(output).strip();
            }
            return null;
        } catch (IOException e) {
            return "could not run " + INSTALL_SCRIPT + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while installing Chromium";
        }
    }

    private static boolean executable(String path) {
        return Files.isExecutable(Path.of(path));
    }

    /** The last lines of an install's output: apt-get's progress before them says little. */
    private static String tail(String output) {
        var lines = output.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
    }
}
