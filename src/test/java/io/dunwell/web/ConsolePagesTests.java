package io.dunwell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
import io.dunwell.settings.ConsoleSettings;

@DunwellIntegrationTest
class ConsolePagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Invoices invoices;
    @Autowired
    ConsoleSettings settings;
    @Autowired
    Clock clock;

    @Test
    void agentsCannotChangeSettings() throws Exception {
        String before = settings.criticalInvoices().toString();
        mvc.perform(post("/settings/critical-invoices").param("days", "1").param("amount", "1").with(csrf())
                        .with(user("alice").roles("AGENT")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/settings").with(user("alice").roles("AGENT"))).andExpect(status().isForbidden());
        assertThat(settings.criticalInvoices()).hasToString(before);
    }

    @Test
    void overlappingBucketsComeBackWithTheErrorAndNothingChanges() throws Exception {
        var before = settings.agingBuckets();
        mvc.perform(post("/settings/buckets").with(csrf()).with(user("sarah").roles("SUPERVISOR"))
                        .param("name", "Current", "Early", "Late").param("from", "0", "1", "20").param("to", "0", "30", ""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Bucket 3 overlaps the one before")));
        assertThat(settings.agingBuckets()).isEqualTo(before);
    }

    @Test
    void settingsPageShowsEveryFormAndASandboxedPreview() throws Exception {
        mvc.perform(get("/settings").param("template", "final-notice").param("lang", "de").with(user("sarah").roles("SUPERVISOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Aging buckets")))
                .andExpect(content().string(containsString("Dunning run schedule")))
                .andExpect(content().string(containsString("promise-broken")))
                .andExpect(content().string(containsString("<iframe class=\"preview\" sandbox")))
                .andExpect(content().string(containsString("Muster &amp;amp; Sample Trading GmbH")));
    }

    @Test
    void criticalInvoicesFilterByAgentAndPageByFifty() throws Exception {
        String agent = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        Account account = account(agent);
        LocalDate today = LocalDate.now(clock);
        List<InvoiceCommand> commands = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            commands.add(invoice(account, "CRIT-" + agent + "-" + String.format("%02d", i), today.minusDays(100 + i), "5000.00"));
        }
        commands.add(invoice(account, "SMALL-" + agent, today.minusDays(100), "10.00"));
        commands.add(invoice(account, "RECENT-" + agent, today.minusDays(5), "5000.00"));
        invoices.upsertAll(commands);

        mvc.perform(get("/invoices").param("agent", agent).param("sort", "NEWEST").with(user("alice").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">CRIT-" + agent + "-00" + "</a>")))
                .andExpect(content().string(not(containsString(">CRIT-" + agent + "-50" + "</a>"))))
                .andExpect(content().string(not(containsString(">SMALL-" + agent + "</a>"))))
                .andExpect(content().string(not(containsString(">RECENT-" + agent + "</a>"))))
                .andExpect(content().string(containsString("rel=\"next\"")));
        mvc.perform(get("/invoices").param("agent", agent).param("sort", "NEWEST").param("page", "2").with(user("alice").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">CRIT-" + agent + "-50" + "</a>")))
                .andExpect(content().string(not(containsString("rel=\"next\""))));
        mvc.perform(get("/invoices").param("q", "CRIT-" + agent + "-07").with(user("alice").roles("AGENT")))
                .andExpect(content().string(containsString(">CRIT-" + agent + "-07" + "</a>")))
                .andExpect(content().string(not(containsString(">CRIT-" + agent + "-08" + "</a>"))));
    }

    @Test
    void invoicePageShowsTheInvoiceItsAccountAndTheNotesSection() throws Exception {
        Account account = account(null);
        InvoiceCommand command = invoice(account, "PAGE-" + UUID.randomUUID().toString().substring(0, 8),
                LocalDate.now(clock).minusDays(10), "1190.00");
        invoices.upsert(command);

        mvc.perform(get("/invoices/" + command.externalId()).with(user("alice").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(command.number())))
                .andExpect(content().string(containsString("href=\"/accounts/" + account.getExternalId() + "\"")))
                .andExpect(content().string(containsString("1,190.00 EUR")))
                .andExpect(content().string(containsString("hx-get=\"/invoices/" + command.externalId() + "/notes\"")));
        mvc.perform(get("/invoices/no-such-invoice").with(user("alice").roles("AGENT"))).andExpect(status().isNotFound());
    }

    private Account account(String agent) {
        Account account = accounts.upsert("ACC-" + UUID.randomUUID(), new AccountDetails("Console Test GmbH", null, null,
                "de-DE", "Europe/Berlin", "EUR", null)).account();
        if (agent != null) {
            accounts.assignAgent(account.getId(), agent);
        }
        return account;
    }

    private static InvoiceCommand invoice(Account account, String number, LocalDate due, String balance) {
        return new InvoiceCommand("EXT-" + UUID.randomUUID(), account.getExternalId(), number, due.minusDays(14), due,
                "EUR", new BigDecimal(balance), new BigDecimal(balance), null);
    }
}
