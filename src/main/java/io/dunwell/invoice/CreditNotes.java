package io.dunwell.invoice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.ConflictException;
import io.dunwell.system.Fingerprint;
import io.dunwell.system.MoneyInput;
import io.dunwell.system.Recorded;
import io.dunwell.timeline.Timeline;

/** Books credit notes exactly once per billing-system id; a replay returns the credit note booked first. */
@Service
public class CreditNotes {

    private final CreditNoteRepository creditNotes;
    private final Accounts accounts;
    private final Receivables receivables;
    private final Timeline timeline;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CreditNotes(CreditNoteRepository creditNotes, Accounts accounts, Receivables receivables, Timeline timeline,
                      PlatformTransactionManager transactionManager, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.creditNotes = creditNotes;
        this.accounts = accounts;
        this.receivables = receivables;
        this.timeline = timeline;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public Recorded<CreditNote> record(CreditNoteCommand command) {
        return Recorded.once(transaction, () -> attempt(command));
    }

    /**
     * Applies what the account's credit notes left unapplied to its open invoices, oldest credit
     * first; before a write-off, so that the invoices close instead of staying open beside a credit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void applyHeldCredit(Long accountId) {
        for (CreditNote note : creditNotes.findByAccountIdOrderByIssuedAtAscIdAsc(accountId)) {
            if (note.getUnappliedAmount().signum() > 0) {
                BigDecimal applied = receivables.applyHeldCredit(accountId, note.getUnappliedAmount(), AllocationSource.creditNote(note.getId()));
                note.heldCreditApplied(applied);
                if (applied.signum() > 0) {
                    timeline.append(accountId, "CREDIT_APPLIED", "Unapplied credit of " + note.getCurrency() + " " + applied.toPlainString()
                            + " from credit note " + note.getExternalId() + " applied to open invoices", note.getExternalId());
                }
            }
        }
    }

    public Optional<CreditNote> find(String externalId) {
        return creditNotes.findByExternalId(externalId);
    }

    public List<CreditNote> of(Long accountId) {
        return creditNotes.findByAccountIdOrderByIssuedAtAscIdAsc(accountId);
    }

    /** What the credit notes recorded on the account at or after {@code since} add up to, by when Dunwell recorded them. */
    public BigDecimal totalSince(Long accountId, Instant since) {
        return creditNotes.totalRecordedSince(accountId, since);
    }

    private Recorded<CreditNote> attempt(CreditNoteCommand c) {
        BookingInput.requireIds(c.externalId(), c.accountId(), c.issuedAt(), "issuedAt", "reason", c.reason(), 500);
        Account account = accounts.find(c.accountId())
                .orElseThrow(() -> new BadRequestException("accountId", "no account with id " + c.accountId()));
        BigDecimal amount = MoneyInput.positive(c.amount(), c.currency(), account.getCurrency());
        String fingerprint = Fingerprint.of(c.accountId(), amount, c.currency(), c.issuedAt(), c.reason(),
                BookingInput.canonical(c.allocations()));
        Optional<CreditNote> existing = creditNotes.findByExternalId(c.externalId());
        if (existing.isPresent()) {
            if (!existing.get().getFingerprint().equals(fingerprint)) {
                throw new ConflictException("Credit note " + c.externalId() + " was already booked with other content");
            }
            return new Recorded<>(existing.get(), true);
        }
        CreditNote note = creditNotes.save(new CreditNote(c.externalId(), account.getId(), amount, c.currency(),
                c.issuedAt(), c.reason(), fingerprint, clock.instant()));
        Booking booking = receivables.book(account.getId(), amount, c.allocations(), AllocationSource.creditNote(note.getId()));
        note.booked(booking);
        timeline.append(account.getId(), "CREDIT_NOTE_BOOKED", "Credit note of " + c.currency() + " " + amount.toPlainString()
                + (c.reason() == null ? "" : " (" + c.reason() + ")") + " " + booking.describe(), c.externalId());
        events.publishEvent(new CreditNoteRecorded(account.getId(), note.getId()));
        return new Recorded<>(note, false);
    }
}
