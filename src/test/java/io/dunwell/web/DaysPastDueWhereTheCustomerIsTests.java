package io.dunwell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.account.CollectionStatus;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.reporting.Portfolio;
import io.dunwell.reporting.ScatterPoint;
import io.dunwell.settings.OverdueCondition;
import io.dunwell.system.SharedClock;

/**
 * At 20:00 UTC it is already tomorrow in Auckland: an invoice due 70 UTC days ago is 71 days past
 * due for the customer there, on every console page, as the dunning counts it; in Los Angeles it is
 * still today. Amounts show their currency's decimals: none for JPY, two for EUR.
 */
@DunwellIntegrationTest
class DaysPastDueWhereTheCustomerIsTests {

    private static final RequestPostProcessor SUPERVISOR = user("sarah").roles("SUPERVISOR");

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Invoices invoices;
    @Autowired SharedClock clock;
    @Autowired Portfolio portfolio;

    String token;
    String agent;
    LocalDate utcToday;

    @BeforeEach
    void lateEveningInUtc() {
        utcToday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        clock.setNow(utcToday.atTime(20, 0).toInstant(ZoneOffset.UTC));
        token = ConsoleAccounts.token();
        agent = "tz" + token;
    }

    @AfterEach
    void restoreClock() {
        clock.reset();
    }

    @Test
    void anAucklandCustomersDaysPastDueCountFromAucklandsDate() throws Exception {
        Account auckland = account(token + " Kiwi", "Pacific/Auckland", "JPY");
        String invoice = invoice(auckland, utcToday.minusDays(70), "250000");

        mvc.perform(get("/accounts").param("q", token).with(SUPERVISOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<td class=\"num overdue\">71</td>")))
                .andExpect(content().string(containsString("250,000 <span class=\"muted\">JPY</span>")))
                .andExpect(content().string(not(containsString("250,000.00"))));
        mvc.perform(get("/invoices").param("q", token).with(SUPERVISOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<td class=\"num overdue\">71</td>")))
                .andExpect(content().string(containsString("250,000 <span class=\"muted\">JPY</span>")));
        mvc.perform(get("/invoices/" + invoice).with(SUPERVISOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("71 days overdue")))
                .andExpect(content().string(containsString("250,000 JPY")));
        mvc.perform(get("/accounts/" + auckland.getExternalId()).with(SUPERVISOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<div class=\"label\">Days past due</div><div class=\"value\">71</div>")));
        assertThat(portfolio.scatter("JPY", new OverdueCondition(0, BigDecimal.ZERO), agent, 10)).extracting(ScatterPoint::daysPastDue).containsExactly(71L);
        assertThat(portfolio.assignedTo(agent, 10)).singleElement().satisfies(row -> assertThat(row.daysPastDue()).isEqualTo(71L));
    }

    @Test
    void aLosAngelesCustomerIsStillOnUtcsDateAndEuroAmountsKeepTheirCents() throws Exception {
        Account losAngeles = account(token + " Angeleno", "America/Los_Angeles", "EUR");
        invoice(losAngeles, utcToday.minusDays(70), "1234.50");

        mvc.perform(get("/accounts").param("q", token).with(SUPERVISOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<td class=\"num overdue\">70</td>")))
                .andExpect(content().string(containsString("1,234.50 <span class=\"muted\">EUR</span>")));
        assertThat(portfolio.assignedTo(agent, 10)).singleElement().satisfies(row -> assertThat(row.daysPastDue()).isEqualTo(70L));
    }

    private Account account(String name, String zone, String currency) {
        Account account = accounts.upsert("ACC-" + UUID.randomUUID(), new AccountDetails(name, "ap@customer.example", null, "en-US",
                zone, currency, null)).account();
        accounts.assignAgent(account.getId(), agent);
        // the dashboard's plot shows accounts in collections only
        accounts.changeCollectionStatus(account.getId(), CollectionStatus.IN_COLLECTIONS);
        return account;
    }

    private String invoice(Account account, LocalDate due, String amount) {
        String externalId = "EXT-" + UUID.randomUUID();
        invoices.upsert(new InvoiceCommand(externalId, account.getExternalId(), "INV-" + token, due.minusDays(30), due,
                account.getCurrency(), new BigDecimal(amount), null, null));
        return externalId;
    }
}
