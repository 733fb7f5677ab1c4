package io.dunwell.dunning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.dunning.DunningCadence.CadenceStep;
import io.dunwell.invoice.Balances;
import io.dunwell.invoice.Receivables;

/**
 * Decides a dunning case's next step from the account as it is now (the "refetch" before every
 * step): days are counted from the oldest unpaid invoice's due date in the account's time zone,
 * so paying that invoice re-anchors the schedule. A case that is behind catches up with one
 * notice — the highest level its age calls for — and notices stay a minimum spacing apart.
 */
@Service
public class NoticePlanner {

    private final Accounts accounts;
    private final Receivables receivables;
    private final DunningCadence cadence;
    private final DunningPolicy policy;
    private final Clock clock;

    NoticePlanner(Accounts accounts, Receivables receivables, DunningCadence cadence, DunningPolicy policy, Clock clock) {
        this.accounts = accounts;
        this.receivables = receivables;
        this.cadence = cadence;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * @param lastLevel    the level of the last notice sent in this case, 0 for none
     * @param lastNoticeAt when it was sent, null for none
     */
    @Transactional(readOnly = true)
    public NextStep plan(Long accountId, int lastLevel, Instant lastNoticeAt) {
        Account account = accounts.get(accountId);
        Balances balances = receivables.balancesOf(account);
        Instant now = clock.instant();
        if (isSettled(balances)) {
            return NextStep.settled();
        }
        LocalDate today = account.today(clock);
        if (account.isFrozen() || account.isDunningExempt()) {
            return NextStep.waitUntil(at(account, today.plusDays(1)));
        }
        if (account.getDunningPausedUntil() != null && !account.getDunningPausedUntil().isBefore(today)) {
            return NextStep.waitUntil(at(account, account.getDunningPausedUntil().plusDays(1)));
        }
        List<CadenceStep> steps = cadence.stepsFor(account.getSegment());
        Instant spacedFrom = lastNoticeAt == null ? Instant.MIN : lastNoticeAt.plus(policy.minimumNoticeSpacing());
        Optional<CadenceStep> due = steps.stream()
                .filter(step -> step.level() > lastLevel && step.daysPastDue() <= balances.daysPastDue())
                .reduce((lower, higher) -> higher);
        if (due.isPresent()) {
            return now.isBefore(spacedFrom) ? NextStep.waitUntil(spacedFrom) : NextStep.notice(due.get());
        }
        Optional<CadenceStep> next = steps.stream().filter(step -> step.level() > lastLevel).findFirst();
        if (next.isEmpty()) {
            return NextStep.collect();
        }
        Instant dueAt = at(account, balances.oldestUnpaidDueDate().plusDays(next.get().daysPastDue()));
        return NextStep.waitUntil(dueAt.isBefore(spacedFrom) ? spacedFrom : dueAt);
    }

    /** Whether the account owes nothing overdue above the threshold any more: its case ends as settled. */
    @Transactional(readOnly = true)
    public boolean isSettled(Long accountId) {
        return isSettled(receivables.balancesOf(accounts.get(accountId)));
    }

    private boolean isSettled(Balances balances) {
        return balances.oldestUnpaidDueDate() == null || balances.overdueBalance().compareTo(policy.threshold()) <= 0;
    }

    private Instant at(Account account, LocalDate day) {
        return day.atTime(policy.noticeTime()).atZone(account.zone()).toInstant();
    }

    /**
     * What the case does next.
     *
     * @param kind    {@link #NOTICE}, {@link #WAIT}, {@link #SETTLED} or {@link #COLLECT}
     * @param notice  the notice to send, for NOTICE
     * @param checkAt when to plan again, for WAIT
     */
    public record NextStep(String kind, CadenceStep notice, Instant checkAt) {

        public static final String NOTICE = "NOTICE";
        public static final String WAIT = "WAIT";
        public static final String SETTLED = "SETTLED";
        public static final String COLLECT = "COLLECT";

        static NextStep notice(CadenceStep step) {
            return new NextStep(NOTICE, step, null);
        }

        static NextStep waitUntil(Instant checkAt) {
            return new NextStep(WAIT, null, checkAt);
        }

        static NextStep settled() {
            return new NextStep(SETTLED, null, null);
        }

        static NextStep collect() {
            return new NextStep(COLLECT, null, null);
        }
    }
}
