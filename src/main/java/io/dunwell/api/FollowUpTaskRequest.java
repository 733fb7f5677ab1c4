package io.dunwell.api;

import java.time.LocalDate;

import io.dunwell.followup.NewFollowUpTask;

/** POST /api/v1/follow-up-tasks: accountId and invoiceId are the billing system's ids; reminderDate ≤ dueDate, neither in the past. */
record FollowUpTaskRequest(String accountId, String invoiceId, String name, String description, String assignee,
                           LocalDate dueDate, LocalDate reminderDate, Boolean autoEscalate) {

    NewFollowUpTask command() {
        return new NewFollowUpTask(accountId, invoiceId, name, description, assignee, dueDate, reminderDate,
                Boolean.TRUE.equals(autoEscalate));
    }
}
