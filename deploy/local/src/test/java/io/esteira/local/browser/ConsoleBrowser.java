package io.esteira.local.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.UsernameAndPassword;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by Selenium, logged in to the consoles with one operator login: every HTTP basic
 * challenge (the management port's, for Hawtio, Jolokia and the actuator) is answered with it over the
 * DevTools protocol.
 *
 * <p>Each {@link #screenshot(String)} goes to {@code target/browser-screenshots/}; with
 * {@code -Desteira.screenshots.update=true} also to {@code docs/img/consoles/}, the pictures that
 * docs/operations.md shows (the normal run never rewrites them).
 */
public final class ConsoleBrowser implements AutoCloseable {

    /** Where {@code -Desteira.screenshots.update=true} writes, from deploy/local (Maven's working directory). */
    static final Path DOCS = Path.of("../../docs/img/consoles");

    private static final Path TARGET = Path.of("target/browser-screenshots");

    private final Path profile;
    private final ChromeDriver driver;

    private ConsoleBrowser(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** Starts Chromium (see {@link Chromium}) with a fresh profile; {@link #logIn} before opening a console. */
    public static ConsoleBrowser start() throws IOException {
        Path profile = Files.createTempDirectory("esteira-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.CHROMIUM);
        // The flags this machine's closed network needs (no background connections, no component updates).
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(Chromium.CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new ConsoleBrowser(profile, driver);
        } catch (RuntimeException e) {
            driver.quit();
            throw e;
        }
    }

    /** From now on, every HTTP basic challenge is answered with this login. */
    public void logIn(String username, String password) {
        // Over the DevTools protocol (Fetch.authRequired), as a person types it into the browser's prompt.
        driver.register(UsernameAndPassword.of(username, password));
    }

    public void open(String url) {
        driver.get(url);
    }

    /**
     * Waits up to {@code atMost} for {@code condition} to be true or non-null, and returns what it gave. An
     * element the page replaced while the condition read it (Hawtio re-renders an operation's section as its
     * result arrives) is a reason to look again, not a failure.
     */
    public <T> T await(String what, Duration atMost, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, atMost, Duration.ofMillis(250))
                .withMessage(() -> what + " (page " + driver.getCurrentUrl() + ")")
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** The first element that {@code by} finds once it is displayed, waiting up to 30 s. */
    public WebElement visible(By by) {
        return await("an element " + by + " displayed", Duration.ofSeconds(30), d -> d.findElements(by).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElse(null));
    }

    public void click(By by) {
        visible(by).click();
    }

    public String text(By by) {
        return visible(by).getText();
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Closes the notifications Hawtio shows in a corner (they would hide part of a screenshot). */
    public void dismissNotifications() {
        for (WebElement close :
                driver.findElements(By.cssSelector(".pf-v6-c-alert-group button[aria-label^='Close']"))) {
            try {
                close.click();
            } catch (WebDriverException gone) {
                // It went away by itself.
            }
        }
    }

    /** Saves what the window shows as {@code name}.png (see the class comment for where). */
    public Path screenshot(String name) {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        try {
            Files.createDirectories(TARGET);
            Path file = Files.write(TARGET.resolve(name + ".png"), png);
            if (Boolean.getBoolean("esteira.screenshots.update")) {
                Files.createDirectories(DOCS);
                Files.write(DOCS.resolve(name + ".png"), png);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the screenshot " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
