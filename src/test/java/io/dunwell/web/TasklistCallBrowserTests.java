package io.dunwell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.dunning.CaseJobs;
import io.dunwell.dunning.DunningCases;
import io.dunwell.dunning.Mailbox;
import io.dunwell.dunning.process.DunningCaseVariables;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.promise.Promises;
import io.dunwell.system.SharedClock;
import io.dunwell.system.security.Roles;
import io.dunwell.system.security.TestUsers;
import io.dunwell.timeline.Timeline;
import io.dunwell.timeline.TimelineEntry;

/**
 * An agent works a dunning call in Tasklist through the Camunda Form "callCustomerForm", in
 * Debian's headless Chromium: signs in at the console's login, opens "My calls", fills the
 * promise and completes the task. Screenshots land in target/screenshots.
 */
@DunwellIntegrationTest
class TasklistCallBrowserTests {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";

    private static final By CAMUNDA_ACCOUNT_MENU = By.cssSelector("li.account .dropdown-toggle");
    private static final By FORM = By.cssSelector(".fjs-container .fjs-form");
    private static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired Accounts accounts;
    @Autowired Invoices invoices;
    @Autowired DunningCases cases;
    @Autowired Promises promises;
    @Autowired Timeline timeline;
    @Autowired SharedClock clock;

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    WebDriver browser;
    WebDriverWait wait;
    CaseJobs jobs;
    GreenMail smtp;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        jobs = new CaseJobs(management);
        smtp = new GreenMail(ServerSetupTest.SMTP.port(Mailbox.PORT));
        smtp.start();

