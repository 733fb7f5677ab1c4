package io.dunwell.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import io.dunwell.account.Accounts;
import io.dunwell.agent.Agent;
import io.dunwell.agent.Agents;
import io.dunwell.followup.FollowUpStatus;
import io.dunwell.followup.FollowUpTask;
import io.dunwell.followup.FollowUpTasks;
import io.dunwell.followup.NewFollowUpTask;
import io.dunwell.invoice.Receivables;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.ConflictException;
import io.dunwell.system.NotFoundException;

/**
 * The account page's follow-up section as the mocked services describe it. Who may finish a task (its
 * holder, or a supervisor) is the service's rule: the section offers the buttons by it, and a refusal is a 403.
 * {@link FollowUpSectionTests} runs the same section on the real engine.
 */
@ConsoleWebMvcTest
class FollowUpSectionControllerTests {

    static final String SECTION = "/accounts/ACC-1/follow-ups";

    @Autowired
    MockMvc mvc;
    @Autowired
    FollowUpTasks followUps;
    @Autowired
    Accounts accounts;
    @Autowired
    Receivables receivables;
    @Autowired
    Agents agents;

    /** Task 21 on account ACC-1 (id 7), about invoice 11, due yesterday in New York and held by alice in Tasklist. */
    FollowUpTask task;

    @BeforeEach
    void anAccountWithATaskAliceHolds() {
        given(accounts.require("ACC-1")).willReturn(SliceFixtures.account("ACC-1", "Foods", "America/New_York", "USD"));
        given(accounts.require("NOPE")).willThrow(new NotFoundException("No account NOPE"));
        given(receivables.invoicesOf(7L)).willReturn(List.of(
                SliceFixtures.openInvoice("INV-1", "<i>2026-001</i>", LocalDate.parse("2026-01-15"), "USD", "100.00")));
        given(agents.list()).willReturn(List.of(new Agent("alice", "Alice <A>", "alice@dunwell.example", true, null),
                new Agent("zoe", "Zoe Gone", "zoe@dunwell.example", false, null)));
        task = task(21L, 7L, "<script>Call</script> back");
        given(followUps.ofAccount(7L)).willReturn(List.of(task));
        given(followUps.get(21L)).willReturn(task);
        Task held = mock(Task.class);
        given(held.getAssignee()).willReturn("alice");
        given(followUps.openTask(task)).willReturn(Optional.of(held));
    }

