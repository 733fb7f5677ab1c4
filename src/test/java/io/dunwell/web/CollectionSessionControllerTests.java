package io.dunwell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.Balances;
import io.dunwell.invoice.Receivables;
import io.dunwell.notes.NoteThread;
import io.dunwell.notes.Notes;
import io.dunwell.payment.PaymentCommand;
import io.dunwell.payment.Payments;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.ConflictException;
import io.dunwell.system.NotFoundException;
import io.dunwell.timeline.Timeline;
import io.dunwell.timeline.TimelineEntry;
import io.dunwell.worklist.Basket;
import io.dunwell.worklist.CollectionSessions;
import io.dunwell.worklist.SessionOutcome;
import io.dunwell.worklist.SessionPromises;
import io.dunwell.worklist.SessionTurn;

/**
 * The collection session's page and its forms. Who may act (the session's agent or a supervisor) and
 * whether the account is still at hand is the service's to say: here it refuses, and the page shows it.
 */
@ConsoleWebMvcTest
class CollectionSessionControllerTests {

    static final String SESSION = "/worklists/sessions/pi-1";
    static final String AT_HAND = SESSION + "/accounts/7";

    @Autowired
    MockMvc mvc;
    @Autowired
    CollectionSessions sessions;
    @Autowired
    SessionPromises promises;
    @Autowired
    Accounts accounts;
    @Autowired
    Receivables receivables;
    @Autowired
    Payments payments;
    @Autowired
    Notes notes;
    @Autowired
    Timeline timeline;

    /** Alice's session over accounts 7 and 8: account 7 at hand. */
    Basket basket;
    Account atHand;

    @BeforeEach
    void alicesSessionAtItsFirstAccount() {
        basket = BasketFixtures.inSession(BasketFixtures.pending(5L, "<b>30+</b> days", "alice", 7L, 8L), "pi-1");
        given(sessions.current("pi-1")).willReturn(new SessionTurn(basket, "task-1", 7L, 1, 2));
        given(sessions.current("gone")).willThrow(new NotFoundException("No collection session gone"));
        atHand = SliceFixtures.account("ACC-1", "Riverbend <script>Foods</script> Corp.", "America/New_York", "USD");
        Account next = SliceFixtures.account("ACC-2", "Euro GmbH", "Europe/Berlin", "EUR");
        ReflectionTestUtils.setField(next, "id", 8L);
        given(accounts.get(7L)).willReturn(atHand);
        given(accounts.get(8L)).willReturn(next);
        given(accounts.externalIdOf(7L)).willReturn("ACC-1");
        given(receivables.balancesOf(atHand)).willReturn(new Balances("USD", new BigDecimal("1250.00"), new BigDecimal("1000.00"),
                BigDecimal.ZERO, 1, LocalDate.parse("2026-01-15"), 46));
        given(receivables.invoicesOf(7L)).willReturn(List.of(
                SliceFixtures.openInvoice("INV-1", "<i>2026-001</i>", LocalDate.parse("2026-01-15"), "USD", "1250.00")));
    }