        // --lang fixes the browser's locale, and with it the format form-js's date field reads (M/d/yyyy)
        browser = HeadlessChromium.open(HeadlessChromium.options(profile, "--lang=en-US", "--window-size=1400,1000"));
        wait = new WebDriverWait(browser, HeadlessChromium.PATIENCE);
    }

    @AfterEach
    void tearDown(TestInfo info) throws IOException {
        if (browser != null) {
            screenshot("last-" + info.getTestMethod().orElseThrow().getName());
            browser.quit();
        }
        smtp.stop();
        BpmnAwareTests.reset();
    }

    @Test
    void agentRecordsAPromiseToPayInTasklist() throws IOException {
        Call call = callAssignedToANewAgent("Tasklist Promise Ltd");
        LocalDate promiseDate = firstDayBothCallToday(call.account()).plusDays(10);

        openCall(call);
        WebElement form = browser.findElement(FORM);
        assertThat(form.findElement(By.tagName("h3")).getText()).startsWith(call.account().getName());
        assertThat(form.findElements(By.cssSelector(".fjs-form-field-text"))).extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).contains("Amount owed: 1,234.56 USD"));
        WebElement consoleLink = form.findElement(By.linkText("Open account in the console"));
        assertThat(consoleLink.getAttribute("href")).isEqualTo(url("/console/accounts/" + call.account().getExternalId()));

        chooseOutcome("Promise to pay");
        typeDate(promiseDate);
        fill("Field_PromiseAmount", "1234.56");
        assertThat(input("Field_InstallmentCount").getAttribute("value")).isEqualTo("1");
        fill("Field_CallNote", "Pays in full after payday");
        screenshot("tasklist-call-form");

        wait.until(ExpectedConditions.elementToBeClickable(scrollTo(browser.findElement(COMPLETE)))).click();

        wait.until(ExpectedConditions.invisibilityOfElementLocated(taskInList(call)));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(FORM));
        screenshot("tasklist-call-completed");
        assertThat(browser.findElements(taskInList(call))).isEmpty();

        jobs.runDue(call.process().getId());
        assertThat(call.process()).hasPassedInOrder("Task_RecordCallOutcome", "Task_RecordPromise", "Task_SendPromiseConfirmation")
                .isWaitingAt("TimerEvent_InstallmentReminderDue");
        assertThat(promises.of(call.account().getId())).singleElement().satisfies(promise -> {
            assertThat(promise.getTotal()).isEqualByComparingTo("1234.56");
            assertThat(promise.getMadeBy()).isEqualTo(call.agent());
        });
        List<TimelineEntry> entries = timeline.of(call.account().getId());
        assertThat(entries).extracting(TimelineEntry::getType).containsSubsequence("CALL_LOGGED", "PROMISE_MADE");
        assertThat(entries).filteredOn(entry -> entry.getType().equals("CALL_LOGGED")).singleElement()
                .satisfies(entry -> assertThat(entry.getSummary())
                        .isEqualTo("Call by " + call.agent() + ": promise: Pays in full after payday"));
        assertThat(entries).filteredOn(entry -> entry.getType().equals("PROMISE_MADE")).singleElement()
                .satisfies(entry -> assertThat(entry.getSummary()).contains("on " + promiseDate).contains("by " + call.agent()));
        assertThat(subjectsTo(call.account()))
                .containsExactly("Thank you for your promise to pay: account " + call.account().getExternalId());
    }

    @Test
    void pastDateAndLettersForAmountAreRefusedByTheFormAndNothingIsRecorded() throws IOException {
        Call call = callAssignedToANewAgent("Tasklist Typo Ltd");
        List<String> timelineBefore = types(call.account());

        openCall(call);
        chooseOutcome("Promise to pay");
        typeDate(LocalDate.now().minusDays(1));
        fill("Field_PromiseAmount", "abc");
        fill("Field_CallNote", "Typed letters into the amount");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(errorLocator("Field_PromiseAmount"), "Field must match pattern"));
        assertThat(errorOf("Field_PromiseAmount").getText()).startsWith("Field must match pattern");
        assertThat(input("Field_PromiseDate-date").getAttribute("value")).as("flatpickr drops a date before today").isEmpty();
        assertThat(errorOf("Field_PromiseDate").getText()).isEqualTo("Field is required.");
        WebElement complete = scrollTo(browser.findElement(COMPLETE));
        wait.until(ExpectedConditions.attributeToBe(complete, "disabled", "true"));
        screenshot("tasklist-call-invalid-amount");
        assertThat(browser.findElements(taskInList(call))).hasSize(1);

        assertThat(call.process()).isWaitingAt("Task_CallCustomer").variables().doesNotContainKey("callOutcome");
        assertThat(task(call.process()).getId()).isEqualTo(call.taskId());
        assertThat(promises.of(call.account().getId())).isEmpty();
        assertThat(types(call.account())).isEqualTo(timelineBefore);
    }

    // --- the browser

    private void openCall(Call call) {
        browser.get(url(TASKLIST));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(call.agent());
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBe(CAMUNDA_ACCOUNT_MENU, call.agent() + " Test"));

        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[contains(@class,'item task-filter')]//h4[contains(@class,'name')]/a[normalize-space(text())='My calls']"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(taskInList(call))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(FORM));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(FORM, call.account().getName()));
    }

    /** form-js draws its own drop-down: a display to click, then the list's items. */
    private void chooseOutcome(String label) {
        input("Field_CallOutcome-display").click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + label + "']"))).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[id$='-Field_CallOutcome-display']"), label));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='-Field_PromiseDate-date']")));
    }

    /**
     * form-js 1.x's date field is a flatpickr text input with allowInput, its format taken from the
     * browser locale's short date (en-US: "n/j/Y", placeholder mm/dd/yyyy), so the test types that.
     * Enter makes flatpickr parse the text and hand the date to the form, which submits "2026-12-01".
     * A date before the browser's today (disallowPassedDates) is dropped, leaving the field empty.
     */
    private void typeDate(LocalDate date) {
        WebElement input = input("Field_PromiseDate-date");
        assertThat(input.getAttribute("placeholder")).isEqualTo("mm/dd/yyyy");
        input.sendKeys(date.getMonthValue() + "/" + date.getDayOfMonth() + "/" + date.getYear(), Keys.ENTER);
    }

    /**
     * form-js keeps a text field's typing to itself until a debounce fires or the field loses focus,
     * and redraws the field from the form's state meanwhile: a redraw caused by another field (the
     * date's Enter submits and validates the form) wipes what was typed. So: type, tab out (the blur
     * hands the text to the form at once), and type again if a redraw got there first.
     */
    private void fill(String id, String text) {
        wait.until(driver -> {
            WebElement field = input(id);
            if (text.equals(field.getAttribute("value"))) {
                return true;
            }
            field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
            return false;
        });
    }

    private WebElement scrollTo(WebElement element) {
        ((ChromeDriver) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        return element;
    }

    /** form-js gives each input the id fjs-form-{random}-{component id}. */
    private WebElement input(String id) {
        return browser.findElement(By.cssSelector("[id$='-" + id + "']"));
    }

    private WebElement errorOf(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(errorLocator(id)));
    }

    private static By errorLocator(String id) {
        return By.cssSelector("[id$='-" + id + "-error-message']");
    }

    private static By taskInList(Call call) {
        return By.xpath("//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a[normalize-space(text())='Call "
                + call.account().getName() + "']");
    }

    private void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(browser, name);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    // --- the test data

    record Call(String agent, Account account, ProcessInstance process, String taskId) {
    }

    /** An agent of the collections group, an account of theirs 40 days overdue, and its case waiting at their call. */
    private Call callAssignedToANewAgent(String customer) {
        String agent = "caller" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.ensure(identity, agent, Roles.AGENTS_GROUP);
        Account account = accounts.upsert("ACC-" + UUID.randomUUID(), new AccountDetails(customer + " " + agent.substring(6),
                agent + "@customer.example", null, "en-US", "America/New_York", "USD", null)).account();
        accounts.assignAgent(account.getId(), agent);
        LocalDate due = account.today(clock).minusDays(40);
        invoices.upsert(new InvoiceCommand("EXT-" + UUID.randomUUID(), account.getExternalId(), "INV-40", due.minusDays(14), due,
                "USD", new BigDecimal("1234.56"), null, null));
        ProcessInstance pi = runtime.createProcessInstanceByKey(DunningCaseVariables.PROCESS_KEY)
                .businessKey(account.getExternalId())
                .setVariable(DunningCaseVariables.ACCOUNT_ID, account.getId())
                .setVariable(DunningCaseVariables.CASE_ID, cases.open(account.getId()).orElseThrow().getId())
                .setVariable(DunningCaseVariables.NOTICE_LEVEL, 3)
                .startBeforeActivity("Task_PrepareCall")
                .execute();
        assertThat(pi).isWaitingAt("Task_CallCustomer");
        assertThat(task(pi)).hasName("Call " + account.getName()).isAssignedTo(agent);
        return new Call(agent, accounts.get(account.getId()), pi, task(pi).getId());
    }

    /**
     * The browser refuses dates before its own today, the server dates before the account's today
     * on the shared clock, which other tests may have moved: a date after both passes both.
     */
    private LocalDate firstDayBothCallToday(Account account) {
        LocalDate browserToday = LocalDate.now();
        LocalDate accountToday = account.today(clock);
        return browserToday.isAfter(accountToday) ? browserToday : accountToday;
    }

    private List<String> types(Account account) {
        return timeline.of(account.getId()).stream().map(TimelineEntry::getType).toList();
    }

    private List<String> subjectsTo(Account account) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> recipients(mail).contains(account.getEmail()))
                .map(TasklistCallBrowserTests::subject).toList();
    }

    private static String recipients(MimeMessage mail) {
        try {
            return Arrays.toString(mail.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
