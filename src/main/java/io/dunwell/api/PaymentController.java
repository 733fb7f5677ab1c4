package io.dunwell.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.dunwell.account.Accounts;
import io.dunwell.invoice.AllocationSource;
import io.dunwell.invoice.Receivables;
import io.dunwell.payment.Payment;
import io.dunwell.payment.Payments;
import io.dunwell.system.NotFoundException;
import io.dunwell.system.Recorded;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Payments")
class PaymentController {

    private final Payments payments;
    private final Accounts accounts;
    private final Receivables receivables;

    PaymentController(Payments payments, Accounts accounts, Receivables receivables) {
        this.payments = payments;
        this.accounts = accounts;
        this.receivables = receivables;
    }

    @PostMapping
    @Operation(summary = "Record a payment: 201 when new, 200 with the same payment on a replay, 409 when the id was used for other content")
    ResponseEntity<BookingResponse> record(@RequestBody PaymentRequest request) {
        Recorded<Payment> recorded = payments.record(request.command());
        return ResponseEntity.status(recorded.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(view(recorded.value()));
    }

    @GetMapping("/{externalId}")
    @Operation(summary = "One payment and how it was applied")
    BookingResponse get(@PathVariable String externalId) {
        return payments.find(externalId).map(this::view)
                .orElseThrow(() -> new NotFoundException("No payment with id " + externalId));
    }

    private BookingResponse view(Payment payment) {
        return BookingResponse.of(payment, accounts.externalIdOf(payment.getAccountId()),
                receivables.appliedFrom(AllocationSource.payment(payment.getId())));
    }
}
