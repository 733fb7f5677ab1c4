package io.dunwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.account.CollectionStatus;
import io.dunwell.dunning.Mailbox;
import io.dunwell.invoice.Invoices;
import io.dunwell.reporting.Portfolio;
import io.dunwell.settings.ConsoleSettings;
import io.dunwell.system.SharedClock;
import io.dunwell.system.security.Roles;
import io.dunwell.system.security.TestUsers;

/**
 * An agent's day in the console, in Debian's headless Chromium: signs in, drills from the
 * dashboard's pie into the aging buckets, opens their account from the scatter plot, writes a
 * note that mentions a colleague (who gets a mail) and a reply, and downloads the notes as CSV.
 * Chart.js draws on a canvas, so the test asks the chart where a slice or point is and clicks
 * there. Screenshots land in target/screenshots/console-*.png.
 */
@DunwellIntegrationTest
class ConsoleBrowserTests {

    /** Only this class books Norwegian kroner, so the plot of NOK shows just its accounts. */
    private static final String CURRENCY = "NOK";
    private static final int IN_COLLECTIONS_SLICE = 1;
    private static final int YOUR_ACCOUNTS = 0;

    private static final By NOTES_FORM = By.cssSelector(".notes-body > .note-form");

    @Autowired IdentityService identity;
    @Autowired Accounts accounts;
    @Autowired Invoices invoices;
    @Autowired Portfolio portfolio;
    @Autowired ConsoleSettings settings;
    @Autowired SharedClock clock;
    @Autowired JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @TempDir
    Path profile;
    @TempDir
    Path downloads;

    WebDriver browser;
    WebDriverWait wait;
    Mailbox mailbox;
    ConsoleAccounts consoleAccounts;

    String agent;
    String colleague;

    @BeforeEach
    void setUp() {
        mailbox = Mailbox.start();
        consoleAccounts = new ConsoleAccounts(accounts, invoices, clock);
        String token = UUID.randomUUID().toString().substring(0, 8);
        agent = "e2eagent" + token;
        colleague = "e2ecolleague" + token;
        TestUsers.ensure(identity, agent, Roles.AGENTS_GROUP);
        TestUsers.ensure(identity, colleague, Roles.AGENTS_GROUP);

        ChromeOptions options = HeadlessChromium.options(profile, "--lang=en-US", "--window-size=1400,1000");
        // headless Chromium saves a download where these preferences say, without asking
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        browser = HeadlessChromium.open(options);
        wait = new WebDriverWait(browser, HeadlessChromium.PATIENCE);
    }

    @AfterEach
    void tearDown(TestInfo info) throws IOException {
        if (browser != null) {
            screenshot("last-" + info.getTestMethod().orElseThrow().getName());
            browser.quit();
        }
        mailbox.stop();
    }