    @Test
    void theSectionListsTasksAsTextAndOffersTheHolderToFinishThem() throws Exception {
        mvc.perform(get(SECTION).with(user("alice").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>&lt;script&gt;Call&lt;/script&gt; back</strong>")))
                .andExpect(content().string(containsString("· invoice &lt;i&gt;2026-001&lt;/i&gt;")))
                .andExpect(content().string(containsString("&lt;b&gt;the PO&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("<script>"))))
                .andExpect(content().string(containsString("text-danger fw-semibold\">2026-03-01</td>")))
                .andExpect(content().string(containsString("hx-post=\"" + SECTION + "/21/finish\"")))
                // today in the account's zone is the earliest date offered, though it is already the 2nd's evening in UTC
                .andExpect(content().string(containsString("min=\"2026-03-02\"")))
                .andExpect(content().string(containsString("Alice &lt;A&gt; (alice)")))
                .andExpect(content().string(not(containsString("Zoe Gone"))));
    }

    @Test
    void anotherAgentIsOfferedNoFinishButASupervisorIs() throws Exception {
        given(followUps.isSupervisor(any())).willAnswer(call -> "sarah".equals(call.<Authentication>getArgument(0).getName()));

        mvc.perform(get(SECTION).with(user("bob").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/21/finish"))));
        mvc.perform(get(SECTION).with(user("sarah").roles("SUPERVISOR")))
                .andExpect(content().string(containsString("hx-post=\"" + SECTION + "/21/finish\"")));
    }

    @Test
    void anUnknownAccountHasNoSection() throws Exception {
        mvc.perform(get("/accounts/NOPE/follow-ups").with(user("alice").roles("AGENT"))).andExpect(status().isNotFound());
        mvc.perform(post("/accounts/NOPE/follow-ups").param("name", "x").with(user("alice").roles("AGENT")).with(csrf()))
                .andExpect(status().isNotFound());

        verify(followUps, never()).create(any(), anyString());
    }

    @Test
    void aNewTaskIsCreatedFromTheFormAndNamedInTheNotice() throws Exception {
        NewFollowUpTask request = new NewFollowUpTask("ACC-1", "INV-1", "Ask for the PO", null, "bob", LocalDate.parse("2026-03-05"),
                LocalDate.parse("2026-03-04"), true);
        FollowUpTask created = task(22L, 7L, "Ask for <b>the</b> PO");
        ReflectionTestUtils.setField(created, "assignee", "bob");
        given(followUps.create(request, "alice")).willReturn(created);

        mvc.perform(post(SECTION).param("name", "Ask for the PO").param("assignee", "bob").param("invoiceId", "INV-1")
                        .param("dueDate", "2026-03-05").param("reminderDate", "2026-03-04").param("autoEscalate", "true")
                        .with(user("alice").roles("AGENT")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Follow-up task &#39;Ask for &lt;b&gt;the&lt;/b&gt; PO&#39; created for bob.")));

        verify(followUps).create(request, "alice");
    }

    @Test
    void aRefusedTaskComesBackAsTypedWithWhatToFixPerField() throws Exception {
        given(followUps.create(any(), eq("alice"))).willThrow(new BadRequestException(List.of(
                new BadRequestException.FieldError("name", "is required"),
                new BadRequestException.FieldError("name", "at most 200 characters"),
                new BadRequestException.FieldError("dueDate", "is before the reminder date"))));

        mvc.perform(post(SECTION).param("description", "<script>x</script>").param("dueDate", "2026-03-03")
                        .param("reminderDate", "2026-03-04").with(user("alice").roles("AGENT")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<details class=\"panel-body\" open>")))
                .andExpect(content().string(containsString("is required; at most 200 characters")))
                .andExpect(content().string(containsString("is before the reminder date")))
                .andExpect(content().string(containsString("&lt;script&gt;x&lt;/script&gt;</textarea>")))
                .andExpect(content().string(containsString("value=\"2026-03-04\"")))
                .andExpect(content().string(not(containsString("created for"))));
    }

    @Test
    void aDateThatIsNoDateIsA400PageAndNothingIsCreated() throws Exception {
        mvc.perform(post(SECTION).param("name", "x").param("dueDate", "31/12/2026").with(user("alice").roles("AGENT")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The form&#39;s field &#39;dueDate&#39; is not an ISO date")));

        verify(followUps, never()).create(any(), anyString());
    }

    @Test
    void theHolderCompletesATaskAndTheSectionSaysSo() throws Exception {
        mvc.perform(post(SECTION + "/21/finish").param("outcome", "completed").param("note", "paid")
                        .with(user("alice").roles("AGENT")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Follow-up task &#39;&lt;script&gt;Call&lt;/script&gt; back&#39; completed.")));

        verify(followUps).finish(eq(21L), eq("completed"), eq("paid"), any());
    }

    @Test
    void aTaskOfAnotherAccountIsNotFoundThroughThisOne() throws Exception {
        given(followUps.get(31L)).willReturn(task(31L, 8L, "elsewhere"));

        mvc.perform(post(SECTION + "/31/finish").param("outcome", "closed").with(user("sarah").roles("SUPERVISOR")).with(csrf()))
                .andExpect(status().isNotFound());

        verify(followUps, never()).finish(any(), any(), any(), any());
    }

    @Test
    void aTaskThatIsNotThereIsTheNotFoundPage() throws Exception {
        given(followUps.get(99L)).willThrow(new NotFoundException("No follow-up task 99"));

        mvc.perform(post(SECTION + "/99/finish").param("outcome", "closed").with(user("sarah").roles("SUPERVISOR")).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("No follow-up task 99")));

        verify(followUps, never()).finish(any(), any(), any(), any());
    }

    @Test
    void finishingATaskTheServiceSaysIsNotYoursIsForbidden() throws Exception {
        given(followUps.finish(eq(21L), any(), any(), any())).willThrow(new AccessDeniedException("bob is not assigned follow-up task 21"));

        mvc.perform(post(SECTION + "/21/finish").param("outcome", "completed").with(user("bob").roles("AGENT")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void finishingATaskThatAlreadyEndedShowsWhyInTheSection() throws Exception {
        given(followUps.finish(eq(21L), any(), any(), any())).willThrow(new ConflictException("Follow-up task 21 is already COMPLETED"));

        mvc.perform(post(SECTION + "/21/finish").param("outcome", "completed").with(user("alice").roles("AGENT")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("role=\"alert\">Follow-up task 21 is already COMPLETED</div>")));
    }

    @Test
    void aFinishWithoutCsrfTokenEndsNothing() throws Exception {
        mvc.perform(post(SECTION + "/21/finish").param("outcome", "completed").with(user("alice").roles("AGENT")))
                .andExpect(status().isForbidden());

        verify(followUps, never()).finish(any(), any(), any(), any());
    }

    /** A pending task of the account, started in the engine, as the follow-up module hands it out. */
    private static FollowUpTask task(Long id, Long accountId, String name) {
        FollowUpTask task = BeanUtils.instantiateClass(FollowUpTask.class);
        ReflectionTestUtils.setField(task, "id", id);
        ReflectionTestUtils.setField(task, "accountId", accountId);
        ReflectionTestUtils.setField(task, "invoiceId", 11L);
        ReflectionTestUtils.setField(task, "name", name);
        ReflectionTestUtils.setField(task, "description", "ask for <b>the PO</b>");
        ReflectionTestUtils.setField(task, "owner", "sarah");
        ReflectionTestUtils.setField(task, "assignee", "alice");
        ReflectionTestUtils.setField(task, "dueDate", LocalDate.parse("2026-03-01"));
        ReflectionTestUtils.setField(task, "reminderDate", LocalDate.parse("2026-02-27"));
        ReflectionTestUtils.setField(task, "status", FollowUpStatus.PENDING);
        ReflectionTestUtils.setField(task, "processInstanceId", "pi-follow-up-" + id);
        return task;
    }
}
