package io.dunwell.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.account.CollectionStatus;
import io.dunwell.dunning.DunningCases;
import io.dunwell.invoice.CreditNoteCommand;
import io.dunwell.invoice.CreditNotes;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.payment.PaymentCommand;
import io.dunwell.payment.Payments;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.BadRequestException.FieldError;
import io.dunwell.timeline.Timeline;
import io.dunwell.timeline.TimelineEntry;

@DunwellIntegrationTest
class PromisesTests {

    private static final Period MONTHLY = Period.ofMonths(1);

    @Autowired
    Promises promises;
    @Autowired
    Accounts accounts;
    @Autowired
    Invoices invoices;
    @Autowired
    Payments payments;
    @Autowired
    CreditNotes creditNotes;
    @Autowired
    DunningCases cases;
    @Autowired
    Timeline timeline;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    Account customer;
    LocalDate nextWeek;

    @BeforeEach
    void aCustomerOwing500() {
        customer = account("America/New_York", "USD");
        invoice(customer, "EXT-" + UUID.randomUUID(), "500.00");
        nextWeek = customer.today(clock).plusDays(7);
    }

    @Test
    void splitsTheTotalIntoEqualInstallmentsWithTheRemainderOnTheLast() {
        PromiseToPay promise = promises.make(customer.getId(), null, nextWeek, new BigDecimal("1000.00"), 3, MONTHLY, "alice",
                "pays after the holidays");

        assertThat(promises.installmentsOf(promise.getId()))
                .extracting(Installment::getNumber, Installment::getDueDate, Installment::getAmount, Installment::getStatus)
                .containsExactly(
                        tuple(1, nextWeek, new BigDecimal("333.33"), PromiseStatus.OPEN),
                        tuple(2, nextWeek.plusMonths(1), new BigDecimal("333.33"), PromiseStatus.OPEN),
                        tuple(3, nextWeek.plusMonths(2), new BigDecimal("333.34"), PromiseStatus.OPEN));
        PromiseToPay stored = promises.require(promise.getId());
        assertThat(stored.getTotal()).isEqualTo("1000.00");
        assertThat(stored.getCurrency()).isEqualTo("USD");
        assertThat(stored.getStatus()).isEqualTo(PromiseStatus.OPEN);
        assertThat(stored.getMadeBy()).isEqualTo("alice");
        assertThat(promises.of(customer.getId())).extracting(PromiseToPay::getId).containsExactly(promise.getId());
        assertThat(statusOf(customer)).isEqualTo(CollectionStatus.PROMISE_TO_PAY);
        assertThat(entries(customer, "PROMISE_MADE")).extracting(TimelineEntry::getSummary).containsExactly(
                "Promise to pay 1,000.00 USD in 3 installments from " + nextWeek + " by alice: pays after the holidays");
    }

    @Test
    void yenInstallmentsHaveNoDecimals() {
        Account tokyo = account("Asia/Tokyo", "JPY");
        LocalDate first = tokyo.today(clock).plusDays(1);

        PromiseToPay promise = promises.make(tokyo.getId(), null, first, new BigDecimal("10000"), 3, Period.ofWeeks(2), "bob", null);

        assertThat(promises.installmentsOf(promise.getId())).extracting(Installment::getAmount)
                .containsExactly(new BigDecimal("3333"), new BigDecimal("3333"), new BigDecimal("3334"));
        assertThat(promises.installmentsOf(promise.getId())).extracting(Installment::getDueDate)
                .containsExactly(first, first.plusWeeks(2), first.plusWeeks(4));
        assertThat(entries(tokyo, "PROMISE_MADE")).extracting(TimelineEntry::getSummary)
                .containsExactly("Promise to pay 10,000 JPY in 3 installments from " + first + " by bob");
    }

    @Test
    void monthlyInstallmentsFromTheThirtyFirstFallOnEachMonthsLastDay() {
        PromiseToPay promise = promises.make(customer.getId(), null, LocalDate.of(2099, 1, 31), new BigDecimal("90.00"), 3, MONTHLY,
                "alice", null);

        assertThat(promises.installmentsOf(promise.getId())).extracting(Installment::getDueDate)
                .containsExactly(LocalDate.of(2099, 1, 31), LocalDate.of(2099, 2, 28), LocalDate.of(2099, 3, 31));
    }

    @Test
    void aSingleDatePromiseIsOneInstallmentOfTheWholeAmount() {
        PromiseToPay promise = promises.make(customer.getId(), null, nextWeek, new BigDecimal("120.5"), 1, null, "alice", "");

        assertThat(promises.installmentsOf(promise.getId())).extracting(Installment::getAmount)
                .containsExactly(new BigDecimal("120.50"));
        assertThat(entries(customer, "PROMISE_MADE")).extracting(TimelineEntry::getSummary)
                .containsExactly("Promise to pay 120.50 USD on " + nextWeek + " by alice");
    }

