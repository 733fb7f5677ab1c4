package io.dunwell.bulk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a bulk action did (or, as a preview, would do) to each account, in the request's order.
 *
 * @param id           null for a preview, which stores nothing
 * @param replayed     true when a retried request got the stored result and nothing ran again
 * @param previewToken for a preview: pass it with the confirming request
 * @param fileName     the file an export made, downloadable by the run's id
 * @param approval     for a money move above the requester's limits, who must approve it and how it stands
 *                     (a preview says REQUIRED); null when the requester's own limits cover it
 */
public record BulkResult(Long id, String action, LocalDate asOf, boolean preview, boolean replayed, String requestedBy,
                         Instant requestedAt, Instant completedAt, String previewToken, String fileName,
                         List<AccountResult> accounts, Approval approval) {

    public static final String REQUIRED = "REQUIRED";
    public static final String AWAITING_APPROVAL = "AWAITING_APPROVAL";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    /** @param status REQUIRED (a preview), AWAITING_APPROVAL, APPROVED or REJECTED */
    public record Approval(String status, String approverGroup, String decidedBy, Instant decidedAt, String note) {
    }

    public boolean awaitingApproval() {
        return approval != null && approval.status().equals(AWAITING_APPROVAL);
    }

    public static final String PLANNED = "PLANNED";
    public static final String PENDING = "PENDING";
    public static final String DONE = "DONE";
    public static final String SKIPPED = "SKIPPED";
    public static final String FAILED = "FAILED";

    /** @param amount money the action moved or would move for the account (a fee, a write-off), else null */
    public record AccountResult(String accountId, String name, String status, String detail, BigDecimal amount,
                                String currency, String reference) {
    }

    public long count(String status) {
        return accounts.stream().filter(a -> a.status().equals(status)).count();
    }
}
