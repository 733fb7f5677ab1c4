package io.dunwell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.dunning.CaseJobs;
import io.dunwell.dunning.DunningCases;
import io.dunwell.dunning.process.DunningCaseVariables;
import io.dunwell.invoice.Invoices;
import io.dunwell.payment.PaymentCommand;
import io.dunwell.payment.Payments;
import io.dunwell.timeline.Timeline;
import io.dunwell.system.security.Roles;
import io.dunwell.system.security.TestUsers;

@DunwellIntegrationTest
class AccountPageTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Invoices invoices;
    @Autowired Payments payments;
    @Autowired DunningCases cases;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired Clock clock;
    @Autowired Timeline timeline;
    @Autowired TransactionTemplate transactions;

    ConsoleAccounts given;
    Account account;

    @BeforeEach
    void givenAnOverdueAccount() {
        given = new ConsoleAccounts(accounts, invoices, clock);
        account = given.account("Harbour Freight " + ConsoleAccounts.token());
        given.invoice(account, "INV-HF-1042", 45, "1200.00");
        given.invoice(account, "INV-HF-1077", 12, "310.50");
    }

    /** A customer of many years: the page shows the newest entries and offers the rest. */
    @Test
    void aLongHistoryShowsItsLatestEntriesAndAllOnRequest() throws Exception {
        transactions.executeWithoutResult(status -> {
            for (int i = 1; i <= AccountPageController.LATEST_TIMELINE + 5; i++) {
                timeline.append(account.getId(), "NOTE_ADDED", "Old entry " + String.format("%03d", i), null);
            }
        });
        long total = timeline.count(account.getId());

        String latest = page("alice", "AGENT");
        String all = mvc.perform(get("/accounts/" + account.getExternalId() + "?all=true").with(user("alice").roles("AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(latest).contains("The latest 100 of " + total + ": <a href=\"/accounts/" + account.getExternalId() + "?all=true#timeline\">show all</a>")
                .contains("Old entry 105").doesNotContain("Old entry 001<");
        assertThat(all).contains("Old entry 001<", "Old entry 105").doesNotContain("The latest 100");
    }

    @Test
    void showsUnpaidInvoicesPaymentsAndTheTimelineOldestFirst() throws Exception {
        payments.record(new PaymentCommand("PAY-" + UUID.randomUUID(), account.getExternalId(), new BigDecimal("200.00"), "EUR",
                clock.instant(), "Wire 7781", null));

        String html = page("alice", "AGENT");

        assertThat(html).contains("INV-HF-1042", "INV-HF-1077", "Wire 7781", "1,310.50")
                .contains("hx-get=\"/accounts/" + account.getExternalId() + "/notes\"");
        assertThat(html.indexOf("created")).isLessThan(html.indexOf("Payment of EUR 200.00 received"));
    }

    @Test
    void linksTheOpenCaseToCockpitAndItsWaitingTaskToTasklist() throws Exception {
        ProcessInstance pi = startCaseWaitingAtTheCall();
        Task call = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();

        String html = page("sarah", "SUPERVISOR");

        assertThat(html).contains(call.getName())
                .contains("/camunda/app/tasklist/default/#/?task=" + call.getId())
                .contains("/camunda/app/cockpit/default/#/process-instance/" + pi.getId() + "/runtime");
        assertThat(page("alice", "AGENT")).contains("?task=" + call.getId()).doesNotContain("/camunda/app/cockpit/");
    }

    @Test
    void tasklistsConsoleLinkLeadsToTheAccountPage() throws Exception {
        mvc.perform(get("/console/accounts/" + account.getExternalId()).with(user("alice").roles("AGENT")))
                .andExpect(redirectedUrl("/accounts/" + account.getExternalId()));
    }

    @Test
    void anUnknownAccountIsNotFound() throws Exception {
        mvc.perform(get("/accounts/NOPE-" + UUID.randomUUID()).with(user("alice").roles("AGENT"))).andExpect(status().isNotFound());
    }

    @Test
    void anAgentSeesTheAccountButNoEditForms() throws Exception {
        assertThat(page("alice", "AGENT")).contains(account.getName()).doesNotContain("/contact\"").doesNotContain("/agent\"");
    }

    @Test
    void anAgentCannotEditContactDetailsOrAssignEvenByPostingDirectly() throws Exception {
        mvc.perform(contactForm("Renamed", "new@customer.example", "UTC").with(user("alice").roles("AGENT")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/accounts/" + account.getExternalId() + "/agent").param("agent", "alice").with(csrf())
                        .with(user("alice").roles("AGENT")))
                .andExpect(status().isForbidden());

        Account after = accounts.require(account.getExternalId());
        assertThat(after.getName()).isEqualTo(account.getName());
        assertThat(after.getAssignedAgent()).isNull();
    }

    @Test
    void aSupervisorCorrectsContactDetails() throws Exception {
        mvc.perform(contactForm("Harbour Freight Ltd", "ar@harbour.example", "Europe/London").with(user("sarah").roles("SUPERVISOR")))
                .andExpect(redirectedUrl("/accounts/" + account.getExternalId()));

        assertThat(accounts.require(account.getExternalId()).details())
                .isEqualTo(new AccountDetails("Harbour Freight Ltd", "ar@harbour.example", "+1 555 0100", "en-US", "Europe/London", "EUR", "SMB"));
    }

    @Test
    void aBadEditShowsEveryErrorAndChangesNothing() throws Exception {
        mvc.perform(contactForm("Renamed", "not-an-email", "Mars/Olympus").with(user("sarah").roles("SUPERVISOR")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Email is not an email address")))
                .andExpect(content().string(containsString("Time zone &#39;Mars/Olympus&#39; is not a time zone id")))
                .andExpect(content().string(containsString("value=\"Renamed\"")))
                .andExpect(content().string(containsString("Nothing was saved")));

        assertThat(accounts.require(account.getExternalId()).details()).isEqualTo(account.details());
    }

    @Test
    void aSupervisorAssignsAnAgent() throws Exception {
        TestUsers.ensure(identity, AccountListTests.AGENT, Roles.AGENTS_GROUP);
        mvc.perform(post("/accounts/" + account.getExternalId() + "/agent").param("agent", AccountListTests.AGENT).with(csrf())
                        .with(user("sarah").roles("SUPERVISOR")))
                .andExpect(redirectedUrl("/accounts/" + account.getExternalId()));

        assertThat(accounts.require(account.getExternalId()).getAssignedAgent()).isEqualTo(AccountListTests.AGENT);
        assertThat(page("sarah", "SUPERVISOR")).contains("Assigned to " + AccountListTests.AGENT);
    }

    @Test
    void onlyAgentsCanBeAssigned() throws Exception {
        mvc.perform(post("/accounts/" + account.getExternalId() + "/agent").param("agent", "nobody-" + UUID.randomUUID()).with(csrf())
                        .with(user("sarah").roles("SUPERVISOR")))
                .andExpect(status().isBadRequest());
        assertThat(accounts.require(account.getExternalId()).getAssignedAgent()).isNull();
    }

    @Test
    void userEnteredTextIsEscaped() throws Exception {
        Account hostile = given.account("<img src=x onerror=alert(1)> " + ConsoleAccounts.token());
        mvc.perform(get("/accounts/" + hostile.getExternalId()).with(user("sarah").roles("SUPERVISOR")))
                .andExpect(content().string(not(containsString("<img src=x"))))
                .andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;")));
    }

    private String page(String user, String role) throws Exception {
        return mvc.perform(get("/accounts/" + account.getExternalId()).with(user(user).roles(role)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private MockHttpServletRequestBuilder contactForm(String name, String email, String timeZone) {
        return post("/accounts/" + account.getExternalId() + "/contact").with(csrf())
                .param("name", name).param("email", email).param("phone", "+1 555 0100").param("locale", "en-US")
                .param("timeZone", timeZone).param("currency", "EUR").param("segment", "SMB");
    }

    private ProcessInstance startCaseWaitingAtTheCall() {
        Long caseId = cases.open(account.getId()).orElseThrow().getId();
        ProcessInstance pi = runtime.createProcessInstanceByKey(DunningCaseVariables.PROCESS_KEY)
                .businessKey(account.getExternalId())
                .setVariable(DunningCaseVariables.ACCOUNT_ID, account.getId())
                .setVariable(DunningCaseVariables.CASE_ID, caseId)
                .startBeforeActivity("Task_PrepareCall")
                .execute();
        new CaseJobs(management).runDue(pi.getId());
        return pi;
    }
}
