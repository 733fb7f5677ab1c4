package io.dunwell.invoice;

import java.math.BigDecimal;
import java.util.List;

/** How booked money was applied: per invoice, and what was left over as unapplied credit. */
public record Booking(List<AppliedInvoice> applied, BigDecimal unapplied) {

    public String describe() {
        if (applied.isEmpty()) {
            return "held as unapplied credit";
        }
        StringBuilder text = new StringBuilder("applied to ");
        for (int i = 0; i < applied.size(); i++) {
            AppliedInvoice line = applied.get(i);
            text.append(i == 0 ? "" : ", ").append(line.invoiceNumber()).append(" (").append(line.amount().toPlainString()).append(')');
        }
        if (unapplied.signum() > 0) {
            text.append("; ").append(unapplied.toPlainString()).append(" held as unapplied credit");
        }
        return text.toString();
    }
}
