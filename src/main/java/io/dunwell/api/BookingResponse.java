package io.dunwell.api;

import java.time.Instant;
import java.util.List;

import io.dunwell.invoice.AppliedInvoice;
import io.dunwell.invoice.CreditNote;
import io.dunwell.payment.Payment;

/** A booked payment or credit note and how it was applied. */
record BookingResponse(String externalId, String accountId, String amount, String currency, Instant at, String reference,
                       List<AllocationDto> allocations, String unappliedAmount) {

    static BookingResponse of(Payment p, String accountId, List<AppliedInvoice> applied) {
        return new BookingResponse(p.getExternalId(), accountId, p.getAmount().toPlainString(), p.getCurrency(),
                p.getReceivedAt(), p.getReference(), dtos(applied), p.getUnappliedAmount().toPlainString());
    }

    static BookingResponse of(CreditNote c, String accountId, List<AppliedInvoice> applied) {
        return new BookingResponse(c.getExternalId(), accountId, c.getAmount().toPlainString(), c.getCurrency(),
                c.getIssuedAt(), c.getReason(), dtos(applied), c.getUnappliedAmount().toPlainString());
    }

    private static List<AllocationDto> dtos(List<AppliedInvoice> applied) {
        return applied.stream().map(a -> new AllocationDto(a.invoiceId(), a.amount())).toList();
    }
}
