package io.dunwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.dunwell.DunwellIntegrationTest;

/**
 * One sign-in covers the console, Tasklist and Cockpit, and one sign-out ends them all: a person
 * in Debian's headless Chromium. Screenshots land in target/screenshots for a human to check.
 */
@DunwellIntegrationTest
class SingleSignOnBrowserTests {

    /** Full name of the admin user (camunda.bpm.admin-user in application.yml). */
    private static final String ADMIN_NAME = "Ada Admin";

    private static final By LOGIN_USER = By.id("username");
    private static final By CAMUNDA_LOGIN_FORM = By.cssSelector("form[name='signinForm']");
    private static final By CAMUNDA_ACCOUNT_MENU = By.cssSelector("li.account .dropdown-toggle");

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.open(HeadlessChromium.options(profile, "--window-size=1400,900"));
        wait = new WebDriverWait(browser, HeadlessChromium.PATIENCE);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void oneSignInOpensConsoleTasklistAndCockpit() throws IOException {
        browser.get(url("/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(LOGIN_USER));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/login"));
        screenshot("01-login");

        signIn("admin", "admin-secret");
        assertOnConsoleHomeAsAdmin();
        screenshot("02-console-home");

        assertThat(openCamundaApp("/camunda/app/tasklist/default/")).isEqualTo(ADMIN_NAME);
        assertThat(browser.getTitle()).contains("Tasklist");
        screenshot("03-tasklist");

        assertThat(openCamundaApp("/camunda/app/cockpit/default/")).isEqualTo(ADMIN_NAME);
        assertThat(browser.getTitle()).contains("Cockpit");
        screenshot("04-cockpit");
    }

    @Test
    void signingOutOfTasklistSignsOutOfTheConsole() throws IOException {
        signIntoTasklist();

        signOutOfCamundaApp();
        screenshot("05-tasklist-signed-out");

        browser.get(url("/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(LOGIN_USER));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/login"));
    }

    @Test
    void tasklistsOwnLoginFormSignsIntoTheConsoleToo() throws IOException {
        signIntoTasklist();
        signOutOfCamundaApp();

        WebElement form = browser.findElement(CAMUNDA_LOGIN_FORM);
        form.findElement(By.cssSelector("input[type='text']")).sendKeys("admin");
        form.findElement(By.cssSelector("input[type='password']")).sendKeys("admin-secret");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(CAMUNDA_LOGIN_FORM));
        assertThat(waitForCamundaApp()).isEqualTo(ADMIN_NAME);
        screenshot("06-tasklist-signed-in-again");

        browser.get(url("/"));
        assertOnConsoleHomeAsAdmin();
    }

    /** Spring Security sends a person back to the page first asked for, marked "?continue". */
    private void assertOnConsoleHomeAsAdmin() {
        wait.until(ExpectedConditions.urlMatches("^" + url("/") + "(\\?continue)?$"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Collections dashboard");
        // only an admin's dashboard links Camunda Admin
        assertThat(browser.findElements(By.cssSelector("a[href='/camunda/app/admin/default/']"))).isNotEmpty();
    }

    private void signIntoTasklist() {
        browser.get(url("/camunda/app/tasklist/default/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(LOGIN_USER));
        signIn("admin", "admin-secret");
        assertThat(waitForCamundaApp()).isEqualTo(ADMIN_NAME);
        assertThat(browser.getCurrentUrl()).startsWith(url("/camunda/app/tasklist/default/"));
    }

    private void signOutOfCamundaApp() {
        browser.findElement(CAMUNDA_ACCOUNT_MENU).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.logout a"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(CAMUNDA_LOGIN_FORM));
    }

    private void signIn(String user, String password) {
        browser.findElement(LOGIN_USER).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type='submit']")).click();
    }

    /** Opens a webapp and answers the name in its account menu; fails if Camunda's own login form shows instead. */
    private String openCamundaApp(String path) {
        browser.get(url(path));
        return waitForCamundaApp();
    }

    private String waitForCamundaApp() {
        wait.until(ExpectedConditions.or(
                ExpectedConditions.textToBe(CAMUNDA_ACCOUNT_MENU, ADMIN_NAME),
                ExpectedConditions.visibilityOfElementLocated(CAMUNDA_LOGIN_FORM)));
        assertThat(browser.findElements(CAMUNDA_LOGIN_FORM)).as("Camunda's own login form").isEmpty();
        return browser.findElement(CAMUNDA_ACCOUNT_MENU).getText().trim();
    }

    private void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(browser, name);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
