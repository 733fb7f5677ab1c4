package io.dunwell.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.Invoices;
import io.dunwell.payment.Payments;

/** Other tests share the database: each test makes its own accounts and asserts only about them. */
@DunwellIntegrationTest
class DelinquentAccountsTests {

    @Autowired
    DelinquentAccounts delinquent;
    @Autowired
    DunningCases cases;
    @Autowired
    DunningPolicy policy;
    @Autowired
    Accounts accounts;
    @Autowired
    Invoices invoices;
    @Autowired
    Payments payments;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactions;

    Delinquents given;

    @BeforeEach
    void setUp() {
        given = new Delinquents(accounts, invoices, payments, jdbc, clock);
    }

    @Test
    void defaultPolicyIsOneDayPastDueAboveZero() {
        assertThat(policy.minDaysPastDue()).isEqualTo(1);
        assertThat(policy.threshold()).isEqualByComparingTo("0");
        assertThat(policy.runCron()).isEqualTo("0 0 6 * * MON-FRI");
        assertThat(policy.minimumNoticeSpacing()).hasDays(5);
    }

    @Test
    void accountTenDaysOverdueWithABalanceIsDelinquent() {
        Account late = given.overdue(10, "40.00");

        assertThat(delinquentAmong(late)).containsExactly(late.getId());
    }

    @Test
    void accountNotYetPastTheMinimumDaysIsNot() {
        Account dueYesterday = given.overdue(1, "100.00");
        Account dueToday = given.overdue(0, "100.00");
        Account twoDaysLate = given.overdue(2, "100.00");

        assertThat(delinquentAmong(dueYesterday, dueToday, twoDaysLate)).containsExactly(twoDaysLate.getId());
    }

    @Test
    void exemptFrozenAndPausedAccountsAreNotDelinquentUntilThePauseIsOver() {
        Account exempt = given.overdue(10, "100.00");
        given.exempt(exempt);
        Account frozen = given.overdue(10, "100.00");
        given.freeze(frozen);
        Account pausedUntilTomorrow = given.overdue(10, "100.00");
        given.pauseUntil(pausedUntilTomorrow, pausedUntilTomorrow.today(clock).plusDays(1));
        Account pausedUntilToday = given.overdue(10, "100.00");
        given.pauseUntil(pausedUntilToday, pausedUntilToday.today(clock));
        Account pausedUntilYesterday = given.overdue(10, "100.00");
        given.pauseUntil(pausedUntilYesterday, pausedUntilYesterday.today(clock).minusDays(1));

        assertThat(delinquentAmong(exempt, frozen, pausedUntilTomorrow, pausedUntilToday, pausedUntilYesterday))
                .containsExactly(pausedUntilYesterday.getId());
    }

    @Test
    void paidAccountAndAccountWhoseOverdueBalanceUnappliedCreditCoversAreNot() {
        Account paid = given.overdue(10, "0.00");
        Account inCredit = given.account("Europe/Berlin");
        given.pay(inCredit, "100.00");
        given.invoice(inCredit, inCredit.today(clock).minusDays(10), "100.00");
        Account partlyCovered = given.account("Europe/Berlin");
        given.pay(partlyCovered, "99.99");
        given.invoice(partlyCovered, partlyCovered.today(clock).minusDays(10), "100.00");

        assertThat(delinquentAmong(paid, inCredit, partlyCovered)).containsExactly(partlyCovered.getId());
    }

    @Test
    void onlyOverdueInvoicesCountTowardsTheBalance() {
        Account overdueButCredited = given.account("Europe/Berlin");
        given.pay(overdueButCredited, "100.00");
        given.invoice(overdueButCredited, overdueButCredited.today(clock).minusDays(10), "100.00");
        given.invoice(overdueButCredited, overdueButCredited.today(clock).plusDays(20), "100.00");

        assertThat(delinquentAmong(overdueButCredited)).isEmpty();
    }

    @Test
    void daysPastDueCountInTheAccountsOwnTimeZone() {
        // UTC+14 and UTC-11: on any instant Kiritimati's date is one or two days ahead of Pago Pago's
        LocalDate twoDaysBeforeKiritimatiToday = LocalDate.now(clock.withZone(ZoneId.of("Pacific/Kiritimati"))).minusDays(2);
        Account kiritimati = given.account("Pacific/Kiritimati");
        given.invoice(kiritimati, twoDaysBeforeKiritimatiToday, "100.00");
        Account pagoPago = given.account("Pacific/Pago_Pago");
        given.invoice(pagoPago, twoDaysBeforeKiritimatiToday, "100.00");

        assertThat(delinquentAmong(kiritimati, pagoPago)).containsExactly(kiritimati.getId());
    }

    @Test
    void accountWithAnActiveCaseIsLeftOutUntilTheCaseCloses() {
        Account late = given.overdue(10, "100.00");
        DunningCase opened = inTransaction(() -> cases.open(late.getId()).orElseThrow());

        assertThat(delinquentAmong(late)).isEmpty();

        inTransaction(() -> cases.close(opened.getId(), DunningCaseStatus.CLOSED, "agent closed it"));

        assertThat(delinquentAmong(late)).containsExactly(late.getId());
    }

    @Test
    void pagingThroughAnIdRangeReturnsEveryDelinquentAccountOnce() {
        List<Long> late = new ArrayList<>();
        List<Long> onTime = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            late.add(given.overdue(10, "100.00").getId());
            onTime.add(given.overdue(0, "100.00").getId());
        }
        long through = onTime.get(onTime.size() - 1);

        List<Long> paged = new ArrayList<>();
        List<Long> page;
        long after = late.get(0) - 1;
        while (!(page = delinquent.page(after, through, 3, given.now())).isEmpty()) {
            assertThat(page).hasSizeLessThanOrEqualTo(3).isSorted().allMatch(id -> id > late.get(0) - 1 && id <= through);
            paged.addAll(page);
            after = page.get(page.size() - 1);
        }

        assertThat(paged).doesNotHaveDuplicates().containsAll(late).doesNotContainAnyElementsOf(onTime);
        assertThat(delinquent.maxAccountId()).hasValueSatisfying(max -> assertThat(max).isGreaterThanOrEqualTo(through));
    }

    @Test
    void isDelinquentAnswersForOneAccount() {
        Account late = given.overdue(10, "100.00");
        Account onTime = given.overdue(0, "100.00");

        assertThat(delinquent.isDelinquent(late.getId(), given.now())).isTrue();
        assertThat(delinquent.isDelinquent(onTime.getId(), given.now())).isFalse();
    }

    /** Which of these accounts a run finds now, paging through the range they span. */
    private List<Long> delinquentAmong(Account... candidates) {
        List<Long> ids = Stream.of(candidates).map(Account::getId).toList();
        long after = ids.stream().mapToLong(Long::longValue).min().orElseThrow() - 1;
        long through = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
        List<Long> found = new ArrayList<>();
        List<Long> page;
        while (!(page = delinquent.page(after, through, 100, given.now())).isEmpty()) {
            found.addAll(page);
            after = page.get(page.size() - 1);
        }
        return found.stream().filter(ids::contains).toList();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
    }
}