    static Stream<Arguments> badTerms() {
        return Stream.of(
                Arguments.of("a date before the customer's today", -1, "100.00", 1, null, "promiseDate"),
                Arguments.of("no date", null, "100.00", 1, null, "promiseDate"),
                Arguments.of("no amount", 7, null, 1, null, "promiseAmount"),
                Arguments.of("a zero amount", 7, "0.00", 1, null, "promiseAmount"),
                Arguments.of("a negative amount", 7, "-5.00", 1, null, "promiseAmount"),
                Arguments.of("more decimals than dollars have", 7, "100.001", 1, null, "promiseAmount"),
                Arguments.of("no installments", 7, "100.00", 0, null, "installmentCount"),
                Arguments.of("more installments than allowed", 7, "100.00", 25, MONTHLY, "installmentCount"),
                Arguments.of("installments of less than a cent", 7, "0.02", 3, MONTHLY, "installmentCount"),
                Arguments.of("no interval between installments", 7, "100.00", 3, null, "installmentInterval"),
                Arguments.of("a zero interval", 7, "100.00", 3, Period.ZERO, "installmentInterval"),
                Arguments.of("a negative interval", 7, "100.00", 3, Period.ofMonths(-1), "installmentInterval"));
    }

    @ParameterizedTest(name = "{0} is refused under {5}")
    @MethodSource("badTerms")
    void badTermsAreRefusedAndChangeNothing(String what, Integer daysFromToday, String amount, int count, Period interval,
                                            String field) {
        LocalDate date = daysFromToday == null ? null : customer.today(clock).plusDays(daysFromToday);
        List<TimelineEntry> before = timeline.of(customer.getId());

        BadRequestException refused = catchThrowableOfType(BadRequestException.class, () -> promises.make(customer.getId(), null,
                date, amount == null ? null : new BigDecimal(amount), count, interval, "alice", "note"));

        assertThat(refused).as(what).isNotNull();
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly(field);
        assertThatNothingChanged(customer, before);
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        List<TimelineEntry> before = timeline.of(customer.getId());

        BadRequestException refused = catchThrowableOfType(BadRequestException.class, () -> promises.make(customer.getId(), null,
                customer.today(clock).minusDays(1), new BigDecimal("10.005"), 2, null, "alice", "x".repeat(2001)));

        assertThat(refused.errors()).extracting(FieldError::field)
                .containsExactly("promiseDate", "promiseAmount", "installmentInterval", "note");
        assertThatNothingChanged(customer, before);
    }

    @Test
    void yenWithDecimalsIsRefusedNotRounded() {
        Account tokyo = account("Asia/Tokyo", "JPY");
        List<TimelineEntry> before = timeline.of(tokyo.getId());

        BadRequestException refused = catchThrowableOfType(BadRequestException.class, () -> promises.make(tokyo.getId(), null,
                tokyo.today(clock).plusDays(1), new BigDecimal("1000.5"), 1, null, "bob", null));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("promiseAmount");
        assertThatNothingChanged(tokyo, before);
    }

    @Test
    void aPromisePaidInFullIsKept() {
        PromiseToPay promise = promises.make(customer.getId(), null, nextWeek, new BigDecimal("200.00"), 1, null, "alice", null);
        pay(customer, "200.00");

        assertThat(promises.check(promise.getId(), 1)).isEqualTo(InstallmentOutcome.KEPT);

        Installment checked = promises.installment(promise.getId(), 1);
        assertThat(checked.getStatus()).isEqualTo(PromiseStatus.KEPT);
        assertThat(checked.getCheckedAt()).isNotNull();
        assertThat(promises.require(promise.getId()).getStatus()).isEqualTo(PromiseStatus.KEPT);
        assertThat(entries(customer, "PROMISE_KEPT")).extracting(TimelineEntry::getSummary)
                .containsExactly("Promise to pay 200.00 USD kept");
        assertThat(entries(customer, "INSTALLMENT_KEPT")).isEmpty();
    }

