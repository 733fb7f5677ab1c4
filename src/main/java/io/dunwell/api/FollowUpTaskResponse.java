package io.dunwell.api;

import java.time.Instant;
import java.time.LocalDate;

import io.dunwell.followup.FollowUpTask;

/** escalatedTo: the escalation point, or "supervisors" for the group, once the due date escalated the task. */
record FollowUpTaskResponse(Long id, String accountId, String invoiceId, String name, String description, String owner,
                            String assignee, LocalDate dueDate, LocalDate reminderDate, String status, boolean autoEscalate,
                            String escalatedTo, String outcomeNote, String finishedBy, String processInstanceId,
                            Instant createdAt, Instant updatedAt) {

    static FollowUpTaskResponse of(FollowUpTask task, String accountId, String invoiceId) {
        return new FollowUpTaskResponse(task.getId(), accountId, invoiceId, task.getName(), task.getDescription(),
                task.getOwner(), task.getAssignee(), task.getDueDate(), task.getReminderDate(), task.getStatus().name(),
                task.isAutoEscalate(), task.getEscalatedTo(), task.getOutcomeNote(), task.getFinishedBy(),
                task.getProcessInstanceId(), task.getCreatedAt(), task.getUpdatedAt());
    }
}
