package io.dunwell.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.dunwell.followup.FollowUpRow;
import io.dunwell.followup.FollowUpTask;
import io.dunwell.followup.FollowUpTasks;
import io.dunwell.followup.NewFollowUpTask;
import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.agent.Agent;
import io.dunwell.agent.Agents;
import io.dunwell.invoice.Invoice;
import io.dunwell.invoice.Receivables;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.ConflictException;
import io.dunwell.system.NotFoundException;

/**
 * The account page's "Follow-up tasks" section as an htmx fragment: the account's tasks with
 * who holds them now, a form to create one, and complete/close buttons for whoever holds a task
 * (or a supervisor). Each form answers with the section again.
 */
@Controller
class FollowUpSectionController {

    private final FollowUpTasks followUps;
    private final Accounts accounts;
    private final Receivables receivables;
    private final Agents agents;
    private final Clock clock;

    FollowUpSectionController(FollowUpTasks followUps, Accounts accounts, Receivables receivables, Agents agents,
                              Clock clock) {
        this.followUps = followUps;
        this.accounts = accounts;
        this.receivables = receivables;
        this.agents = agents;
        this.clock = clock;
    }

    @GetMapping("/accounts/{externalId}/follow-ups")
    String section(@PathVariable String externalId, Authentication user, Model model) {
        return render(account(externalId), user, model);
    }

    @PostMapping("/accounts/{externalId}/follow-ups")
    String create(@PathVariable String externalId, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String description, @RequestParam(required = false) String assignee,
                  @RequestParam(required = false) String invoiceId,
                  @RequestParam(required = false) LocalDate dueDate, @RequestParam(required = false) LocalDate reminderDate,
                  @RequestParam(defaultValue = "false") boolean autoEscalate, Authentication user, Model model) {
        Account account = account(externalId);
        NewFollowUpTask request = new NewFollowUpTask(externalId, invoiceId, name, description, assignee, dueDate, reminderDate,
                autoEscalate);
        try {
            FollowUpTask task = followUps.create(request, user.getName());
            model.addAttribute("notice", "Follow-up task '" + task.getName() + "' created for " + task.getAssignee() + ".");
        } catch (BadRequestException invalid) {
            // the form comes back as typed, with what to fix; nothing was written
            model.addAttribute("errors", invalid.errors().stream()
                    .collect(Collectors.toMap(BadRequestException.FieldError::field, BadRequestException.FieldError::message, (a, b) -> a + "; " + b)));
            model.addAttribute("draft", request);
        }
        return render(account, user, model);
    }

    @PostMapping("/accounts/{externalId}/follow-ups/{id}/finish")
    String finish(@PathVariable String externalId, @PathVariable Long id, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) String note, Authentication user, Model model) {
        Account account = account(externalId);
        FollowUpTask task = followUps.get(id);
        if (!task.getAccountId().equals(account.getId())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No follow-up task " + id + " on account " + externalId);
        }
        try {
            followUps.finish(id, outcome, note, user);
            model.addAttribute("notice", "Follow-up task '" + task.getName() + "' " + outcome + ".");
        } catch (BadRequestException | ConflictException refused) {
            model.addAttribute("errors", Map.of("finish", refused.getMessage()));
        } catch (AccessDeniedException notYours) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, notYours.getMessage());
        }
        return render(account, user, model);
    }

    private String render(Account account, Authentication user, Model model) {
        Map<Long, String> invoiceNumbers = receivables.invoicesOf(account.getId()).stream()
                .collect(Collectors.toMap(Invoice::getId, Invoice::getNumber));
        LocalDate today = account.today(clock);
        List<FollowUpRow> rows = followUps.ofAccount(account.getId()).stream().map(task -> {
            Task open = followUps.openTask(task).orElse(null);
            return new FollowUpRow(task, task.getInvoiceId() == null ? null : invoiceNumbers.get(task.getInvoiceId()),
                    open == null ? task.getAssignee() : open.getAssignee(), open != null,
                    task.isPending() && task.getDueDate().isBefore(today));
        }).toList();
        model.addAttribute("accountId", account.getExternalId());
        model.addAttribute("rows", rows);
        model.addAttribute("openInvoices", receivables.invoicesOf(account.getId()).stream().filter(Invoice::isOpen).toList());
        model.addAttribute("assignees", agents.list().stream().filter(Agent::active).toList());
        model.addAttribute("me", user.getName());
        model.addAttribute("mayFinishAny", followUps.isSupervisor(user));
        model.addAttribute("today", today.toString());
        return "followup/section";
    }

    private Account account(String externalId) {
        try {
            return accounts.require(externalId);
        } catch (NotFoundException missing) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, missing.getMessage());
        }
    }
}
