package io.dunwell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.timeline.Timeline;
import io.dunwell.timeline.TimelineEntry;
import io.dunwell.worklist.Basket;
import io.dunwell.worklist.BasketStatus;
import io.dunwell.worklist.Baskets;

/** The worklist pages' contract (the form the accounts page posts to) and their server-side role checks. */
@DunwellIntegrationTest
class WorklistPagesTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Invoices invoices;
    @Autowired Baskets baskets;
    @Autowired Clock clock;
    @Autowired Timeline timeline;

    @Test
    void basketFormTakesAccountIdsAsTheAccountsListCarriesThem() throws Exception {
        Account first = account("<b>Bold</b> Customer");
        Account second = account("Second Customer");

        mvc.perform(post("/worklists/baskets").param("name", "From the accounts page")
                        .param("accountIds", first.getExternalId(), second.getExternalId()).with(csrf()).with(user("pagesagent").roles("AGENT")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/worklists/baskets/*"));

        Basket basket = baskets.visibleTo("pagesagent", false, BasketStatus.PENDING).get(0);
        assertThat(basket.accountIds()).containsExactly(first.getId(), second.getId());
        mvc.perform(get("/worklists/baskets/" + basket.getId()).with(user("pagesagent").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;b&gt;Bold&lt;/b&gt; Customer")))
                .andExpect(content().string(containsString("Start collection session")));
        mvc.perform(get("/worklists").with(user("pagesagent").roles("AGENT")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("From the accounts page")));
    }

    @Test
    void badBasketFormMakesNothingAndSaysWhy() throws Exception {
        mvc.perform(post("/worklists/baskets").param("name", "").with(csrf()).with(user("pagesagent2").roles("AGENT")))
                .andExpect(redirectedUrl("/worklists"))
                .andExpect(flash().attribute("error", containsString("accountIds: Pick at least one account")));
        assertThat(baskets.visibleTo("pagesagent2", false, BasketStatus.PENDING)).isEmpty();
    }

    @Test
    void anotherAgentMayNeitherSeeTheBasketNorActInItsSession() throws Exception {
        Account account = account("Guarded Customer");
        Basket basket = baskets.create("Guarded", List.of(account.getExternalId()), "pagesowner").value();

        mvc.perform(get("/worklists/baskets/" + basket.getId()).with(user("pagesintruder").roles("AGENT")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/worklists/baskets/" + basket.getId() + "/session").with(csrf()).with(user("pagesintruder").roles("AGENT")))
                .andExpect(status().isForbidden());
        assertThat(baskets.require(basket.getId()).getStatus()).isEqualTo(BasketStatus.PENDING);

        // a supervisor may start it for the owner and look on
        mvc.perform(post("/worklists/baskets/" + basket.getId() + "/session").with(csrf()).with(user("pagessupervisor").roles("SUPERVISOR")))
                .andExpect(status().is3xxRedirection());
        String session = baskets.require(basket.getId()).getSessionProcessInstanceId();
        mvc.perform(get("/worklists/sessions/" + session).with(user("pagesintruder").roles("AGENT"))).andExpect(status().isForbidden());
        mvc.perform(post("/worklists/sessions/" + session + "/accounts/" + account.getId() + "/outcome").param("outcome", "completed")
                .with(csrf()).with(user("pagesintruder").roles("AGENT"))).andExpect(status().isForbidden());
        mvc.perform(get("/worklists/sessions/" + session).with(user("pagesowner").roles("AGENT")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Account 1 of 1")));
        assertThat(baskets.require(basket.getId()).workedCount()).isZero();
    }

    @Test
    void theAgentAbandonsTheSessionFromItsPageAndOnlyTheOwnerOrASupervisorMay() throws Exception {
        Account account = account("Abandoned Customer");
        Basket basket = baskets.create("Abandon me", List.of(account.getExternalId()), "pagesquitter").value();
        String session = baskets.startSession(basket.getId(), "pagesquitter", false).getSessionProcessInstanceId();
        mvc.perform(get("/worklists/sessions/" + session).with(user("pagesquitter").roles("AGENT")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"abandon-session\"")));

        mvc.perform(post("/worklists/sessions/" + session + "/abandon").with(csrf()).with(user("pagesintruder").roles("AGENT")))
                .andExpect(status().isForbidden());
        assertThat(baskets.require(basket.getId()).getStatus()).isEqualTo(BasketStatus.IN_SESSION);

        mvc.perform(post("/worklists/sessions/" + session + "/abandon").with(csrf()).with(user("pagesquitter").roles("AGENT")))
                .andExpect(redirectedUrl("/worklists/baskets/" + basket.getId()))
                .andExpect(flash().attribute("notice", containsString("Session abandoned: 0 of 1")));
        assertThat(baskets.require(basket.getId()).getStatus()).isEqualTo(BasketStatus.PENDING);
        mvc.perform(get("/worklists/baskets/" + basket.getId()).with(user("pagesquitter").roles("AGENT")))
                .andExpect(content().string(containsString("last session abandoned by pagesquitter")))
                .andExpect(content().string(containsString("Start collection session")));
    }

    @Test
    void contactDetailsChangedInASessionLandInTheTimelineWithWhoChangedThem() throws Exception {
        Account account = account("Moved Customer");
        Basket basket = baskets.create("Contacts", List.of(account.getExternalId()), "pagescaller").value();
        String session = baskets.startSession(basket.getId(), "pagescaller", false).getSessionProcessInstanceId();

        mvc.perform(post("/worklists/sessions/" + session + "/accounts/" + account.getId() + "/contact")
                        .param("email", "new-ap@customer.example").param("phone", "+44 20 7946 0000")
                        .with(csrf()).with(user("pagescaller").roles("AGENT")))
                .andExpect(flash().attribute("notice", "Contact details saved."));

        assertThat(timeline.of(account.getId())).extracting(TimelineEntry::getSummary).contains("Contact details changed by pagescaller:"
                + " email " + account.getEmail() + " → new-ap@customer.example; phone (none) → +44 20 7946 0000");
    }

    private Account account(String name) {
        Account account = accounts.upsert("ACC-" + UUID.randomUUID(), new AccountDetails(name, "pages-" + UUID.randomUUID()
                + "@customer.example", null, "en-US", "UTC", "EUR", null)).account();
        invoices.upsert(new InvoiceCommand("EXT-" + UUID.randomUUID(), account.getExternalId(), "INV-1",
                account.today(clock).minusDays(50), account.today(clock).minusDays(35), "EUR", new BigDecimal("99.00"), null, null));
        return account;
    }
}
