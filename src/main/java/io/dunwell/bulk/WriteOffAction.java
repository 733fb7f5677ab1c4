package io.dunwell.bulk;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;

import io.dunwell.account.Account;
import io.dunwell.approval.MoneyMove;
import io.dunwell.dunning.WriteOffs;
import io.dunwell.invoice.Receivables;
import io.dunwell.system.Money;

/**
 * {@code writeOff}: a credit note equal to the account's open balance <em>now</em> (not as of the
 * report's date: money received since must not turn into a credit), and the active dunning case
 * ends, as an approved write-off in the escalation does. The credit note's id is made of the
 * request's key and the account, so a retry books nothing twice. Above the requester's limits
 * (WriteOffApproval) it waits for an approver, and then writes off no more than was approved.
 */
@Component
class WriteOffAction implements BulkAction {

    private final Receivables receivables;
    private final WriteOffs writeOffs;

    WriteOffAction(Receivables receivables, WriteOffs writeOffs) {
        this.receivables = receivables;
        this.writeOffs = writeOffs;
    }

    @Override
    public String name() {
        return "writeOff";
    }

    @Override
    public boolean supervisorsOnly() {
        return true;
    }

    @Override
    public MoneyMove moneyMove() {
        return MoneyMove.WRITE_OFF;
    }

    @Override
    public void check(Parameters parameters) {
        parameters.optionalText("reason", 200);
    }

    @Override
    public Outcome plan(Target target) {
        Account account = target.account();
        BigDecimal balance = receivables.balancesOf(account).openBalance();
        return balance.signum() <= 0 ? Outcome.skipped("nothing open to write off")
                : Outcome.planned("write off the open balance").withAmount(balance, account.getCurrency());
    }

    @Override
    public Outcome apply(Target target) {
        Outcome planned = plan(target);
        if (!planned.status().equals(BulkResult.PLANNED)) {
            return planned;
        }
        if (target.beyondApproval(planned.amount())) {
            return Outcome.skipped("the open balance grew to " + planned.amount().toPlainString() + " " + planned.currency()
                    + ", more than the " + Money.scaled(target.approved(), target.account().currency()).toPlainString()
                    + " approved: request the write-off again");
        }
        String creditNoteId = target.idFor("WO");
        String reason = target.parameters().optionalText("reason", 200);
        BigDecimal written = writeOffs.writeOffAccount(target.account().getId(), creditNoteId,
                target.user() + (reason == null ? "" : " (" + reason + ")"));
        return new Outcome(BulkResult.DONE, "credit note " + creditNoteId + " wrote off the balance", written,
                target.account().getCurrency(), creditNoteId);
    }
}
