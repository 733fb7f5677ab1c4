package io.dunwell.invoice;

import java.math.BigDecimal;

/** One line of how money was applied, by the invoice's external id and number. */
public record AppliedInvoice(String invoiceId, String invoiceNumber, BigDecimal amount) {
}
