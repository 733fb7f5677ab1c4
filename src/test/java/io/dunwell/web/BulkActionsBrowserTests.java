package io.dunwell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.Receivables;
import io.dunwell.system.SharedClock;
import io.dunwell.system.security.Roles;
import io.dunwell.system.security.TestUsers;

/**
 * A supervisor on the accounts page ticks accounts, previews a fee, confirms it, then writes the
 * balances off — in headless Chromium. Screenshots land in target/screenshots.
 */
@DunwellIntegrationTest
class BulkActionsBrowserTests {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String SUPERVISOR = "bulkbrowsersupervisor";

    @LocalServerPort
    int port;
    @TempDir
    Path profile;
    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    Accounts accounts;
    @Autowired
    Receivables receivables;
    @Autowired
    SharedClock clock;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        TestUsers.ensure(identity, SUPERVISOR, Roles.SUPERVISORS_GROUP);
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aSupervisorPreviewsAndConfirmsAFeeThenWritesTheBalancesOff() throws Exception {
        String name = "Bulk " + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = List.of(account(name + " Alpha", "100.00"), account(name + " Beta", "250.00"),
                account(name + " Gamma", "40.00"));
        signIn();

        selectAllAndChoose(name, "fees");
        new Select(browser.findElement(By.id("p-basis"))).selectByValue("percentOfBalance");
        browser.findElement(By.id("p-percent")).sendKeys("2.5");
        screenshot("bulk-01-selection");
        browser.findElement(By.id("bulk-preview-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bulk-preview")));
        assertThat(browser.findElement(By.id("bulk-preview")).getText()).contains("2.50", "6.25", "1.00");
        assertThat(balance(ids.get(1))).isEqualByComparingTo("250.00");
        screenshot("bulk-02-fee-preview");

        browser.findElement(By.cssSelector("#bulk-confirm button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bulk-result")));
        assertThat(browser.findElements(By.cssSelector("#bulk-result .bulk-DONE"))).hasSize(3);
        assertThat(balance(ids.get(1))).isEqualByComparingTo("256.25");
        screenshot("bulk-03-fee-results");

        selectAllAndChoose(name, "writeOff");
        browser.findElement(By.id("p-reason")).sendKeys("uncollectible");
        browser.findElement(By.id("bulk-preview-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bulk-preview")));
        browser.findElement(By.cssSelector("#bulk-confirm button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bulk-result")));
        assertThat(browser.findElement(By.id("bulk-result")).getText()).contains("256.25");
        screenshot("bulk-04-write-off-results");
        for (String id : ids) {
            assertThat(balance(id)).isZero();
        }
    }

    private void selectAllAndChoose(String search, String action) {
        browser.get(url("/accounts?minDays=0&q=" + search.replace(" ", "+")));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("select-all"))).click();
        new Select(browser.findElement(By.id("bulk-action"))).selectByValue(action);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("bulk-preview-button")));
    }

    private String account(String name, String amount) throws Exception {
        String id = "ACC-" + UUID.randomUUID();
        mvc.perform(MockMvcRequestBuilders.put("/api/v1/accounts/" + id).with(httpBasic("admin", "admin-secret"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "%s", "email": "ap@customer.example", "locale": "en-US", "timeZone": "UTC", "currency": "EUR"}"""
                        .formatted(name))).andExpect(status().isCreated());
        LocalDate due = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(20);
        mvc.perform(MockMvcRequestBuilders.put("/api/v1/invoices/INV-" + UUID.randomUUID()).with(httpBasic("admin", "admin-secret"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"accountId": "%s", "number": "N-%s", "issueDate": "%s", "dueDate": "%s", "currency": "EUR", "amount": "%s"}"""
                        .formatted(id, UUID.randomUUID().toString().substring(0, 6), due.minusDays(30), due, amount)))
                .andExpect(status().isCreated());
        return id;
    }

    private BigDecimal balance(String accountId) {
        return receivables.balancesOf(accounts.require(accountId)).openBalance();
    }

    private void signIn() {
        browser.get(url("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(SUPERVISOR);
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
