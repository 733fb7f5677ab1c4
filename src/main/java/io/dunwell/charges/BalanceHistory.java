package io.dunwell.charges;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.dunwell.invoice.AllocationHistory.DatedAllocation;

/**
 * An invoice's balance at the end of each day, worked back from its balance now: the money applied
 * after a day is added back for that day. Working back, not forward from the amount, trusts the
 * billing system where it lowered a balance itself: Dunwell cannot date that money, so it counts
 * as gone on every day, and no interest is charged on what the billing system says is not owed.
 */
final class BalanceHistory {

    /** Money applied to the invoice, dated in the account's zone; {@code payment} false for a credit note. */
    record MoneyApplied(LocalDate on, BigDecimal amount, boolean payment) {
    }

    private final BigDecimal balanceNow;
    private final List<MoneyApplied> applied;

    BalanceHistory(BigDecimal balanceNow, List<MoneyApplied> applied) {
        this.balanceNow = balanceNow;
        this.applied = applied.stream().sorted(Comparator.comparing(MoneyApplied::on)).toList();
    }

    /** The booking date of each allocation is the day its money arrived where the customer is. */
    static BalanceHistory of(BigDecimal balanceNow, List<DatedAllocation> allocations, ZoneId zone) {
        return new BalanceHistory(balanceNow, allocations.stream().map(allocation -> new MoneyApplied(
                allocation.valueTime().atZone(zone).toLocalDate(), allocation.amount().setScale(balanceNow.scale()),
                allocation.payment())).toList());
    }

    /** What was still owed at the end of {@code day}: money received that day no longer bears interest. */
    BigDecimal endOf(LocalDate day) {
        return applied.stream().filter(money -> money.on().isAfter(day)).map(MoneyApplied::amount).reduce(balanceNow, BigDecimal::add);
    }

    /**
     * The day a payment cleared the invoice. Empty while something is owed, when a credit note
     * cleared it (a correction or a write-off: the creditor gave up the rest, so nothing more is
     * charged on it), and when the billing system cleared it without money Dunwell saw (no date).
     */
    Optional<LocalDate> paidInFullOn() {
        if (balanceNow.signum() != 0 || applied.isEmpty()) {
            return Optional.empty();
        }
        MoneyApplied last = applied.get(applied.size() - 1);
        return last.payment() ? Optional.of(last.on()) : Optional.empty();
    }
}
