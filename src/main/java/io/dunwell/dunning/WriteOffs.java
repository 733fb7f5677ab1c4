package io.dunwell.dunning;

import java.math.BigDecimal;
import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.account.Account;
import io.dunwell.account.AccountService;
import io.dunwell.account.CollectionStatus;
import io.dunwell.invoice.CreditNoteCommand;
import io.dunwell.invoice.CreditNoteService;
import io.dunwell.invoice.Receivables;
import io.dunwell.timeline.Timeline;

/**
 * Writes off an approved balance: a credit note equal to the open balance, booked once per case
 * (its id is made of the case's), then the case ends. The credit's own CreditNoteRecorded event
 * finds the case already closed, so the settle-on-payment path leaves it alone.
 */
@Service
public class WriteOffs {

    private final AccountService accounts;
    private final Receivables receivables;
    private final CreditNoteService creditNotes;
    private final DunningCases cases;
    private final Timeline timeline;
    private final CurrentUser currentUser;
    private final Clock clock;

    WriteOffs(AccountService accounts, Receivables receivables, CreditNoteService creditNotes, DunningCases cases,
              Timeline timeline, CurrentUser currentUser, Clock clock) {
        this.accounts = accounts;
        this.receivables = receivables;
        this.creditNotes = creditNotes;
        this.cases = cases;
        this.timeline = timeline;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional
    public void writeOff(Long caseId, Long accountId) {
        Account account = accounts.get(accountId);
        String creditNoteId = creditNoteIdOf(caseId);
        BigDecimal balance = receivables.balancesOf(account).openBalance();
        if (creditNotes.find(creditNoteId).isEmpty() && balance.signum() > 0) {
            creditNotes.record(new CreditNoteCommand(creditNoteId, account.getExternalId(), balance, account.getCurrency(),
                    account.today(clock).atStartOfDay(account.zone()).toInstant(),
                    "Write-off approved by " + currentUser.id(), null));
        }
        accounts.changeCollectionStatus(accountId, CollectionStatus.WRITTEN_OFF);
        timeline.append(accountId, "WRITTEN_OFF", "Balance of " + AccountFormats.money(balance.max(BigDecimal.ZERO), account)
                + " written off", creditNoteId);
        cases.close(caseId, DunningCaseStatus.CLOSED, "written off");
    }

    public static String creditNoteIdOf(Long caseId) {
        return "write-off-case-" + caseId;
    }
}
