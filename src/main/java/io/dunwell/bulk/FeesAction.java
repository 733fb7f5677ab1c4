package io.dunwell.bulk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.springframework.stereotype.Component;

import io.dunwell.account.Account;
import io.dunwell.approval.MoneyMove;
import io.dunwell.invoice.BalancesAsOf;
import io.dunwell.invoice.BalancesAsOf.AsOf;
import io.dunwell.invoice.BalancesAsOf.OpenItem;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.system.Money;

/**
 * {@code fees}: a new fee invoice per account, never a change to an existing invoice. The amount
 * ({@code basis}) is {@code fixed} ({@code amount} in the account's currency), or {@code percent}
 * of the balance as of the report's date ({@code percentOfBalance}), of each open invoice's
 * balance then ({@code percentOfInvoiceBalance}) or of each such invoice's total
 * ({@code percentOfInvoiceTotal}). Percentages round HALF_UP to the currency's minor unit: once per
 * account, or once per invoice and then summed. Accounts with nothing open on that date get no fee.
 * The fee invoice is due {@code dueInDays} (default 14) after today; its id is made of the request's
 * key and the account, so a retried request finds it instead of charging twice.
 */
@Component
class FeesAction implements BulkAction {

    static final List<String> BASES = List.of("fixed", "percentOfBalance", "percentOfInvoiceBalance", "percentOfInvoiceTotal");
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private final BalancesAsOf balances;
    private final Invoices invoices;
    private final Clock clock;

    FeesAction(BalancesAsOf balances, Invoices invoices, Clock clock) {
        this.balances = balances;
        this.invoices = invoices;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "fees";
    }

    @Override
    public boolean supervisorsOnly() {
        return true;
    }

    @Override
    public MoneyMove moneyMove() {
        return MoneyMove.FEES;
    }

    @Override
    public void check(Parameters parameters) {
        String basis = parameters.oneOf("basis", BASES);
        if (basis.equals("fixed")) {
            parameters.positive("amount");
        } else if (parameters.positive("percent").compareTo(HUNDRED) > 0) {
            throw Parameters.refused("percent", "must be at most 100");
        }
        parameters.wholeNumber("dueInDays", 14, 0, 365);
    }

    @Override
    public Outcome plan(Target target) {
        Account account = target.account();
        AsOf asOf = balances.of(account, target.asOf());
        if (asOf.balance().signum() <= 0) {
            return Outcome.skipped("nothing open on " + target.asOf());
        }
        BigDecimal fee = fee(target.parameters(), asOf, account.currency());
        if (fee.signum() <= 0) {
            return Outcome.skipped("the fee rounds to 0");
        }
        return Outcome.planned(describe(target.parameters(), asOf)).withAmount(fee, account.getCurrency());
    }

    @Override
    public Outcome apply(Target target) {
        Outcome planned = plan(target);
        if (!planned.status().equals(BulkResult.PLANNED)) {
            return planned;
        }
        if (target.beyondApproval(planned.amount())) {
            return Outcome.skipped("the fee would be " + planned.amount().toPlainString() + " " + planned.currency()
                    + ", more than the " + Money.scaled(target.approved(), target.account().currency()).toPlainString() + " approved");
        }
        Account account = target.account();
        String invoiceId = target.idFor("FEE");
        LocalDate today = account.today(clock);
        invoices.upsert(new InvoiceCommand(invoiceId, account.getExternalId(), invoiceId, today,
                today.plusDays(target.parameters().wholeNumber("dueInDays", 14, 0, 365)), account.getCurrency(),
                planned.amount(), null, null));
        return new Outcome(BulkResult.DONE, "fee invoice " + invoiceId + ": " + planned.detail(), planned.amount(),
                account.getCurrency(), invoiceId);
    }

    private static BigDecimal fee(Parameters parameters, AsOf asOf, Currency currency) {
        String basis = parameters.oneOf("basis", BASES);
        if (basis.equals("fixed")) {
            return Money.scaled(parameters.positive("amount"), currency);
        }
        BigDecimal percent = parameters.positive("percent");
        return switch (basis) {
            case "percentOfBalance" -> percentOf(asOf.balance(), percent, currency);
            case "percentOfInvoiceBalance" -> asOf.openItems().stream().map(item -> percentOf(item.balance(), percent, currency))
                    .reduce(Money.zero(currency), BigDecimal::add);
            default -> asOf.openItems().stream().map(item -> percentOf(item.amount(), percent, currency))
                    .reduce(Money.zero(currency), BigDecimal::add);
        };
    }

    private static BigDecimal percentOf(BigDecimal base, BigDecimal percent, Currency currency) {
        return base.multiply(percent).divide(HUNDRED, currency.getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }

    private static String describe(Parameters parameters, AsOf asOf) {
        String basis = parameters.oneOf("basis", BASES);
        return switch (basis) {
            case "fixed" -> "fixed fee";
            case "percentOfBalance" -> parameters.positive("percent").toPlainString() + "% of the balance of "
                    + asOf.balance().toPlainString() + " " + asOf.currency() + " on " + asOf.date();
            case "percentOfInvoiceBalance" -> parameters.positive("percent").toPlainString() + "% of the balances of "
                    + asOf.openItems().size() + " open invoices on " + asOf.date();
            default -> parameters.positive("percent").toPlainString() + "% of the totals of " + asOf.openItems().size()
                    + " open invoices on " + asOf.date() + " (" + asOf.openItems().stream().map(OpenItem::number).toList() + ")";
        };
    }
}
