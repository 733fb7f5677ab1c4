package io.dunwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.system.security.Roles;
import io.dunwell.system.security.TestUsers;
import io.dunwell.timeline.Timeline;
import io.dunwell.timeline.TimelineEntry;
import io.dunwell.worklist.Basket;
import io.dunwell.worklist.BasketEntry;
import io.dunwell.worklist.BasketStatus;
import io.dunwell.worklist.Baskets;
import io.dunwell.worklist.SessionOutcome;

/**
 * An agent works a basket end to end in the console, in Debian's headless Chromium: picks their
 * accounts on /worklists into a basket, starts the collection session, posts a payment and sees
 * the total change at once, completes one account, skips the other with a reason, and completes
 * the session. Screenshots land in target/screenshots/worklist-*.png.
 */
@DunwellIntegrationTest
class CollectionSessionBrowserTests {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired IdentityService identity;
    @Autowired Accounts accounts;
    @Autowired Invoices invoices;
    @Autowired Baskets baskets;
    @Autowired Timeline timeline;
    @Autowired Clock clock;

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void setUp() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=en-US", "--window-size=1400,1100", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, HeadlessChromium.PATIENCE);
    }

    @AfterEach
    void tearDown(TestInfo info) throws IOException {
        if (browser != null) {
            screenshot("worklist-last-" + info.getTestMethod().orElseThrow().getName());
            browser.quit();
        }
    }

    @Test
    void agentBuildsABasketAndWorksItThroughInASession() throws IOException {
        String agent = "worker" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.ensure(identity, agent, Roles.AGENTS_GROUP);
        // the builder lists the fewest days past due first: the basket works them in that order
        Account paying = account(agent, "Paying Customer", 40);
        Account unreachable = account(agent, "Unreachable Customer", 45);
        signIn(agent);

        // the builder: my accounts, all picked, named
        browser.get(url("/worklists?assigned=mine"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("candidates")));
        assertThat(browser.findElements(By.cssSelector("#candidates .pick"))).hasSize(2);
        browser.findElement(By.id("select-all")).click();
        wait.until(ExpectedConditions.textToBe(By.id("picked"), "2 selected"));
        WebElement name = browser.findElement(By.id("basket-name"));
        name.clear();
        name.sendKeys("Calls of " + agent);
        screenshot("worklist-1-builder");
        browser.findElement(By.id("create-basket")).click();

        // the pending basket, then the session
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("start-session")));
        assertThat(browser.findElement(By.id("basket-status")).getText()).isEqualTo("Pending");
        assertThat(browser.findElement(By.id("basket-accounts")).getText()).contains(paying.getName(), unreachable.getName());
        screenshot("worklist-2-basket");
        browser.findElement(By.id("start-session")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("position"), "Account 1 of 2"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(paying.getName());
        assertThat(browser.findElement(By.id("open-balance")).getText()).isEqualTo("1,234.56 EUR");
        screenshot("worklist-3-session-first-account");

        // a payment updates the totals in place
        browser.findElement(By.id("payment-amount")).sendKeys("200.00");
        browser.findElement(By.id("payment-reference")).sendKeys("card on the phone");
        browser.findElement(By.id("post-payment")).click();
        wait.until(ExpectedConditions.textToBe(By.id("open-balance"), "1,034.56 EUR"));
        assertThat(browser.findElement(By.id("payment-notice")).getText()).isEqualTo("Payment of 200.00 EUR posted.");
        screenshot("worklist-4-payment-posted");

        // completed, then skipped with its reason
        browser.findElement(By.id("outcome-reason")).sendKeys("paid part, rest by Friday");
        browser.findElement(By.id("complete-account")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("position"), "Account 2 of 2"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(unreachable.getName());
        browser.findElement(By.id("skip-account")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(browser.findElement(By.id("error")).getText()).contains("outcomeReason");
        browser.findElement(By.id("outcome-reason")).sendKeys("no answer");
        browser.findElement(By.id("skip-account")).click();

        // complete session only after the last account
        wait.until(ExpectedConditions.elementToBeClickable(By.id("complete-session")));
        assertThat(browser.findElement(By.id("summary")).getText()).contains("completed", "skipped", "no answer");
        screenshot("worklist-5-ready-to-complete");
        browser.findElement(By.id("complete-session")).click();
        wait.until(ExpectedConditions.textToBe(By.id("basket-status"), "Done"));
        screenshot("worklist-6-basket-done");

        Basket basket = baskets.visibleTo(agent, false, BasketStatus.DONE).get(0);
        assertThat(basket.getEntries()).extracting(BasketEntry::getOutcome).containsExactly(SessionOutcome.COMPLETED, SessionOutcome.SKIPPED);
        assertThat(basket.getEntries()).extracting(BasketEntry::getWorkedBy).containsOnly(agent);
        assertThat(types(paying)).contains("PAYMENT_RECEIVED", "SESSION_ACCOUNT_COMPLETED");
        assertThat(types(unreachable)).contains("SESSION_ACCOUNT_SKIPPED");
    }

    private void signIn(String user) {
        browser.get(url("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".console-nav")));
    }

    /** An account of the agent's owing 1234.56 EUR on one invoice {@code daysPastDue} days past due. */
    private Account account(String agent, String name, int daysPastDue) {
        Account account = accounts.upsert("ACC-" + UUID.randomUUID(), new AccountDetails(name + " " + agent.substring(6),
                agent + "-" + daysPastDue + "@customer.example", "+49 30 555 0100", "en-US", "UTC", "EUR", null)).account();
        accounts.assignAgent(account.getId(), agent);
        LocalDate due = account.today(clock).minusDays(daysPastDue);
        invoices.upsert(new InvoiceCommand("EXT-" + UUID.randomUUID(), account.getExternalId(), "INV-" + daysPastDue,
                due.minusDays(14), due, "EUR", new BigDecimal("1234.56"), null, null));
        return accounts.get(account.getId());
    }

    private List<String> types(Account account) {
        return timeline.of(account.getId()).stream().map(TimelineEntry::getType).toList();
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
