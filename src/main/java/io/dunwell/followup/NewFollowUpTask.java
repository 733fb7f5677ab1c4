package io.dunwell.followup;

import java.time.LocalDate;

/**
 * A follow-up task as someone asks for it: the account and invoice by the billing system's ids,
 * the assignee by Camunda user id. {@code invoiceId} and {@code description} may be empty.
 */
public record NewFollowUpTask(String accountId, String invoiceId, String name, String description, String assignee,
                              LocalDate dueDate, LocalDate reminderDate, boolean autoEscalate) {
}
