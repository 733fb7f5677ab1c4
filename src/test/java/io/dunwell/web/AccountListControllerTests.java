package io.dunwell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.dunwell.reporting.AccountFilter;
import io.dunwell.reporting.AccountsInCollections;
import io.dunwell.settings.AgingBuckets;
import io.dunwell.settings.ConsoleSettings;
import io.dunwell.settings.OverdueCondition;

@ConsoleWebMvcTest
class AccountListControllerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountsInCollections accounts;
    @Autowired
    ConsoleSettings settings;

    @BeforeEach
    void accountsInCollections() {
        given(settings.inCollections()).willReturn(new OverdueCondition(30, new BigDecimal("50")));
        given(settings.agingBuckets()).willReturn(AgingBuckets.DEFAULT);
        given(accounts.find(any(), any())).willReturn(new AccountsInCollections.Page(List.of(
                new AccountsInCollections.Row("ACC-JP", "<script>alert(1)</script> KK", "IN_COLLECTIONS", "bob", "JPY",
                        new BigDecimal("250000"), LocalDate.parse("2026-01-01"), 61),
                new AccountsInCollections.Row("ACC-EU", "Euro GmbH", "PROMISE_TO_PAY", null, "EUR",
                        new BigDecimal("1234.50"), LocalDate.parse("2026-02-01"), 29)), 2, 1, AccountFilter.PAGE_SIZE));
    }

    @Test
    void theStatusFilterOffersTheStatusesAddedInTheSettings() throws Exception {
        given(settings.collectionStatuses()).willReturn(List.of("GOOD_STANDING", "IN_COLLECTIONS", "LEGAL_REVIEW"));

        mvc.perform(get("/accounts").param("status", "LEGAL_REVIEW").with(user("alice").roles("AGENT")))
                .andExpect(content().string(containsString("<option value=\"LEGAL_REVIEW\" selected>Legal review</option>")));
    }

    @Test
    void theListShowsNamesAsTextAndAmountsWithTheirCurrencysDecimals() throws Exception {
        mvc.perform(get("/accounts").with(user("alice").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt; KK")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("250,000 <span class=\"muted\">JPY</span>")))
                .andExpect(content().string(containsString("1,234.50 <span class=\"muted\">EUR</span>")))
                .andExpect(content().string(containsString("<td class=\"num overdue\">61</td>")));
    }

    @Test
    void withoutParametersTheListFollowsTheInCollectionsSetting() throws Exception {
        mvc.perform(get("/accounts").with(user("alice").roles("AGENT"))).andExpect(status().isOk());

        ArgumentCaptor<AccountFilter> filter = ArgumentCaptor.forClass(AccountFilter.class);
        verify(accounts).find(filter.capture(), eq("alice"));
        assertThat(filter.getValue().minDaysOverdue()).isEqualTo(30);
        assertThat(filter.getValue().minBalance()).isEqualByComparingTo("50");
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/accounts").accept("text/html")).andExpect(redirectedUrlPattern("**/login"));
    }
}
