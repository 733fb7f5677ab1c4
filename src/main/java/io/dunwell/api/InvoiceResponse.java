package io.dunwell.api;

import java.time.LocalDate;

import io.dunwell.invoice.Invoice;

record InvoiceResponse(String externalId, String accountId, String number, LocalDate issueDate, LocalDate dueDate,
                       String currency, String amount, String balance, String status) {

    static InvoiceResponse of(Invoice i, String accountExternalId) {
        return new InvoiceResponse(i.getExternalId(), accountExternalId, i.getNumber(), i.getIssueDate(), i.getDueDate(),
                i.getCurrency(), i.getAmount().toPlainString(), i.getBalance().toPlainString(), i.getStatus());
    }
}