    @Test
    void anAgentDrillsIntoTheDashboardOpensTheirAccountAndNotesItForAColleague() throws IOException {
        Account mine = inCollections("Fjordline Shipping " + agent.substring(8), 95, "48210.50", agent);
        inCollections("Nordkapp Trawlers " + agent.substring(8), 35, "12900.00", null);

        signIn(agent);
        browser.get(url("/?currency=" + CURRENCY));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Collections dashboard");
        chartDrawn("standing-chart");
        assertThat(chartLabels("standing-chart")).containsExactly("Good standing", "In collections");
        screenshot("console-02-dashboard");

        clickChartElement("standing-chart", 0, IN_COLLECTIONS_SLICE);
        wait.until(ExpectedConditions.textToBe(By.id("standing-title"), "In collections by age"));
        chartDrawn("standing-chart");
        assertThat(browser.findElement(By.id("standing-back")).isDisplayed()).isTrue();
        var aging = settings.agingBuckets();
        assertThat(chartLabels("standing-chart")).isEqualTo(aging.names());
        List<Long> byAge = chartValues("standing-chart");
        assertThat(byAge).isEqualTo(portfolio.inCollectionsByAge(aging, settings.inCollections(), null));
        assertThat(byAge.get(aging.indexOf(95))).isPositive();
        assertThat(browser.findElement(By.id("standing-hint")).getText())
                .contains(byAge.stream().mapToLong(Long::longValue).sum() + " in collections");
        assertThat(browser.findElement(By.id("standing-click")).isDisplayed()).as("the hint to click the slice").isFalse();
        screenshot("console-03-dashboard-aging");
        browser.findElement(By.id("standing-back")).click();
        wait.until(ExpectedConditions.textToBe(By.id("standing-title"), "Status of accounts"));
        assertThat(chartLabels("standing-chart")).containsExactly("Good standing", "In collections");

        chartDrawn("scatter-chart");
        assertThat(datasetLabel("scatter-chart", YOUR_ACCOUNTS)).isEqualTo("Your accounts");
        assertThat(pointIds("scatter-chart", YOUR_ACCOUNTS)).as("the agent's own accounts are highlighted")
                .containsExactly(mine.getExternalId());
        clickChartElement("scatter-chart", YOUR_ACCOUNTS, 0);
        wait.until(ExpectedConditions.urlToBe(url("/accounts/" + mine.getExternalId())));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(mine.getName());
        assertThat(browser.findElement(By.cssSelector("#invoices tbody")).getText()).contains("48,210.50");
        screenshot("console-04-account");

        String body = "Promised to wire the full amount on Friday. @" + colleague + " please check the bank statement then.";
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(NOTES_FORM));
        form.findElement(By.name("body")).sendKeys(body);
        scrollTo(form.findElement(By.cssSelector("button[type='submit']"))).click();
        WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notes article.note")));
        assertThat(note.findElement(By.cssSelector(".note-author")).getText()).isEqualTo(agent);
        assertThat(note.findElement(By.cssSelector(".note-body")).getText()).isEqualTo(body);
        assertThat(note.findElements(By.cssSelector(".note-body .mention"))).extracting(WebElement::getText)
                .containsExactly("@" + colleague);
        wait.until(browser -> !mailbox.to(colleague + "@dunwell.test").isEmpty());
        assertThat(mailbox.subjectsTo(colleague + "@dunwell.test"))
                .containsExactly(agent + " mentioned you in a note on account " + mine.getExternalId());

