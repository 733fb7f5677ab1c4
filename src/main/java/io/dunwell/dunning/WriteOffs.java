package io.dunwell.dunning;

import java.math.BigDecimal;
import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.account.CollectionStatus;
import io.dunwell.invoice.CreditNoteCommand;
import io.dunwell.invoice.CreditNotes;
import io.dunwell.invoice.Receivables;
import io.dunwell.payment.Payments;
import io.dunwell.timeline.Timeline;

/**
 * Writes off an approved balance: a credit note equal to the open balance, booked once per case
 * (its id is made of the case's), then the case ends. The credit's own CreditNoteRecorded event
 * finds the case already closed, so the settle-on-payment path leaves it alone.
 */
@Service
public class WriteOffs {

    private final Accounts accounts;
    private final Receivables receivables;
    private final CreditNotes creditNotes;
    private final Payments payments;
    private final DunningCases cases;
    private final Timeline timeline;
    private final CurrentUser currentUser;
    private final Clock clock;

    WriteOffs(Accounts accounts, Receivables receivables, CreditNotes creditNotes, Payments payments,
              DunningCases cases, Timeline timeline, CurrentUser currentUser, Clock clock) {
        this.payments = payments;
        this.accounts = accounts;
        this.receivables = receivables;
        this.creditNotes = creditNotes;
        this.cases = cases;
        this.timeline = timeline;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * @param requestedBy who decided the write-off
     * @param approved    whether an approver completed the approval task (as the current user), else
     *                    the requester's own limit covered it
     */
    @Transactional
    public void writeOff(Long caseId, Long accountId, String requestedBy, boolean approved) {
        book(accountId, creditNoteIdOf(caseId), approved ? "Write-off requested by " + requestedBy + ", approved by " + currentUser.id()
                : "Write-off by " + requestedBy + " within their own limit");
        cases.close(caseId, DunningCaseStatus.CLOSED, "written off");
    }

    /**
     * Writes off the account's whole open balance outside a dunning case (a bulk action), and ends
     * the active case if there is one. {@code creditNoteId} makes it happen once: a retry finds the
     * credit note and books nothing more. Returns the amount written off by this credit note.
     */
    @Transactional
    public BigDecimal writeOffAccount(Long accountId, String creditNoteId, String approvedBy) {
        BigDecimal written = book(accountId, creditNoteId, "Write-off by " + approvedBy);
        cases.endFromOutside(accountId, "written off");
        return written;
    }

    /**
     * Credit the account already holds (an overpayment, an unapplied credit note) goes to its
     * invoices first: the write-off credit then covers the rest, and no invoice stays open beside
     * an equal unapplied credit. Applying it leaves the balance as it was.
     */
    private BigDecimal book(Long accountId, String creditNoteId, String reason) {
        Account account = accounts.get(accountId);
        var booked = creditNotes.find(creditNoteId);
        if (booked.isEmpty()) {
            payments.applyHeldCredit(accountId);
            creditNotes.applyHeldCredit(accountId);
        }
        BigDecimal balance = receivables.balancesOf(account).openBalance();
        BigDecimal written = booked.map(note -> note.getAmount()).orElse(balance.max(BigDecimal.ZERO));
        if (booked.isEmpty() && balance.signum() > 0) {
            creditNotes.record(new CreditNoteCommand(creditNoteId, account.getExternalId(), balance, account.getCurrency(),
                    account.today(clock).atStartOfDay(account.zone()).toInstant(), reason, null));
        }
        accounts.changeCollectionStatus(accountId, CollectionStatus.WRITTEN_OFF);
        timeline.append(accountId, "WRITTEN_OFF", "Balance of " + AccountFormats.money(written, account)
                + " written off (" + reason + ")", creditNoteId);
        return written;
    }

    public static String creditNoteIdOf(Long caseId) {
        return "write-off-case-" + caseId;
    }
}
