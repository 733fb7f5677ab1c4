package io.dunwell.invoice;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.system.BadRequestException;
import io.dunwell.system.BadRequestException.FieldError;
import io.dunwell.system.Money;

/**
 * Spreads money over an account's invoices: as the sender says, else oldest due first.
 * What no open invoice takes stays on the account as unapplied credit. Runs inside the
 * booking's transaction, after {@link Receivables#lock} took the account's lock.
 */
@Component
class Allocator {

    private final InvoiceRepository invoices;
    private final AllocationRepository allocations;
    private final Clock clock;

    Allocator(InvoiceRepository invoices, AllocationRepository allocations, Clock clock) {
        this.invoices = invoices;
        this.allocations = allocations;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Booking allocate(Long accountId, BigDecimal amount, List<AllocationRequest> requested, AllocationSource source) {
        List<Invoice> open = invoices.findOpenOldestFirst(accountId);
        List<Allocation> planned = requested == null || requested.isEmpty()
                ? oldestFirst(open, amount, source)
                : asRequested(open, amount, requested, source);
        Map<Long, Invoice> byId = open.stream().collect(Collectors.toMap(Invoice::getId, Function.identity()));
        List<AppliedInvoice> applied = new ArrayList<>();
        BigDecimal remaining = amount;
        for (Allocation allocation : planned) {
            Invoice invoice = byId.get(allocation.getInvoiceId());
            invoice.reduceBalance(allocation.getAmount(), clock.instant());
            allocations.save(allocation);
            applied.add(new AppliedInvoice(invoice.getExternalId(), invoice.getNumber(), allocation.getAmount()));
            remaining = remaining.subtract(allocation.getAmount());
        }
        return new Booking(applied, remaining);
    }

    private List<Allocation> oldestFirst(List<Invoice> open, BigDecimal amount, AllocationSource source) {
        List<Allocation> planned = new ArrayList<>();
        BigDecimal remaining = amount;
        for (Invoice invoice : open) {
            if (remaining.signum() == 0) {
                break;
            }
            BigDecimal part = remaining.min(invoice.getBalance());
            planned.add(new Allocation(invoice.getId(), source, part, clock.instant()));
            remaining = remaining.subtract(part);
        }
        return planned;
    }

    private List<Allocation> asRequested(List<Invoice> open, BigDecimal amount, List<AllocationRequest> requested,
                                         AllocationSource source) {
        Map<String, Invoice> byExternalId = open.stream().collect(Collectors.toMap(Invoice::getExternalId, Function.identity()));
        List<FieldError> errors = new ArrayList<>();
        List<Allocation> planned = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < requested.size(); i++) {
            AllocationRequest request = requested.get(i);
            String field = "allocations[" + i + "]";
            Invoice invoice = request.invoiceId() == null ? null : byExternalId.get(request.invoiceId());
            if (invoice == null) {
                errors.add(new FieldError(field + ".invoiceId", "no open invoice " + request.invoiceId() + " on this account"));
            } else if (!seen.add(request.invoiceId())) {
                errors.add(new FieldError(field + ".invoiceId", "invoice " + request.invoiceId() + " is listed twice"));
            } else if (request.amount() == null || request.amount().signum() <= 0) {
                errors.add(new FieldError(field + ".amount", "must be greater than zero"));
            } else {
                BigDecimal part;
                try {
                    part = Money.scaled(request.amount(), Money.currency(invoice.getCurrency()));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(field + ".amount", e.getMessage()));
                    continue;
                }
                if (part.compareTo(invoice.getBalance()) > 0) {
                    errors.add(new FieldError(field + ".amount", "is more than the invoice's open balance " + invoice.getBalance()));
                    continue;
                }
                total = total.add(part);
                planned.add(new Allocation(invoice.getId(), source, part, clock.instant()));
            }
        }
        if (total.compareTo(amount) > 0) {
            errors.add(new FieldError("allocations", "allocate " + total + " in all, more than the amount " + amount));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        return planned;
    }
}
