package io.dunwell.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.springframework.security.access.AccessDeniedException;

import io.dunwell.reporting.AccountFilter;
import io.dunwell.reporting.AccountsInCollections;
import io.dunwell.bulk.BulkActions;
import io.dunwell.system.NotFoundException;
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
                .andExpect(content().string(containsString("&quot;thirty&quot; is not a whole number")));

        verifyNoInteractions(accountList);
        verify(bulkActions, never()).run(any(), any(), any());
    }

    @Test
    void lettersForTheFiltersBalanceAreRefusedToo() throws Exception {
        mvc.perform(post("/accounts/bulk/preview").param("action", "addFlags").param("allMatching", "true")
                        .param("minBalance", "1e3x").with(user("sarah").roles("SUPERVISOR")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&quot;1e3x&quot; is not an amount like 1234.56")));

        verify(bulkActions, never()).run(any(), any(), any());
    }

    @Test
    void writeOffOnEveryMatchingAccountWithAnEmptyFilterIsRefusedAndNothingRuns() throws Exception {
        given(bulkActions.isDestructive("writeOff")).willReturn(true);

        mvc.perform(post("/accounts/bulk/preview").param("action", "writeOff").param("allMatching", "true")
                        .with(user("sarah").roles("SUPERVISOR")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The filter is empty")));

        verifyNoInteractions(accountList);
        verify(bulkActions, never()).run(any(), any(), any());
    }

    @Test
    void anUnknownRunIsNotFoundAndSoIsItsFile() throws Exception {
        given(bulkActions.find(404L)).willThrow(new NotFoundException("No bulk action 404"));
        given(bulkActions.file(404L)).willThrow(new NotFoundException("No bulk action 404"));

        mvc.perform(get("/accounts/bulk/404").with(user("sarah").roles("SUPERVISOR"))).andExpect(status().isNotFound());
        mvc.perform(get("/accounts/bulk/404/file").with(user("sarah").roles("SUPERVISOR"))).andExpect(status().isNotFound());
    }

    @Test
    void theRequesterApprovingTheirOwnRunIsForbidden() throws Exception {
        given(bulkActions.decide(eq(7L), anyBoolean(), any(), any())).willThrow(new AccessDeniedException("You requested bulk action 7"));

        mvc.perform(post("/accounts/bulk/7/approval").param("approve", "true").with(user("sarah").roles("SUPERVISOR")).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