        scrollTo(note.findElement(By.cssSelector(".reply-toggle > summary"))).click();
        WebElement replyForm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".reply-toggle .note-form")));
        replyForm.findElement(By.name("body")).sendKeys("Statement checked: the wire is announced.");
        scrollTo(replyForm.findElement(By.cssSelector("button[type='submit']"))).click();
        WebElement reply = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notes .reply .note-body")));
        assertThat(reply.getText()).isEqualTo("Statement checked: the wire is announced.");
        scrollTo(browser.findElement(By.id("notes")));
        screenshot("console-05-notes");

        scrollTo(browser.findElement(By.cssSelector(".notes-export > summary"))).click();
        WebElement export = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notes-export-form")));
        new Select(export.findElement(By.name("zone"))).selectByVisibleText("Europe/Berlin");
        screenshot("console-06-notes-export");
        export.findElement(By.cssSelector("button[type='submit']")).click();
        Path csv = downloads.resolve("notes-accounts.csv");
        wait.until(browser -> Files.exists(csv) && !Files.exists(downloads.resolve("notes-accounts.csv.crdownload")));

        List<CSVRecord> rows = read(csv);
        assertThat(rows).extracting(row -> row.get("body"))
                .containsExactly(body, "Statement checked: the wire is announced.");
        assertThat(rows).allSatisfy(row -> assertThat(row.get("account_id")).isEqualTo(mine.getExternalId()));
        assertThat(rows.get(1).get("reply_to")).isEqualTo(rows.get(0).get("note_id"));
        OffsetDateTime written = jdbc.queryForObject("select created_at from note where id = ?", OffsetDateTime.class,
                Long.valueOf(rows.get(0).get("note_id")));
        OffsetDateTime exported = OffsetDateTime.parse(rows.get(0).get("created_at"));
        assertThat(exported.toInstant()).isEqualTo(written.toInstant());
        assertThat(exported.getOffset()).as("the time in the zone chosen")
                .isEqualTo(ZoneId.of("Europe/Berlin").getRules().getOffset(written.toInstant()));
        assertThat(HeadlessChromium.pageErrors(browser)).as("requests that failed and scripts refused on the way").isEmpty();
    }

    @Test
    void anAgentSeesNoAssignmentControlAndTheServerRefusesAForgedAssignment() throws IOException {
        Account mine = inCollections("Bergen Timber " + agent.substring(8), 50, "3100.00", agent);

        signIn(agent);
        browser.get(url("/accounts/" + mine.getExternalId()));
        WebElement assignment = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("assignment")));
        assertThat(assignment.getText()).contains("Worked by " + agent);
        assertThat(browser.findElements(By.cssSelector("#assignment select, #assignment button, form[action$='/agent']"))).isEmpty();
        screenshot("console-07-account-as-agent");

        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const header = document.querySelector('meta[name=_csrf_header]').content;
                const token = document.querySelector('meta[name=_csrf]').content;
                fetch(arguments[0], {method: 'POST', redirect: 'manual', headers: {[header]: token},
                                     body: new URLSearchParams({agent: arguments[1]})})
                  .then((response) => done(response.status));
                """, "/accounts/" + mine.getExternalId() + "/agent", colleague);

        assertThat(status).isEqualTo(403L);
        assertThat(accounts.get(mine.getId()).getAssignedAgent()).isEqualTo(agent);
    }

    // --- the browser

    private void signIn(String user) throws IOException {
        browser.get(url("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        screenshot("console-01-login");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".user-name"), user));
    }

    /** Waits until Chart.js drew the canvas's chart and its animation ended, so its elements stand where they will be clicked. */
    private void chartDrawn(String canvasId) {
        wait.until(browser -> Boolean.TRUE.equals(js("""
                const chart = window.Chart && Chart.getChart(document.getElementById(arguments[0]));
                return !!chart && !Chart.animator.running(chart);""", canvasId)));
    }

    /**
     * Clicks a slice or point where Chart.js drew it: its tooltip position is in CSS pixels from
     * the canvas's top left corner, Selenium's offsets are from the element's centre.
     */
    @SuppressWarnings("unchecked")
    private void clickChartElement(String canvasId, int dataset, int index) {
        WebElement canvas = scrollTo(browser.findElement(By.id(canvasId)));
        Map<String, Number> offset = (Map<String, Number>) js("""
                const canvas = document.getElementById(arguments[0]);
                const at = Chart.getChart(canvas).getDatasetMeta(arguments[1]).data[arguments[2]].tooltipPosition(true);
                const box = canvas.getBoundingClientRect();
                return {x: at.x - box.width / 2, y: at.y - box.height / 2};""", canvasId, dataset, index);
        new Actions(browser).moveToElement(canvas, Math.round(offset.get("x").floatValue()), Math.round(offset.get("y").floatValue()))
                .click().perform();
    }

    @SuppressWarnings("unchecked")
    private List<String> chartLabels(String canvasId) {
        return (List<String>) js("return Chart.getChart(document.getElementById(arguments[0])).data.labels;", canvasId);
    }

    @SuppressWarnings("unchecked")
    private List<Long> chartValues(String canvasId) {
        return (List<Long>) js("return Chart.getChart(document.getElementById(arguments[0])).data.datasets[0].data;", canvasId);
    }

    private String datasetLabel(String canvasId, int dataset) {
        return (String) js("return Chart.getChart(document.getElementById(arguments[0])).data.datasets[arguments[1]].label;",
                canvasId, dataset);
    }

    @SuppressWarnings("unchecked")
    private List<String> pointIds(String canvasId, int dataset) {
        return (List<String>) js("return Chart.getChart(document.getElementById(arguments[0])).data.datasets[arguments[1]].data"
                + ".map((point) => point.id);", canvasId, dataset);
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /** Bootstrap makes scrolling smooth, and a click during the scroll lands where the element was: this one jumps. */
    private WebElement scrollTo(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        return element;
    }

    private void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(browser, name);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static List<CSVRecord> read(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return parser.getRecords();
        }
    }

    // --- the test data

    /** An account in collections with one invoice {@code daysPastDue} overdue, worked by {@code agent} (null: unassigned). */
    private Account inCollections(String name, int daysPastDue, String balance, String agent) {
        Account account = accounts.upsert("ACC-" + UUID.randomUUID(), new AccountDetails(name, "ap@customer.example",
                "+47 22 00 00 00", "nb-NO", "Europe/Oslo", CURRENCY, "SMB")).account();
        consoleAccounts.invoice(account, "NO-" + UUID.randomUUID().toString().substring(0, 6), daysPastDue, balance);
        if (agent != null) {
            accounts.assignAgent(account.getId(), agent);
        }
        accounts.changeCollectionStatus(account.getId(), CollectionStatus.IN_COLLECTIONS);
        return accounts.get(account.getId());
    }
}
