package io.dunwell.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.dunwell.dunning.DunningSchedule;
import io.dunwell.notification.RenderedNotice;
import io.dunwell.settings.AgingBucket;
import io.dunwell.settings.AgingBuckets;
import io.dunwell.settings.ConsoleSettings;
import io.dunwell.settings.OverdueCondition;
import io.dunwell.settings.SettingRejected;
import io.dunwell.settings.TemplatePreviews;

@ConsoleWebMvcTest
class SettingsControllerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ConsoleSettings settings;
    @Autowired
    DunningSchedule schedule;
    @Autowired
    TemplatePreviews previews;

    @BeforeEach
    void storedSettings() {
        given(settings.agingBuckets()).willReturn(new AgingBuckets(List.of(new AgingBucket("Current", 0, 0), new AgingBucket("<b>Late</b>", 1, null))));
        given(settings.inCollections()).willReturn(new OverdueCondition(0, BigDecimal.ZERO));
        given(settings.criticalInvoices()).willReturn(new OverdueCondition(60, new BigDecimal("1000")));
        given(settings.customStatuses()).willReturn(List.of("LEGAL_REVIEW"));
        given(schedule.getCron()).willReturn("0 0 6 * * MON-FRI");
        given(previews.templates()).willReturn(List.of("reminder-1"));
        given(previews.render("reminder-1", Locale.US)).willReturn(new TemplatePreviews.Preview("reminder-1", Locale.US,
                new RenderedNotice("Your invoices", "<p>Dear customer</p>", "Dear customer")));
    }

    @Test
    void aSupervisorSeesTheStoredSettingsEscaped() throws Exception {
        mvc.perform(get("/settings").with(user("sarah").roles("SUPERVISOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("LEGAL_REVIEW")))
                .andExpect(content().string(containsString("0 0 6 * * MON-FRI")))
                .andExpect(content().string(containsString("value=\"&lt;b&gt;Late&lt;/b&gt;\"")))
                .andExpect(content().string(not(containsString("<b>Late</b>"))));
    }

    @Test
    void agentsMayNeitherSeeNorChangeSettings() throws Exception {
        mvc.perform(get("/settings").with(user("alice").roles("AGENT"))).andExpect(status().isForbidden());
        mvc.perform(post("/settings/statuses").param("status", "Legal").with(user("alice").roles("AGENT")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/settings/schedule").param("cron", "0 0 7 * * *").with(user("alice").roles("AGENT")).with(csrf()))
                .andExpect(status().isForbidden());

        verify(settings, never()).addCollectionStatus(anyString(), anyString());
        verify(settings, never()).changeRunCron(anyString(), anyString());
    }

    @Test
    void anAdminIsASupervisorToo() throws Exception {
        mvc.perform(post("/settings/statuses").param("status", "Legal review").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/settings?saved=statuses#statuses"));

        verify(settings).addCollectionStatus("Legal review", "admin");
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/settings/statuses").param("status", "Legal").with(user("sarah").roles("SUPERVISOR")))
                .andExpect(status().isForbidden());

        verifyNoInteractions(previews);
        verify(settings, never()).addCollectionStatus(anyString(), anyString());
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/settings").accept("text/html")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void aStatusStillInUseStaysAndThePageSaysHowManyAccountsHaveIt() throws Exception {
        willThrow(new SettingRejected("The status LEGAL_REVIEW is in use by 3 accounts and cannot be removed; give them another status first."))
                .given(settings).removeCollectionStatus("LEGAL_REVIEW", "sarah");

        mvc.perform(post("/settings/statuses/remove").param("status", "LEGAL_REVIEW").with(user("sarah").roles("SUPERVISOR")).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("in use by 3 accounts")))
                .andExpect(content().string(containsString("LEGAL_REVIEW")));
    }

    @Test
    void daysThatAreNoNumberAreShownBesideTheFormAndNothingIsSaved() throws Exception {
        mvc.perform(post("/settings/in-collections").param("days", "ten").param("amount", "100")
                        .with(user("sarah").roles("SUPERVISOR")).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Days overdue: &quot;ten&quot; is not a whole number")));

        verify(settings, never()).changeInCollections(any(), anyString());
    }
}
