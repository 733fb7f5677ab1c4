package io.dunwell.bulk;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A bulk action as requested under an idempotency key; its accounts are {@link BulkRunAccount}s. */
@Entity
@Table(name = "bulk_action")
class BulkRun {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bulk_action_seq")
    @SequenceGenerator(name = "bulk_action_seq", sequenceName = "bulk_action_seq", allocationSize = 50)
    private Long id;

    private String idempotencyKey;
    private String fingerprint;
    private String previewToken;
    private String action;
    private String parameters;
    private LocalDate asOf;
    private String requestedBy;
    private Instant requestedAt;
    private Instant completedAt;
    private String fileName;
    private String fileType;
    private byte[] fileContent;
    private String approvalStatus;
    private String approverGroup;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionNote;

    protected BulkRun() {
    }

    BulkRun(String idempotencyKey, String fingerprint, String previewToken, String action, String parameters, LocalDate asOf,
            String requestedBy, Instant requestedAt) {
        this.idempotencyKey = idempotencyKey;
        this.fingerprint = fingerprint;
        this.previewToken = previewToken;
        this.action = action;
        this.parameters = parameters;
        this.asOf = asOf;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    void complete(BulkAction.BulkFile file, Instant now) {
        if (file != null) {
            fileName = file.name();
            fileType = file.contentType();
            fileContent = file.content();
        }
        completedAt = now;
    }

    /** Kept, booking nothing, until a member of the group other than the requester approves it. */
    void awaitApproval(String group) {
        approvalStatus = BulkResult.AWAITING_APPROVAL;
        approverGroup = group;
    }

    void decide(boolean approved, String by, String note, Instant now) {
        approvalStatus = approved ? BulkResult.APPROVED : BulkResult.REJECTED;
        decidedBy = by;
        decisionNote = note == null || note.isBlank() ? null : note.strip().substring(0, Math.min(2000, note.strip().length()));
        decidedAt = now;
    }

    /** Whether its accounts may be done: it needed no approval, or got it. */
    boolean mayRun() {
        return approvalStatus == null || approvalStatus.equals(BulkResult.APPROVED);
    }

    /** Who and how the timeline names as the one who did it. */
    String doneBy() {
        return decidedBy == null ? requestedBy : requestedBy + ", approved by " + decidedBy;
    }

    BulkResult.Approval approval() {
        return approvalStatus == null ? null : new BulkResult.Approval(approvalStatus, approverGroup, decidedBy, decidedAt, decisionNote);
    }

    String getApprovalStatus() {
        return approvalStatus;
    }

    String getApproverGroup() {
        return approverGroup;
    }

    Long getId() {
        return id;
    }

    String getFingerprint() {
        return fingerprint;
    }

    String getAction() {
        return action;
    }

    String getParameters() {
        return parameters;
    }

    LocalDate getAsOf() {
        return asOf;
    }

    String getRequestedBy() {
        return requestedBy;
    }

    Instant getRequestedAt() {
        return requestedAt;
    }

    Instant getCompletedAt() {
        return completedAt;
    }

    String getIdempotencyKey() {
        return idempotencyKey;
    }

    String getFileName() {
        return fileName;
    }

    String getFileType() {
        return fileType;
    }

    byte[] getFileContent() {
        return fileContent;
    }
}