    @Test
    void partialPaymentsAndCreditNotesThatAddUpKeepEachInstallmentAndThePromise() {
        PromiseToPay promise = promises.make(customer.getId(), null, nextWeek, new BigDecimal("300.00"), 3, MONTHLY, "alice", null);

        pay(customer, "60.00");
        pay(customer, "40.00");
        assertThat(promises.check(promise.getId(), 1)).isEqualTo(InstallmentOutcome.KEPT);
        pay(customer, "150.00");
        assertThat(promises.check(promise.getId(), 2)).isEqualTo(InstallmentOutcome.KEPT);
        credit(customer, "50.00");
        assertThat(promises.check(promise.getId(), 3)).isEqualTo(InstallmentOutcome.KEPT);

        assertThat(promises.installmentsOf(promise.getId())).extracting(Installment::getStatus).containsOnly(PromiseStatus.KEPT);
        assertThat(promises.require(promise.getId()).getStatus()).isEqualTo(PromiseStatus.KEPT);
        assertThat(timeline.of(customer.getId())).extracting(TimelineEntry::getType)
                .containsSubsequence("PROMISE_MADE", "INSTALLMENT_KEPT", "INSTALLMENT_KEPT", "PROMISE_KEPT");
        assertThat(entries(customer, "INSTALLMENT_KEPT")).extracting(TimelineEntry::getSummary).first().isEqualTo(
                "Promise to pay 300.00 USD: installment 1 of 3 (100.00 USD due " + nextWeek + ") kept");
    }

    @Test
    void anInstallmentNotCoveredBreaksThePromiseAndPutsTheAccountBackInCollections() {
        PromiseToPay promise = promises.make(customer.getId(), null, nextWeek, new BigDecimal("300.00"), 3, MONTHLY, "alice", null);
        pay(customer, "100.00");
        assertThat(promises.check(promise.getId(), 1)).isEqualTo(InstallmentOutcome.KEPT);
        pay(customer, "50.00");

        assertThat(promises.check(promise.getId(), 2)).isEqualTo(InstallmentOutcome.BROKEN);

        assertThat(promises.installmentsOf(promise.getId())).extracting(Installment::getStatus)
                .containsExactly(PromiseStatus.KEPT, PromiseStatus.BROKEN, PromiseStatus.OPEN);
        assertThat(promises.require(promise.getId()).getStatus()).isEqualTo(PromiseStatus.BROKEN);
        assertThat(statusOf(customer)).isEqualTo(CollectionStatus.IN_COLLECTIONS);
        assertThat(entries(customer, "PROMISE_BROKEN")).extracting(TimelineEntry::getSummary).containsExactly(
                "Promise to pay 300.00 USD broken: installment 2 of 3 (100.00 USD due " + nextWeek.plusMonths(1)
                        + ") not covered, 150.00 USD received of 200.00 USD");
    }

    @Test
    void moneyReceivedBeforeThePromiseDoesNotCountTowardsIt() {
        pay(customer, "100.00");
        PromiseToPay promise = promises.make(customer.getId(), null, nextWeek, new BigDecimal("100.00"), 1, null, "alice", null);

        assertThat(promises.check(promise.getId(), 1)).isEqualTo(InstallmentOutcome.BROKEN);
    }

    @Test
    void anAccountThatOwesNothingAnyMoreKeepsItsPromiseWithoutAPayment() {
        Account settled = account("Europe/Berlin", "EUR");
        String invoice = "EXT-" + UUID.randomUUID();
        invoice(settled, invoice, "100.00");
        PromiseToPay promise = promises.make(settled.getId(), null, settled.today(clock).plusDays(3), new BigDecimal("100.00"), 2,
                MONTHLY, "alice", null);
        invoices.upsert(invoiceCommand(settled, invoice, "0.00"));

        assertThat(promises.check(promise.getId(), 1)).isEqualTo(InstallmentOutcome.KEPT);
    }

    @Test
    void checkingAnInstallmentAgainReturnsTheRecordedOutcomeAndChangesNothing() {
        PromiseToPay promise = promises.make(customer.getId(), null, nextWeek, new BigDecimal("100.00"), 1, null, "alice", null);
        promises.check(promise.getId(), 1);
        Installment first = promises.installment(promise.getId(), 1);
        pay(customer, "100.00");
        List<TimelineEntry> before = timeline.of(customer.getId());

        assertThat(promises.check(promise.getId(), 1)).isEqualTo(InstallmentOutcome.BROKEN);

        Installment again = promises.installment(promise.getId(), 1);
        assertThat(again.getStatus()).isEqualTo(PromiseStatus.BROKEN);
        assertThat(again.getCheckedAt()).isEqualTo(first.getCheckedAt());
        assertThat(promises.require(promise.getId()).getStatus()).isEqualTo(PromiseStatus.BROKEN);
        assertThat(timeline.of(customer.getId())).extracting(TimelineEntry::getId)
                .containsExactlyElementsOf(before.stream().map(TimelineEntry::getId).toList());
    }

