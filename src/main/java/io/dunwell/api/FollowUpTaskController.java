package io.dunwell.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.dunwell.account.Accounts;
import io.dunwell.followup.FollowUpTask;
import io.dunwell.followup.FollowUpTasks;
import io.dunwell.invoice.Invoice;
import io.dunwell.invoice.Receivables;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Follow-up tasks on an account: create one (any agent), list an account's, and end one (its assignee or a supervisor). */
@RestController
@RequestMapping("/api/v1/follow-up-tasks")
@Tag(name = "Follow-up tasks")
class FollowUpTaskController {

    record Completion(String outcome, String note) {
    }

    private final FollowUpTasks followUps;
    private final Accounts accounts;
    private final Receivables receivables;

    FollowUpTaskController(FollowUpTasks followUps, Accounts accounts, Receivables receivables) {
        this.followUps = followUps;
        this.accounts = accounts;
        this.receivables = receivables;
    }

    @PostMapping
    @Operation(summary = "Create a follow-up task for an active agent; it appears in their Tasklist and on the account, "
            + "with a reminder mail on reminderDate and a due mail (and, with autoEscalate, reassignment) on dueDate")
    ResponseEntity<FollowUpTaskResponse> create(@RequestBody FollowUpTaskRequest request, Authentication user) {
        FollowUpTask task = followUps.create(request.command(), user.getName());
        return ResponseEntity.created(URI.create("/api/v1/follow-up-tasks?accountId=" + request.accountId()))
                .body(response(task, request.accountId()));
    }

    @GetMapping
    @Operation(summary = "The follow-up tasks of an account, by due date")
    List<FollowUpTaskResponse> list(@RequestParam String accountId) {
        Long id = accounts.require(accountId).getId();
        return followUps.ofAccount(id).stream().map(task -> response(task, accountId)).toList();
    }

    @PostMapping("/{id}/completion")
    @Operation(summary = "End a pending follow-up task as 'completed' or 'closed', with an optional note; "
            + "only whoever holds it now or a supervisor may")
    FollowUpTaskResponse complete(@PathVariable Long id, @RequestBody Completion completion, Authentication user) {
        FollowUpTask task = followUps.finish(id, completion.outcome(), completion.note(), user);
        return response(task, accounts.externalIdOf(task.getAccountId()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Forbidden");
        return problem;
    }

    private FollowUpTaskResponse response(FollowUpTask task, String accountId) {
        String invoiceId = null;
        if (task.getInvoiceId() != null) {
            Map<Long, String> ids = receivables.invoicesOf(task.getAccountId()).stream()
                    .collect(Collectors.toMap(Invoice::getId, Invoice::getExternalId));
            invoiceId = ids.get(task.getInvoiceId());
        }
        return FollowUpTaskResponse.of(task, accountId, invoiceId);
    }
}