    @Test
    void theAccountAtHandIsShownAsTextWithItsTotalsAndTimeline() throws Exception {
        given(timeline.of(7L)).willReturn(List.of(entry("older"), entry("Call <script>logged</script>")));

        mvc.perform(get(SESSION).with(user("alice").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Riverbend &lt;script&gt;Foods&lt;/script&gt; Corp.</h1>")))
                .andExpect(content().string(containsString("Account 1 of 2")))
                .andExpect(content().string(containsString("&lt;i&gt;2026-001&lt;/i&gt;")))
                .andExpect(content().string(containsString("1,250.00 <span class=\"muted\">USD</span>")))
                .andExpect(content().string(containsString("Call &lt;script&gt;logged&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>"))))
                .andExpect(content().string(containsString("action=\"" + AT_HAND + "/outcome\"")))
                .andExpect(content().string(containsString("hx-post=\"" + AT_HAND + "/payment\"")))
                // the newest entry first
                .andExpect(content().string(matchesRegex("(?s).*Call &lt;script&gt;logged.*older.*")));
    }

    @Test
    void afterTheLastAccountThePageListsTheOutcomesAndOffersToComplete() throws Exception {
        BasketFixtures.worked(basket, 0, SessionOutcome.COMPLETED, "promised <b>to pay</b>", null);
        BasketFixtures.worked(basket, 1, SessionOutcome.SKIPPED, "no answer", null);
        given(sessions.current("pi-1")).willReturn(new SessionTurn(basket, "task-9", null, 2, 2));

        mvc.perform(get(SESSION).with(user("alice").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("All 2 accounts worked")))
                .andExpect(content().string(containsString("promised &lt;b&gt;to pay&lt;/b&gt;")))
                .andExpect(content().string(containsString("<td>skipped</td>")))
                .andExpect(content().string(containsString("id=\"complete-session\"")));
    }

    @Test
    void onlyTheSessionsAgentOrASupervisorSeesIt() throws Exception {
        mvc.perform(get(SESSION).with(user("bob").roles("AGENT"))).andExpect(status().isForbidden());
        mvc.perform(get(SESSION).with(user("sarah").roles("SUPERVISOR"))).andExpect(status().isOk());
    }

    @Test
    void anUnknownSessionIsNotFound() throws Exception {
        mvc.perform(get("/worklists/sessions/gone").with(user("alice").roles("AGENT"))).andExpect(status().isNotFound());
        mvc.perform(post("/worklists/sessions/gone/complete").with(user("alice").roles("AGENT")).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void skippingTheAccountAtHandPassesTheOutcomeOnAndNamesTheAccount() throws Exception {
        mvc.perform(as("alice", post(AT_HAND + "/outcome").param("outcome", "skipped").param("outcomeReason", "no answer")))
                .andExpect(redirectedUrl(SESSION))
                // the name's own full stop ends the sentence
                .andExpect(flash().attribute("notice", "Skipped Riverbend <script>Foods</script> Corp."));

        verify(sessions).work("pi-1", 7L, "skipped", "no answer", null, "alice", false);
    }

    @Test
    void aSupervisorWorksTheSessionAsSupervisor() throws Exception {
        mvc.perform(post(AT_HAND + "/outcome").param("outcome", "completed").with(user("sarah").roles("SUPERVISOR")).with(csrf()))
                .andExpect(flash().attribute("notice", "Completed Riverbend <script>Foods</script> Corp."));

        verify(sessions).work("pi-1", 7L, "completed", null, null, "sarah", true);
    }

    @Test
    void aRefusedOutcomeLeavesTheAccountAtHandWithTheReason() throws Exception {
        willThrow(new BadRequestException("outcomeReason", "A skipped account needs a reason"))
                .given(sessions).work("pi-1", 7L, "skipped", null, null, "alice", false);

        mvc.perform(as("alice", post(AT_HAND + "/outcome").param("outcome", "skipped")))
                .andExpect(redirectedUrl(SESSION))
                .andExpect(flash().attribute("error", containsString("Nothing saved: ")))
                .andExpect(flash().attribute("error", containsString("A skipped account needs a reason")));
    }

    @Test
    void anOutcomeTheServiceRefusesTheUserIsForbidden() throws Exception {
        willThrow(new AccessDeniedException("bob may not work basket 5"))
                .given(sessions).work(eq("pi-1"), eq(7L), any(), any(), any(), eq("bob"), eq(false));

        mvc.perform(as("bob", post(AT_HAND + "/outcome").param("outcome", "completed"))).andExpect(status().isForbidden());
    }

    @Test
    void completingTheSessionReturnsToItsBasket() throws Exception {
        mvc.perform(as("alice", post(SESSION + "/complete")))
                .andExpect(redirectedUrl("/worklists/baskets/5"))
                .andExpect(flash().attribute("notice", "Session \"<b>30+</b> days\" completed."));

        verify(sessions).complete("pi-1", "alice", false);
    }

    @Test
    void completingTooEarlyStaysInTheSessionWithTheReason() throws Exception {
        willThrow(new ConflictException("Work every account first: 0 of 2 done")).given(sessions).complete("pi-1", "alice", false);

        mvc.perform(as("alice", post(SESSION + "/complete")))
                .andExpect(redirectedUrl(SESSION))
                .andExpect(flash().attribute("error", "Work every account first: 0 of 2 done"));
    }

    @Test
    void abandoningSaysWhatIsKeptAndReturnsToTheBasket() throws Exception {
        given(sessions.abandon("pi-1", "alice", false)).willReturn(
                BasketFixtures.worked(BasketFixtures.pending(5L, "30+ days", "alice", 7L, 8L), 0, SessionOutcome.COMPLETED, null, null));

        mvc.perform(as("alice", post(SESSION + "/abandon")))
                .andExpect(redirectedUrl("/worklists/baskets/5"))
                .andExpect(flash().attribute("notice",
                        "Session abandoned: 1 of 2 accounts worked keep their outcomes; the basket is pending again."));
    }

    @Test
    void anAbandonTheServiceRefusesStaysInTheSession() throws Exception {
        given(sessions.abandon("pi-1", "alice", false)).willThrow(new ConflictException("The session is over: it ended while you asked"));

        mvc.perform(as("alice", post(SESSION + "/abandon")))
                .andExpect(redirectedUrl(SESSION))
                .andExpect(flash().attribute("error", "The session is over: it ended while you asked"));
    }

    @Test
    void aNoteGoesOnTheAccountAtHandsThread() throws Exception {
        NoteThread thread = new NoteThread(7L, null, "account ACC-1");
        given(notes.ofAccount("ACC-1")).willReturn(thread);

        mvc.perform(as("alice", post(AT_HAND + "/notes").param("body", "Promised <b>Tuesday</b>")))
                .andExpect(redirectedUrl(SESSION))
                .andExpect(flash().attribute("notice", "Note added."));

        verify(sessions).requireAtHand("pi-1", 7L, "alice", false);
        verify(notes).add(thread, "alice", "Promised <b>Tuesday</b>", null, List.of());
    }

    @Test
    void aNoteOnAnAccountNoLongerAtHandIsNotWritten() throws Exception {
        given(sessions.requireAtHand("pi-1", 7L, "alice", false))
                .willThrow(new ConflictException("That account is no longer at hand in this session: it was worked already"));

        mvc.perform(as("alice", post(AT_HAND + "/notes").param("body", "late")))
                .andExpect(redirectedUrl(SESSION))
                .andExpect(flash().attribute("error", "That account is no longer at hand in this session: it was worked already"));

        verifyNoInteractions(notes);
    }

    @Test
    void unchangedContactDetailsSaySo() throws Exception {
        given(accounts.changeContact(7L, "ap@customer.example", "+1 555 0100", "alice")).willReturn(false);

        mvc.perform(as("alice", post(AT_HAND + "/contact").param("email", "ap@customer.example").param("phone", "+1 555 0100")))
                .andExpect(redirectedUrl(SESSION))
                .andExpect(flash().attribute("notice", "Nothing changed."));
    }

    @Test
    void contactDetailsTheServiceRefusesAreNotSaved() throws Exception {
        given(accounts.changeContact(eq(7L), eq("not-an-address"), any(), eq("alice")))
                .willThrow(new BadRequestException("email", "is not an email address"));

        mvc.perform(as("alice", post(AT_HAND + "/contact").param("email", "not-an-address")))
                .andExpect(flash().attribute("error", containsString("Nothing saved: ")));
    }

    @Test
    void aPromiseIsRecordedWithTheFormsTermsAndSaysWhoTracksIt() throws Exception {
        given(promises.record(eq(7L), any(), eq("alice"))).willReturn(SessionPromises.Tracking.NOT_TRACKED);

        mvc.perform(as("alice", post(AT_HAND + "/promise").param("promiseDate", " 2026-03-10 ").param("promiseAmount", "400.00")
                        .param("installmentCount", "3").param("installmentInterval", "P14D").param("promiseNote", "by card")))
                .andExpect(redirectedUrl(SESSION))
                .andExpect(flash().attribute("notice", containsString("No dunning case waits for a call on this account")));

        verify(promises).record(7L, new SessionPromises.Terms(LocalDate.parse("2026-03-10"), new BigDecimal("400.00"), 3,
                Period.ofDays(14), "by card"), "alice");
    }

    @Test
    void anIntervalTheFormDoesNotOfferIsMonthly() throws Exception {
        given(promises.record(eq(7L), any(), eq("alice"))).willReturn(SessionPromises.Tracking.BY_DUNNING_CASE);

        mvc.perform(as("alice", post(AT_HAND + "/promise").param("promiseDate", "2026-03-10").param("promiseAmount", "400")
                        .param("installmentInterval", "P1D")))
                .andExpect(flash().attribute("notice", containsString("the case confirms it to the customer")));

        ArgumentCaptor<SessionPromises.Terms> terms = ArgumentCaptor.forClass(SessionPromises.Terms.class);
        verify(promises).record(eq(7L), terms.capture(), eq("alice"));
        assertThat(terms.getValue().interval()).isEqualTo(Period.ofMonths(1));
        assertThat(terms.getValue().installmentCount()).isEqualTo(1);
    }

    @Test
    void aPromiseWithAnUnreadableDateIsNotRecorded() throws Exception {
        mvc.perform(as("alice", post(AT_HAND + "/promise").param("promiseDate", "next tuesday").param("promiseAmount", "400")))
                .andExpect(redirectedUrl(SESSION))
                .andExpect(flash().attribute("error", "Nothing saved: promiseDate: \"next tuesday\" is not a date like 2026-12-01"));

        verifyNoInteractions(promises);
    }

    @Test
    void aPaymentIsBookedOnceUnderThePagesIdAndTheTotalsComeBack() throws Exception {
        mvc.perform(as("alice", post(AT_HAND + "/payment").param("amount", " 250.00 ").param("reference", "  ")
                        .param("paymentId", "pay-1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Payment of 250.00 USD posted.")))
                .andExpect(content().string(containsString("id=\"totals\"")))
                .andExpect(content().string(containsString("&lt;i&gt;2026-001&lt;/i&gt;")))
                .andExpect(content().string(not(containsString("<html"))));

        ArgumentCaptor<PaymentCommand> command = ArgumentCaptor.forClass(PaymentCommand.class);
        verify(payments).record(command.capture());
        assertThat(command.getValue()).isEqualTo(new PaymentCommand("console-pay-1", "ACC-1", new BigDecimal("250.00"), "USD",
                ConsoleSliceConfiguration.NOW, null, List.of()));
    }

    @Test
    void anUnreadableAmountIsShownInTheTotalsAndNothingIsBooked() throws Exception {
        mvc.perform(as("alice", post(AT_HAND + "/payment").param("amount", "<b>lots</b>").param("paymentId", "pay-1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "No payment posted: amount: &quot;&lt;b&gt;lots&lt;/b&gt;&quot; is not an amount like 1234.56")));

        verifyNoInteractions(payments);
    }

    @Test
    void aPaymentThePaymentServiceRefusesSaysWhy() throws Exception {
        given(payments.record(any())).willThrow(new ConflictException("Payment console-pay-1 was booked with another amount"));

        mvc.perform(as("alice", post(AT_HAND + "/payment").param("amount", "10").param("paymentId", "pay-1")))
                .andExpect(content().string(containsString("No payment posted: Payment console-pay-1 was booked with another amount")));
    }

    @Test
    void aPaymentInASessionThatIsGoneIsNotFoundAndNotBooked() throws Exception {
        given(sessions.requireAtHand("gone", 7L, "alice", false)).willThrow(new NotFoundException("No collection session gone"));

        mvc.perform(as("alice", post("/worklists/sessions/gone/accounts/7/payment").param("amount", "10")))
                .andExpect(status().isNotFound());

        verifyNoInteractions(payments);
    }

    @Test
    void aPaymentWithoutCsrfTokenIsNotBooked() throws Exception {
        mvc.perform(post(AT_HAND + "/payment").param("amount", "10").with(user("alice").roles("AGENT")))
                .andExpect(status().isForbidden());

        verifyNoInteractions(payments);
    }

    private MockHttpServletRequestBuilder as(String agent, MockHttpServletRequestBuilder request) {
        return request.with(user(agent).roles("AGENT")).with(csrf());
    }

    private static TimelineEntry entry(String summary) {
        TimelineEntry entry = BeanUtils.instantiateClass(TimelineEntry.class);
        ReflectionTestUtils.setField(entry, "accountId", 7L);
        ReflectionTestUtils.setField(entry, "occurredAt", Instant.parse("2026-03-01T12:00:00Z"));
        ReflectionTestUtils.setField(entry, "type", "NOTE_ADDED");
        ReflectionTestUtils.setField(entry, "summary", summary);
        ReflectionTestUtils.setField(entry, "actor", "alice");
        return entry;
    }
}
