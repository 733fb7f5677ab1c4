package io.dunwell.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.dunwell.bulk.BulkActions;
import io.dunwell.settings.ConsoleSettings;
import io.dunwell.settings.OverdueCondition;

@ConsoleWebMvcTest
class BulkActionsControllerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    BulkActions bulkActions;
    @Autowired
    AccountsInCollections accountList;
    @Autowired
    ConsoleSettings settings;

    @BeforeEach
    void theDefaultCondition() {
        given(settings.inCollections()).willReturn(new OverdueCondition(30, BigDecimal.ZERO));
    }

    @Test
    void lettersForTheFiltersDaysAreRefusedOnThePreviewAndNothingRuns() throws Exception {
        mvc.perform(post("/accounts/bulk/preview").param("action", "addFlags").param("allMatching", "true")
                        .param("minDays", "thirty").with(user("sarah").roles("SUPERVISOR")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&quot;thirty&quot; is not a whole number of days")));

        verifyNoInteractions(accountList);
        verify(bulkActions, never()).run(any(), any(), any());
    }

    @Test
    void lettersForTheFiltersBalanceAreRefusedToo() throws Exception {
        mvc.perform(post("/accounts/bulk/preview").param("action", "addFlags").param("allMatching", "true")
                        .param("minBalance", "1e3x").with(user("sarah").roles("SUPERVISOR")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&quot;1e3x&quot; is not a number")));

        verify(bulkActions, never()).run(any(), any(), any());
    }
}
