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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.bulk.BulkActions;
import io.dunwell.bulk.BulkRequest;
import io.dunwell.bulk.BulkResult;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.invoice.Receivables;
import io.dunwell.system.security.Roles;
import io.dunwell.system.security.TestUsers;

/** The bulk run's page as approvers work on it: Approve / Reject for them, never for the requester. */
@DunwellIntegrationTest
class BulkApprovalPageTests {

    static final String REQUESTER = "pagerequester";

    @Autowired MockMvc mvc;
    @Autowired IdentityService identity;
    @Autowired Accounts accounts;
    @Autowired Invoices invoices;
    @Autowired Receivables receivables;
    @Autowired BulkActions bulkActions;
    @Autowired Clock clock;

    @BeforeEach
    void users() {
        TestUsers.ensure(identity, REQUESTER, Roles.SUPERVISORS_GROUP);
    }

    @Test
    void theRequesterSeesTheRunWaitingWithoutApproveAndIsRefusedWhenTrying() throws Exception {
        Account account = accountOwing("250000.00");
        BulkResult run = writeOff(account);

        mvc.perform(get("/accounts/bulk/" + run.id()).with(user(REQUESTER).roles("SUPERVISOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("awaiting approval")))
                .andExpect(content().string(containsString("camunda-admin")))
                .andExpect(content().string(not(containsString("id=\"bulk-approve\""))));
        mvc.perform(post("/accounts/bulk/" + run.id() + "/approval").param("approve", "true")
                        .with(user(REQUESTER).roles("SUPERVISOR")).with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(openBalance(account)).isEqualByComparingTo("250000.00");
    }

    @Test
    void anAdminApprovesOnThePageAndTheRunIsBookedOnce() throws Exception {
        Account account = accountOwing("250000.00");
        BulkResult run = writeOff(account);

        mvc.perform(get("/accounts/bulk/" + run.id()).with(user("admin").roles("ADMIN")))
                .andExpect(content().string(containsString("id=\"bulk-approve\"")));
        mvc.perform(post("/accounts/bulk/" + run.id() + "/approval").param("approve", "true").param("note", "insolvency confirmed")
                        .with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/accounts/bulk/" + run.id()));
        mvc.perform(post("/accounts/bulk/" + run.id() + "/approval").param("approve", "true")
                        .with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/accounts/bulk/" + run.id()));

        assertThat(openBalance(account)).isZero();
        assertThat(bulkActions.find(run.id()).accounts().get(0).status()).isEqualTo(BulkResult.DONE);
        mvc.perform(get("/accounts/bulk/" + run.id()).with(user("admin").roles("ADMIN")))
                .andExpect(content().string(containsString("approved by admin: insolvency confirmed")));
    }

    @Test
    void anUnknownRunIsNotFound() throws Exception {
        mvc.perform(get("/accounts/bulk/987654321").with(user(REQUESTER).roles("SUPERVISOR"))).andExpect(status().isNotFound());
        mvc.perform(get("/accounts/bulk/987654321/file").with(user(REQUESTER).roles("SUPERVISOR"))).andExpect(status().isNotFound());
    }

    private BulkResult writeOff(Account account) {
        return bulkActions.run(new BulkRequest("writeOff", List.of(account.getExternalId()), null, Map.of(), false, null),
                UUID.randomUUID().toString(), UsernamePasswordAuthenticationToken.authenticated(REQUESTER, null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + Roles.SUPERVISOR))));
    }

    private Account accountOwing(String amount) {
        Account account = accounts.upsert("ACC-" + UUID.randomUUID(), new AccountDetails("Page Approval Ltd",
                "ap-" + UUID.randomUUID() + "@customer.example", "+44 20 1234567", "en-GB", "Europe/London", "EUR", null)).account();
        invoices.upsert(new InvoiceCommand("EXT-" + UUID.randomUUID(), account.getExternalId(), "INV-" + UUID.randomUUID(),
                account.today(clock).minusDays(60), account.today(clock).minusDays(30), "EUR", new BigDecimal(amount), null, null));
        return account;
    }

    private BigDecimal openBalance(Account account) {
        return receivables.balancesOf(accounts.get(account.getId())).openBalance();
    }
}
