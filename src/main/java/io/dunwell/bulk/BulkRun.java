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
