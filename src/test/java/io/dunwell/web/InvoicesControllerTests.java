package io.dunwell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.dunwell.account.Accounts;
import io.dunwell.invoice.InvoiceBrowser;
import io.dunwell.invoice.Invoices;
import io.dunwell.settings.ConsoleSettings;
import io.dunwell.settings.OverdueCondition;

@ConsoleWebMvcTest
class InvoicesControllerTests {

    static final RequestPostProcessor AGENT = user("alice").roles("AGENT");

    @Autowired
    MockMvc mvc;
    @Autowired
    InvoiceBrowser browser;
    @Autowired
    Invoices invoices;
    @Autowired
    Accounts accounts;
    @Autowired
    ConsoleSettings settings;

    @BeforeEach
    void criticalInvoices() {
        given(settings.criticalInvoices()).willReturn(new OverdueCondition(60, new BigDecimal("1000")));
        InvoiceBrowser.Row yen = row("INV-JP", "J-1", "JPY", "250000", "<img src=x onerror=alert(1)> KK");
        InvoiceBrowser.Row euro = row("INV-EU", "E-1", "EUR", "1234.50", "Euro GmbH");
        given(browser.critical(any(), anyInt(), any())).willReturn(new InvoiceBrowser.Page(List.of(yen, euro), 1, null, null));
        given(browser.plot(any())).willReturn(List.of(yen, euro));
    }

    @Test
    void theListShowsEachAmountWithItsCurrencysDecimalsAndNamesAsText() throws Exception {
        mvc.perform(get("/invoices").with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("250,000 <span class=\"muted\">JPY</span>")))
                .andExpect(content().string(containsString("1,234.50 <span class=\"muted\">EUR</span>")))
                .andExpect(content().string(not(containsString("250,000.00"))))
                .andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt; KK")))
                .andExpect(content().string(not(containsString("<img src=x"))));
    }

    @Test
    void thePlotsTooltipsWriteAmountsAsTheTableDoes() throws Exception {
        String plot = (String) mvc.perform(get("/invoices").with(AGENT)).andReturn().getModelAndView().getModel().get("plotJson");

        assertThat(plot).contains("J-1 · <img src=x onerror=alert(1)> KK · 250,000 JPY").contains("E-1 · Euro GmbH · 1,234.50 EUR");
    }

    @Test
    void anInvoicesDaysOverdueCountFromTheCustomersDate() throws Exception {
        // 2026-03-02 20:00 UTC on the slice's clock is 2026-03-03 in Auckland
        var invoice = SliceFixtures.openInvoice("INV-JP", "J-1", LocalDate.parse("2026-01-01"), "JPY", "250000");
        given(invoices.view("INV-JP")).willReturn(Optional.of(new Invoices.InvoiceView(invoice, "ACC-1")));
        given(accounts.require("ACC-1")).willReturn(SliceFixtures.account("ACC-1", "Kiwi", "Pacific/Auckland", "JPY"));

        mvc.perform(get("/invoices/INV-JP").with(AGENT))
                .andExpect(status().isOk())
                .andExpect(model().attribute("daysOverdue", 61L))
                .andExpect(content().string(containsString("61 days overdue")))
                .andExpect(content().string(containsString("250,000 JPY")));
    }

    @Test
    void aBrokenPageLinkIsABadRequest() throws Exception {
        mvc.perform(get("/invoices").param("at", "sideways:12:2026-01-01").with(AGENT)).andExpect(status().isBadRequest());
    }

    @Test
    void anUnknownInvoiceIsNotFound() throws Exception {
        mvc.perform(get("/invoices/NOPE").with(AGENT)).andExpect(status().isNotFound());
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/invoices").accept("text/html")).andExpect(redirectedUrlPattern("**/login"));
    }

    private static InvoiceBrowser.Row row(String externalId, String number, String currency, String balance, String accountName) {
        return new InvoiceBrowser.Row(number.hashCode(), externalId, number, LocalDate.parse("2025-12-01"), 92, currency, new BigDecimal(balance),
                new BigDecimal(balance), "OPEN", "ACC-" + number, accountName, null, "IN_COLLECTIONS");
    }
}
