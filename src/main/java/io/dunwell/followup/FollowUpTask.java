package io.dunwell.followup;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A follow-up task as the console lists it; {@code FollowUpTaskProcess} drives its reminder, due date and end. */
@Entity
@Table(name = "follow_up_task")
public class FollowUpTask {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "follow_up_task_seq")
    @SequenceGenerator(name = "follow_up_task_seq", sequenceName = "follow_up_task_seq", allocationSize = 50)
    private Long id;

    private Long accountId;
    private Long invoiceId;
    private String name;
    private String description;
    private String owner;
    private String assignee;
    private LocalDate dueDate;
    private LocalDate reminderDate;
    @Enumerated(EnumType.STRING)
    private FollowUpStatus status;
    private boolean autoEscalate;
    private String escalatedTo;
    private String outcomeNote;
    private String finishedBy;
    private String processInstanceId;
    private Instant createdAt;
    private Instant updatedAt;

    protected FollowUpTask() {
    }

    FollowUpTask(Long accountId, Long invoiceId, String name, String description, String owner, String assignee,
                 LocalDate dueDate, LocalDate reminderDate, boolean autoEscalate, Instant now) {
        this.accountId = accountId;
        this.invoiceId = invoiceId;
        this.name = name;
        this.description = description;
        this.owner = owner;
        this.assignee = assignee;
        this.dueDate = dueDate;
        this.reminderDate = reminderDate;
        this.autoEscalate = autoEscalate;
        this.status = FollowUpStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void escalatedTo(String target, Instant now) {
        this.escalatedTo = target;
        this.updatedAt = now;
    }

    void finish(FollowUpStatus outcome, String note, String by, Instant now) {
        this.status = outcome;
        this.outcomeNote = note;
        this.finishedBy = by;
        this.updatedAt = now;
    }

    public boolean isPending() {
        return status == FollowUpStatus.PENDING;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Long getInvoiceId() {
        return invoiceId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getOwner() {
        return owner;
    }

    public String getAssignee() {
        return assignee;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public LocalDate getReminderDate() {
        return reminderDate;
    }

    public FollowUpStatus getStatus() {
        return status;
    }

    public boolean isAutoEscalate() {
        return autoEscalate;
    }

    public String getEscalatedTo() {
        return escalatedTo;
    }

    public String getOutcomeNote() {
        return outcomeNote;
    }

    public String getFinishedBy() {
        return finishedBy;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
