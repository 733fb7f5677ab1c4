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
import io.dunwell.invoice.CreditNote;
import io.dunwell.invoice.CreditNotes;
import io.dunwell.system.NotFoundException;
import io.dunwell.system.Recorded;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/credit-notes")
@Tag(name = "Credit notes")
class CreditNoteController {

    private final CreditNotes creditNotes;
    private final Accounts accounts;
    private final Receivables receivables;

    CreditNoteController(CreditNotes creditNotes, Accounts accounts, Receivables receivables) {
        this.creditNotes = creditNotes;
        this.accounts = accounts;
        this.receivables = receivables;
    }

    @PostMapping
    @Operation(summary = "Record a credit note: 201 when new, 200 with the same credit note on a replay, 409 when the id was used for other content")
    ResponseEntity<BookingResponse> record(@RequestBody CreditNoteRequest request) {
        Recorded<CreditNote> recorded = creditNotes.record(request.command());
        return ResponseEntity.status(recorded.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(view(recorded.value()));
    }

    @GetMapping("/{externalId}")
    @Operation(summary = "One credit note and how it was applied")
    BookingResponse get(@PathVariable String externalId) {
        return creditNotes.find(externalId).map(this::view)
                .orElseThrow(() -> new NotFoundException("No credit note with id " + externalId));
    }

    private BookingResponse view(CreditNote creditNote) {
        return BookingResponse.of(creditNote, accounts.externalIdOf(creditNote.getAccountId()),
                receivables.appliedFrom(AllocationSource.creditNote(creditNote.getId())));
    }
}
