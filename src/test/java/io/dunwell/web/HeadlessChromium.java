package io.dunwell.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/** The machine's Chromium and chromedriver (Debian's), headless, for the browser tests; Selenium Manager fetches nothing. */
final class HeadlessChromium {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * How long a test waits for the browser: Camunda's webapps load a few MB of script, which on a
     * busy 2-core machine took over 30 s. A wait ends as soon as its condition holds, so only a
     * broken page pays this in full.
     */
    static final Duration PATIENCE = Duration.ofSeconds(90);

    private HeadlessChromium() {
    }

    /** Options for a browser with a profile of the test's own, plus the test's {@code arguments} (window size, language). */
    static ChromeOptions options(Path profile, String... arguments) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.addArguments(arguments);
        // the console log, to fail a test on a request the page could not load or a script the CSP refused
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return options;
    }

    /**
     * The errors the browser logged since the last call: a resource answered 4xx or 5xx, a script
     * failed or the Content-Security-Policy refused something. A page a person clicks through shows none.
     */
    static List<String> pageErrors(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    static ChromeDriver open(ChromeOptions options) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        return new ChromeDriver(driver, options);
    }

    /** Saves what the browser shows as target/screenshots/{name}.png, for a person to look at. */
    static void screenshot(WebDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