    @Test
    void remindsAndChecksInTheCustomersMorningInNewYork() {
        PromiseToPay promise = promises.make(customer.getId(), null, LocalDate.of(2099, 7, 10), new BigDecimal("100.00"), 2,
                Period.ofMonths(5), "alice", null);

        assertThat(promises.reminderAt(promise.getId(), 1)).isEqualTo(Instant.parse("2099-07-07T13:00:00Z"));
        assertThat(promises.checkAt(promise.getId(), 1)).isEqualTo(Instant.parse("2099-07-12T13:00:00Z"));
        assertThat(promises.reminderAt(promise.getId(), 2)).as("standard time in December")
                .isEqualTo(Instant.parse("2099-12-07T14:00:00Z"));
        assertThat(promises.checkAt(promise.getId(), 2)).isEqualTo(Instant.parse("2099-12-12T14:00:00Z"));
    }

    @Test
    void remindsAndChecksInTheCustomersMorningInBerlin() {
        Account berlin = account("Europe/Berlin", "EUR");

        PromiseToPay promise = promises.make(berlin.getId(), null, LocalDate.of(2099, 1, 15), new BigDecimal("100.00"), 1, null,
                "alice", null);

        assertThat(promises.reminderAt(promise.getId(), 1)).isEqualTo(Instant.parse("2099-01-12T08:00:00Z"));
        assertThat(promises.checkAt(promise.getId(), 1)).isEqualTo(Instant.parse("2099-01-17T08:00:00Z"));
    }

    @Test
    void aReminderWhoseDayHasPassedIsDueNow() {
        PromiseToPay promise = promises.make(customer.getId(), null, customer.today(clock), new BigDecimal("100.00"), 1, null, "alice",
                null);

        Instant before = clock.instant();
        Instant reminder = promises.reminderAt(promise.getId(), 1);

        assertThat(reminder).isBetween(before, clock.instant());
    }

    @Test
    void countsTheBrokenPromisesOfACase() {
        Account late = account("Europe/Berlin", "EUR");
        invoice(late, "EXT-" + UUID.randomUUID(), "500.00");
        Long dunningCase = cases.open(late.getId()).orElseThrow().getId();
        LocalDate tomorrow = late.today(clock).plusDays(1);

        promises.check(promises.make(late.getId(), dunningCase, tomorrow, new BigDecimal("50.00"), 1, null, "alice", null).getId(), 1);
        assertThat(promises.brokenCount(dunningCase)).isOne();
        promises.check(promises.make(late.getId(), dunningCase, tomorrow, new BigDecimal("50.00"), 1, null, "alice", null).getId(), 1);
        PromiseToPay kept = promises.make(late.getId(), dunningCase, tomorrow, new BigDecimal("50.00"), 1, null, "alice", null);
        pay(late, "50.00");
        promises.check(kept.getId(), 1);

        assertThat(promises.brokenCount(dunningCase)).isEqualTo(2);
        assertThat(promises.of(late.getId())).extracting(PromiseToPay::getStatus)
                .containsExactly(PromiseStatus.BROKEN, PromiseStatus.BROKEN, PromiseStatus.KEPT);
    }

    private void assertThatNothingChanged(Account account, List<TimelineEntry> timelineBefore) {
        assertThat(promises.of(account.getId())).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from promise_to_pay where account_id = ?", Integer.class, account.getId()))
                .isZero();
        assertThat(timeline.of(account.getId())).extracting(TimelineEntry::getId)
                .containsExactlyElementsOf(timelineBefore.stream().map(TimelineEntry::getId).toList());
        assertThat(statusOf(account)).isEqualTo(CollectionStatus.GOOD_STANDING);
    }

    private Account account(String timeZone, String currency) {
        return accounts.upsert("ACC-" + UUID.randomUUID(),
                new AccountDetails("Promising Customer", null, null, "en-US", timeZone, currency, null)).account();
    }

    private void invoice(Account account, String externalId, String balance) {
        invoices.upsert(invoiceCommand(account, externalId, balance));
    }

    private InvoiceCommand invoiceCommand(Account account, String externalId, String balance) {
        LocalDate due = account.today(clock).minusDays(20);
        return new InvoiceCommand(externalId, account.getExternalId(), "INV-1", due.minusDays(14), due, account.getCurrency(),
                new BigDecimal("500.00"), new BigDecimal(balance), null);
    }

    private void pay(Account account, String amount) {
        payments.record(new PaymentCommand("PAY-" + UUID.randomUUID(), account.getExternalId(), new BigDecimal(amount),
                account.getCurrency(), clock.instant(), null, null));
    }

    private void credit(Account account, String amount) {
        creditNotes.record(new CreditNoteCommand("CN-" + UUID.randomUUID(), account.getExternalId(), new BigDecimal(amount),
                account.getCurrency(), clock.instant(), "goodwill", null));
    }

    private String statusOf(Account account) {
        return accounts.require(account.getExternalId()).getCollectionStatus();
    }

    private List<TimelineEntry> entries(Account account, String type) {
        return timeline.of(account.getId()).stream().filter(entry -> type.equals(entry.getType())).toList();
    }
}
