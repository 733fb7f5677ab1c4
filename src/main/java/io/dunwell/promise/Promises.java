package io.dunwell.promise;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.account.CollectionStatus;
import io.dunwell.invoice.CreditNotes;
import io.dunwell.invoice.Receivables;
import io.dunwell.payment.Payments;
import io.dunwell.system.Money;
import io.dunwell.system.NotFoundException;
import io.dunwell.timeline.Timeline;

/**
 * Takes a customer's promise to pay and checks each installment when it is due. The write methods
 * join the caller's transaction, so a promise, its timeline entries and the account's status
 * commit together with the process step that asked for them.
 */
@Service
@EnableConfigurationProperties(PromisePolicy.class)
public class Promises {

    /** Reminders go out and installments are checked in the customer's morning, not at midnight. */
    private static final LocalTime MORNING = LocalTime.of(9, 0);

    private final PromiseToPayRepository promises;
    private final InstallmentRepository installments;
    private final Accounts accounts;
    private final Receivables receivables;
    private final Payments payments;
    private final CreditNotes creditNotes;
    private final Timeline timeline;
    private final PromisePolicy policy;
    private final Clock clock;

    Promises(PromiseToPayRepository promises, InstallmentRepository installments, Accounts accounts, Receivables receivables,
             Payments payments, CreditNotes creditNotes, Timeline timeline, PromisePolicy policy, Clock clock) {
        this.promises = promises;
        this.installments = installments;
        this.accounts = accounts;
        this.receivables = receivables;
        this.payments = payments;
        this.creditNotes = creditNotes;
        this.timeline = timeline;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Records a promise of {@code total} in {@code installmentCount} equal installments, the first on
     * {@code firstDueDate} and then every {@code interval}, and puts the account in PROMISE_TO_PAY.
     * Bad terms throw a {@link io.dunwell.system.BadRequestException} naming every field at fault.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public PromiseToPay make(Long accountId, Long dunningCaseId, LocalDate firstDueDate, BigDecimal total, int installmentCount,
                             Period interval, String madeBy, String note) {
        if (madeBy == null || madeBy.isBlank()) {
            throw new IllegalArgumentException("a promise needs the agent who took it");
        }
        Account account = account(accountId);
        PromiseTerms terms = PromiseTerms.check(firstDueDate, total, account.currency(), installmentCount, interval, note,
                account.today(clock), policy.maxInstallments());
        PromiseToPay promise = promises.save(new PromiseToPay(accountId, dunningCaseId, terms.total(), account.getCurrency(),
                clock.instant(), madeBy, note));
        List<BigDecimal> amounts = terms.amounts();
        for (int number = 1; number <= installmentCount; number++) {
            installments.save(new Installment(promise.getId(), number, terms.dueDate(number), amounts.get(number - 1),
                    account.getCurrency()));
        }
        timeline.append(accountId, "PROMISE_MADE", "Promise to pay " + money(terms.total(), account.getCurrency())
                + (installmentCount == 1 ? " on " + firstDueDate : " in " + installmentCount + " installments from " + firstDueDate)
                + " by " + madeBy + (note == null || note.isBlank() ? "" : ": " + note), reference(promise));
        accounts.changeCollectionStatus(accountId, CollectionStatus.PROMISE_TO_PAY);
        return promise;
    }

    /**
     * Checks whether the money recorded on the account since the promise was made covers the
     * installments up to {@code number}, or the account owes nothing any more. Checks under the
     * account's lock, so a payment being booked at the same moment is either counted or comes
     * after; an installment already checked keeps its outcome, so a retried step changes nothing.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public InstallmentOutcome check(Long promiseId, int number) {
        PromiseToPay promise = require(promiseId);
        receivables.lock(promise.getAccountId());
        Installment installment = installment(promiseId, number);
        if (installment.isChecked()) {
            return installment.outcome();
        }
        List<Installment> plan = installmentsOf(promiseId);
        BigDecimal due = plan.stream().filter(i -> i.getNumber() <= number).map(Installment::getAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal received = payments.totalSince(promise.getAccountId(), promise.getMadeAt())
                .add(creditNotes.totalSince(promise.getAccountId(), promise.getMadeAt()));
        boolean settled = receivables.balancesOf(account(promise.getAccountId())).openBalance().signum() <= 0;
        InstallmentOutcome outcome = received.compareTo(due) >= 0 || settled ? InstallmentOutcome.KEPT : InstallmentOutcome.BROKEN;
        installment.checked(outcome, clock.instant());
        // a promise ends once: after a broken installment, checking a later one records it and nothing more
        if (promise.isOpen()) {
            record(promise, installment, plan.size(), received, due);
        }
        return outcome;
    }

    /** The reminder's time: the customer's morning {@code reminderDaysBefore} days ahead of the date, or now if that has passed. */
    @Transactional(readOnly = true)
    public Instant reminderAt(Long promiseId, int number) {
        Instant reminder = morningOf(promiseId, installment(promiseId, number).getDueDate().minusDays(policy.reminderDaysBefore()));
        Instant now = clock.instant();
        return reminder.isBefore(now) ? now : reminder;
    }

    /** The check's time: the customer's morning {@code graceDays} days after the date. */
    @Transactional(readOnly = true)
    public Instant checkAt(Long promiseId, int number) {
        return morningOf(promiseId, installment(promiseId, number).getDueDate().plusDays(policy.graceDays()));
    }

    /** How many of the case's promises were broken; the journey escalates after the second. */
    @Transactional(readOnly = true)
    public int brokenCount(Long dunningCaseId) {
        return promises.countByDunningCaseIdAndStatus(dunningCaseId, PromiseStatus.BROKEN);
    }

    @Transactional(readOnly = true)
    public PromiseToPay require(Long promiseId) {
        return promises.findById(promiseId).orElseThrow(() -> new NotFoundException("No promise to pay " + promiseId));
    }

    @Transactional(readOnly = true)
    public Installment installment(Long promiseId, int number) {
        return installments.findByPromiseIdAndNumber(promiseId, number)
                .orElseThrow(() -> new NotFoundException("Promise to pay " + promiseId + " has no installment " + number));
    }

    @Transactional(readOnly = true)
    public List<Installment> installmentsOf(Long promiseId) {
        return installments.findByPromiseIdOrderByNumber(promiseId);
    }

    @Transactional(readOnly = true)
    public List<PromiseToPay> of(Long accountId) {
        return promises.findByAccountIdOrderByMadeAtAscIdAsc(accountId);
    }

    private void record(PromiseToPay promise, Installment installment, int count, BigDecimal received, BigDecimal due) {
        String which = "installment " + installment.getNumber() + " of " + count + " (" + money(installment.getAmount(),
                installment.getCurrency()) + " due " + installment.getDueDate() + ")";
        String promised = "Promise to pay " + money(promise.getTotal(), promise.getCurrency());
        if (installment.getStatus() == PromiseStatus.BROKEN) {
            promise.end(PromiseStatus.BROKEN);
            timeline.append(promise.getAccountId(), "PROMISE_BROKEN", promised + " broken: " + which + " not covered, "
                    + money(received, promise.getCurrency()) + " received of " + money(due, promise.getCurrency()), reference(promise));
            accounts.changeCollectionStatus(promise.getAccountId(), CollectionStatus.IN_COLLECTIONS);
        } else if (installment.getNumber() == count) {
            promise.end(PromiseStatus.KEPT);
            timeline.append(promise.getAccountId(), "PROMISE_KEPT", promised + " kept", reference(promise));
        } else {
            timeline.append(promise.getAccountId(), "INSTALLMENT_KEPT", promised + ": " + which + " kept", reference(promise));
        }
    }

    private Instant morningOf(Long promiseId, LocalDate date) {
        return date.atTime(MORNING).atZone(account(require(promiseId).getAccountId()).zone()).toInstant();
    }

    private Account account(Long accountId) {
        return accounts.require(accounts.externalIdOf(accountId));
    }

    /** 1,000.00 USD: grouped, at the currency's scale, the same in every locale, as the timeline is read by everyone. */
    private static String money(BigDecimal amount, String currency) {
        int digits = Money.currency(currency).getDefaultFractionDigits();
        return String.format(Locale.ROOT, "%,." + digits + "f", amount) + " " + currency;
    }

    private static String reference(PromiseToPay promise) {
        return "promise:" + promise.getId();
    }
}
