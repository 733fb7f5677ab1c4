package io.dunwell.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.account.CollectionStatus;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;

@DunwellIntegrationTest
class DashboardPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Invoices invoices;
    @Autowired
    Clock clock;

    @Test
    void agentSeesTheKeyMetricsAndHowTheyAreCalculated() throws Exception {
        mvc.perform(get("/").with(user("alice").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("DSO"), containsString("CEI"), containsString("Avg days past due"),
                        containsString("Falling behind"), containsString("Promise kept rate"),
                        containsString("DSO = ending receivables ÷ credit sales in the period × days in the period"),
                        containsString("CEI = (beginning receivables + credit sales − ending total receivables)"),
                        containsString("id=\"dashboard-data\""), containsString("/webjars/chart.js/dist/chart.umd.min.js"))));
    }

    @Test
    void accountNamesReachTheChartsAsDataNeverAsMarkup() throws Exception {
        // only this test books Icelandic krónur, so its scatter shows just this account
        LocalDate today = LocalDate.now(clock);
        Account account = accounts.upsert("DB-" + UUID.randomUUID(),
                new AccountDetails("</script><script>alert(1)</script>", null, null, "en", "UTC", "ISK", null)).account();
        invoices.upsert(new InvoiceCommand("DB-INV-" + UUID.randomUUID(), account.getExternalId(), "N-1",
                today.minusDays(60), today.minusDays(40), "ISK", new BigDecimal("5000"), null, null));
        accounts.changeCollectionStatus(account.getId(), CollectionStatus.IN_COLLECTIONS);

        mvc.perform(get("/").param("currency", "ISK").with(user("alice").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        not(containsString("<script>alert(1)")),
                        containsString("\\u003C\\u002Fscript\\u003E\\u003Cscript\\u003Ealert(1)"),
                        containsString("ISK accounts"))));
    }
}
