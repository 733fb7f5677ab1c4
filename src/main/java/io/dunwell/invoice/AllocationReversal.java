package io.dunwell.invoice;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.system.Money;

/**
 * Gives back what payments and credit notes had applied to an invoice the billing system voided:
 * the customer's money stays theirs, as unapplied credit on the account, just as the billing
 * system moves it to the customer's credit balance. Without this the money would vanish with
 * the invoice, and a re-issued invoice would be dunned in full.
 */
@Component
class AllocationReversal {

    private final AllocationRepository allocations;
    private final CreditNoteRepository creditNotes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AllocationReversal(AllocationRepository allocations, CreditNoteRepository creditNotes, ApplicationEventPublisher events,
                       Clock clock) {
        this.allocations = allocations;
        this.creditNotes = creditNotes;
        this.events = events;
        this.clock = clock;
    }

    /** Runs under the account's lock; returns the amount given back, at the currency's scale. */
    @Transactional(propagation = Propagation.MANDATORY)
    BigDecimal reverseAllOn(Invoice voided, ReceivablesSummary locked) {
        List<Allocation> parts = allocations.findByInvoiceIdAndReversedAtIsNull(voided.getId());
        BigDecimal total = BigDecimal.ZERO;
        for (Allocation part : parts) {
            if (part.getCreditNoteId() != null) {
                creditNotes.findById(part.getCreditNoteId()).orElseThrow().allocationReversed(part.getAmount());
            } else {
                events.publishEvent(new PaymentAllocationReversed(part.getPaymentId(), part.getAmount()));
            }
            part.reverse(clock.instant());
            total = total.add(part.getAmount());
        }
        locked.addUnapplied(total, clock.instant());
        return Money.scaled(total, Money.currency(voided.getCurrency()));
    }
}
