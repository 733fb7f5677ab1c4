package io.dunwell.demo;

import java.util.List;

import io.dunwell.account.AccountDetails;
import io.dunwell.invoice.CreditNoteCommand;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.payment.PaymentCommand;

/** One demo customer as its billing system would send it: the account, its invoices, its payments and credits. */
record DemoAccount(String externalId, AccountDetails details, List<InvoiceCommand> invoices,
                   List<PaymentCommand> payments, List<CreditNoteCommand> creditNotes) {
}
