package io.dunwell.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.dunwell.invoice.Invoice;
import io.dunwell.invoice.Invoices;
import io.dunwell.system.NotFoundException;
import io.dunwell.system.RowResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/invoices")
@Tag(name = "Invoices")
class InvoiceController {

    private final Invoices invoices;

    InvoiceController(Invoices invoices) {
        this.invoices = invoices;
    }

    @PutMapping("/{externalId}")
    @Operation(summary = "Create or update an invoice by the billing system's id (201 when created, 200 otherwise)")
    ResponseEntity<InvoiceResponse> put(@PathVariable String externalId, @RequestBody InvoiceRequest request) {
        RowResult<Invoice> result = invoices.upsert(request.command(externalId));
        HttpStatus status = result.outcome() == RowResult.Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(InvoiceResponse.of(result.value(), request.accountId()));
    }

    @GetMapping("/{externalId}")
    @Operation(summary = "One invoice with its open balance and status")
    InvoiceResponse get(@PathVariable String externalId) {
        return invoices.view(externalId).map(v -> InvoiceResponse.of(v.invoice(), v.accountExternalId()))
                .orElseThrow(() -> new NotFoundException("No invoice with id " + externalId));
    }
}
