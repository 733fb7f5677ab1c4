package io.dunwell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.dunwell.agent.Agent;
import io.dunwell.agent.Agents;
import io.dunwell.notification.FailedNotices;
import io.dunwell.notification.MailOutage;
import io.dunwell.notification.MailOutages;
import io.dunwell.reporting.AgentLoad;
import io.dunwell.reporting.CurrencyMetrics;
import io.dunwell.reporting.KeyMetrics;
import io.dunwell.reporting.KeyMetricsReport;
import io.dunwell.reporting.Period;
import io.dunwell.reporting.Portfolio;
import io.dunwell.reporting.ScatterPoint;
import io.dunwell.reporting.Standing;
import io.dunwell.settings.AgingBucket;
import io.dunwell.settings.AgingBuckets;
import io.dunwell.settings.ConsoleSettings;
import io.dunwell.settings.OverdueCondition;
import io.dunwell.reporting.Trend;

@ConsoleWebMvcTest
class DashboardControllerTests {

    private static final OverdueCondition IN_COLLECTIONS = new OverdueCondition(0, BigDecimal.ZERO);

    @Autowired
    MockMvc mvc;
    @Autowired
    Portfolio portfolio;
    @Autowired
    KeyMetrics metrics;
    @Autowired
    Agents agents;
    @Autowired
    ConsoleSettings settings;
    @Autowired
    MailOutages mailOutages;
    @Autowired
    FailedNotices failedNotices;

    @BeforeEach
    void aYenAndAEuroPortfolio() {
        AgingBuckets aging = new AgingBuckets(List.of(new AgingBucket("Current", 0, 0), new AgingBucket("1+", 1, null)));
        given(settings.agingBuckets()).willReturn(aging);
        given(settings.inCollections()).willReturn(IN_COLLECTIONS);
        given(mailOutages.now()).willReturn(new MailOutage(0, null, 0));
        given(portfolio.currencies()).willReturn(List.of("JPY", "EUR"));
        given(portfolio.standing(IN_COLLECTIONS, null)).willReturn(new Standing(Map.of("IN_COLLECTIONS", 2L, "GOOD_STANDING", 5L), 2));
        given(portfolio.inCollectionsByAge(aging, IN_COLLECTIONS, null)).willReturn(List.of(0L, 2L));
        given(portfolio.scatter(eq("JPY"), eq(IN_COLLECTIONS), isNull(), anyInt())).willReturn(List.of(new ScatterPoint("ACC-JP",
                "</script><script>alert(1)</script>", "bob", "IN_COLLECTIONS", 61, new BigDecimal("250000"), "JPY")));
        given(portfolio.agents()).willReturn(List.of(new AgentLoad("bob", 2,
                Map.of("JPY", new BigDecimal("250000")), Map.of("IN_COLLECTIONS", 2L))));
        given(agents.list()).willReturn(List.of(new Agent("bob", "Bob <Agent>", null, true, null)));
        Trend flat = new Trend(BigDecimal.TEN, BigDecimal.TEN);
        given(metrics.report(any())).willReturn(new KeyMetricsReport(Period.last30Days(LocalDate.parse("2026-03-02")), aging,
                List.of(new CurrencyMetrics("JPY", flat, flat, new BigDecimal("250000"), new BigDecimal("250000"),
                                List.of(BigDecimal.ZERO, new BigDecimal("250000"))),
                        new CurrencyMetrics("EUR", flat, flat, new BigDecimal("1234.50"), BigDecimal.ZERO,
                                List.of(new BigDecimal("1234.50"), new BigDecimal("0.00")))),
                flat, flat, flat, 3, 1));
    }

    @Test
    void theAgingTableShowsEachCurrencyWithItsDecimals() throws Exception {
        mvc.perform(get("/").with(user("alice").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">250,000</td>")))
                .andExpect(content().string(containsString(">1,234.50</td>")))
                .andExpect(content().string(not(containsString("250,000.00"))))
                .andExpect(content().string(containsString("Bob &lt;Agent&gt;")));
    }

    @Test
    void theChartDataCannotEndItsScriptElementAndCarriesTheCurrencysDecimals() throws Exception {
        String page = mvc.perform(get("/").with(user("alice").roles("AGENT"))).andReturn().getResponse().getContentAsString();

        assertThat(page).doesNotContain("</script><script>alert(1)");
        String chartData = (String) mvc.perform(get("/").with(user("alice").roles("AGENT"))).andReturn().getModelAndView()
                .getModel().get("chartData");
        assertThat(chartData).contains("\"currency\":\"JPY\"", "\"digits\":0", "\"x\":61");
        String euro = (String) mvc.perform(get("/").param("currency", "EUR").with(user("alice").roles("AGENT"))).andReturn()
                .getModelAndView().getModel().get("chartData");
        assertThat(euro).contains("\"currency\":\"EUR\"", "\"digits\":2");
    }

    @Test
    void anSmtpOutageShowsHowManyMailsWaitSinceWhenAndHowManyFailed() throws Exception {
        given(mailOutages.now()).willReturn(new MailOutage(137, Instant.parse("2026-03-02T10:42:00Z"), 3));

        mvc.perform(get("/").with(user("alice").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mail delivery failing</strong> since 2026-03-02 10:42 UTC")))
                .andExpect(content().string(containsString("137 mails refused by the SMTP server are still unsent")))
                .andExpect(content().string(containsString("3 ran out of retries")))
                .andExpect(content().string(not(containsString("Retry all failed mail"))));
    }

    @Test
    void adminsGetOneButtonThatRetriesEveryFailedMail() throws Exception {
        given(mailOutages.now()).willReturn(new MailOutage(0, null, 3));
        given(failedNotices.retryAll()).willReturn(3);

        mvc.perform(get("/").with(user("admin").roles("ADMIN")))
                .andExpect(content().string(containsString("action=\"/mail/retry-failed\"")))
                .andExpect(content().string(containsString("Retry all failed mail")));
        mvc.perform(post("/mail/retry-failed").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("mailRetried", 3));
        verify(failedNotices).retryAll();
    }

    @Test
    void supervisorsMayNotRetryEveryFailedMail() throws Exception {
        mvc.perform(post("/mail/retry-failed").with(user("sarah").roles("SUPERVISOR")).with(csrf()))
                .andExpect(status().isForbidden());
        verify(failedNotices, never()).retryAll();
    }

    @Test
    void noBannerWhileMailGetsOut() throws Exception {
        mvc.perform(get("/").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"mail-outage\""))));
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/").accept("text/html")).andExpect(redirectedUrlPattern("**/login"));
    }
}
