package io.dunwell.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.account.CollectionStatus;
import io.dunwell.invoice.Invoices;
import io.dunwell.payment.Payments;
import io.dunwell.timeline.Timeline;
import io.dunwell.timeline.TimelineEntry;

@DunwellIntegrationTest
class DunningCasesTests {

    @Autowired
    DunningCases cases;
    @Autowired
    Accounts accounts;
    @Autowired
    Invoices invoices;
    @Autowired
    Payments payments;
    @Autowired
    Timeline timeline;
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
    void openingPutsTheAccountInCollectionsAndRecordsItInTheTimeline() {
        Account late = given.overdue(10, "100.00");

        DunningCase opened = inTransaction(() -> cases.open(late.getId())).orElseThrow();

        assertThat(opened.getStatus()).isEqualTo(DunningCaseStatus.ACTIVE);
        assertThat(opened.getAccountId()).isEqualTo(late.getId());
        assertThat(opened.getOpenedAt()).isNotNull();
        assertThat(opened.getProcessInstanceId()).isNull();
        assertThat(cases.activeFor(late.getId())).map(DunningCase::getId).contains(opened.getId());
        assertThat(accounts.require(late.getExternalId()).getCollectionStatus()).isEqualTo(CollectionStatus.IN_COLLECTIONS);
        assertThat(timeline.of(late.getId())).extracting(TimelineEntry::getType)
                .containsSubsequence("DUNNING_CASE_OPENED", "STATUS_CHANGED");
    }

    @Test
    void openingTwiceLeavesOneActiveCase() {
        Account late = given.overdue(10, "100.00");

        Optional<DunningCase> first = inTransaction(() -> cases.open(late.getId()));
        Optional<DunningCase> second = inTransaction(() -> cases.open(late.getId()));

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        assertThat(activeRows(late)).isOne();
        assertThat(timeline.of(late.getId())).extracting(TimelineEntry::getType).containsOnlyOnce("DUNNING_CASE_OPENED");
    }

    @Test
    void openingManyAtOnceSkipsAccountsThatAlreadyHaveACase() {
        Account first = given.overdue(10, "100.00");
        Account alreadyOpen = given.overdue(12, "50.00");
        Account third = given.overdue(40, "75.00");
        inTransaction(() -> cases.open(alreadyOpen.getId()));

        var opened = inTransaction(() -> cases.openAll(List.of(first.getId(), alreadyOpen.getId(), third.getId())));

        assertThat(opened).containsOnlyKeys(first.getId(), third.getId());
        assertThat(activeRows(first)).isOne();
        assertThat(activeRows(alreadyOpen)).isOne();
        assertThat(activeRows(third)).isOne();
        assertThat(accounts.require(third.getExternalId()).getCollectionStatus()).isEqualTo(CollectionStatus.IN_COLLECTIONS);
        assertThat(timeline.of(alreadyOpen.getId())).extracting(TimelineEntry::getType).containsOnlyOnce("DUNNING_CASE_OPENED");
    }

    @Test
    void twoRunsOpeningAtOnceLeaveOneActiveCase() throws Exception {
        Account late = given.overdue(10, "100.00");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService runs = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<DunningCase>> one = runs.submit(() -> openWhen(start, late));
            Future<Optional<DunningCase>> other = runs.submit(() -> openWhen(start, late));
            start.countDown();

            assertThat(List.of(one.get(), other.get())).filteredOn(Optional::isPresent).hasSize(1);
        } finally {
            runs.shutdownNow();
        }
        assertThat(activeRows(late)).isOne();
    }

    @Test
    void databaseRefusesASecondActiveCaseForOneAccount() {
        Account late = given.overdue(10, "100.00");
        inTransaction(() -> cases.open(late.getId())).orElseThrow();

        assertThatThrownBy(() -> jdbc.update("""
                insert into dunning_case (id, account_id, active_account_id, status, opened_at, version)
                values (nextval('dunning_case_seq'), ?, ?, 'ACTIVE', now(), 0)""", late.getId(), late.getId()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("""
                insert into dunning_case (id, account_id, active_account_id, status, opened_at, version)
                values (nextval('dunning_case_seq'), ?, null, 'ACTIVE', now(), 0)""", late.getId()))
                .as("an active case without its guard column").isInstanceOf(DataIntegrityViolationException.class);
        assertThat(activeRows(late)).isOne();
    }

    @Test
    void settlingEndsTheCaseAndRestoresGoodStandingSoANewCaseMayOpen() {
        Account late = given.overdue(10, "100.00");
        DunningCase opened = inTransaction(() -> cases.open(late.getId())).orElseThrow();

        DunningCase settled = inTransaction(() -> cases.close(opened.getId(), DunningCaseStatus.SETTLED, "paid in full"));

        assertThat(settled.getStatus()).isEqualTo(DunningCaseStatus.SETTLED);
        assertThat(settled.getClosedAt()).isNotNull();
        assertThat(settled.getCloseReason()).isEqualTo("paid in full");
        assertThat(cases.activeFor(late.getId())).isEmpty();
        assertThat(accounts.require(late.getExternalId()).getCollectionStatus()).isEqualTo(CollectionStatus.GOOD_STANDING);
        assertThat(timeline.of(late.getId())).extracting(TimelineEntry::getType)
                .containsSubsequence("DUNNING_CASE_OPENED", "DUNNING_CASE_CLOSED");
        assertThat(inTransaction(() -> cases.open(late.getId()))).isPresent();
    }

    @Test
    void closingTwiceKeepsTheFirstOutcome() {
        Account late = given.overdue(10, "100.00");
        DunningCase opened = inTransaction(() -> cases.open(late.getId())).orElseThrow();

        inTransaction(() -> cases.close(opened.getId(), DunningCaseStatus.CLOSED, "written off"));
        DunningCase again = inTransaction(() -> cases.close(opened.getId(), DunningCaseStatus.SETTLED, "late payment"));

        assertThat(again.getStatus()).isEqualTo(DunningCaseStatus.CLOSED);
        assertThat(again.getCloseReason()).isEqualTo("written off");
        assertThat(accounts.require(late.getExternalId()).getCollectionStatus()).isEqualTo(CollectionStatus.IN_COLLECTIONS);
        assertThat(timeline.of(late.getId())).extracting(TimelineEntry::getType).containsOnlyOnce("DUNNING_CASE_CLOSED");
    }

    @Test
    void attachingTheProcessInstanceIsRecordedOnceAndRefusesAnother() {
        Account late = given.overdue(10, "100.00");
        DunningCase opened = inTransaction(() -> cases.open(late.getId())).orElseThrow();

        inTransaction(() -> cases.attachProcess(opened.getId(), "pi-1"));
        inTransaction(() -> cases.attachProcess(opened.getId(), "pi-1"));

        assertThat(cases.require(opened.getId()).getProcessInstanceId()).isEqualTo("pi-1");
        assertThatThrownBy(() -> inTransaction(() -> cases.attachProcess(opened.getId(), "pi-2")))
                .isInstanceOf(IllegalStateException.class);
    }

    private Optional<DunningCase> openWhen(CountDownLatch start, Account account) throws InterruptedException {
        start.await();
        return inTransaction(() -> cases.open(account.getId()));
    }

    private Integer activeRows(Account account) {
        return jdbc.queryForObject("select count(*) from dunning_case where account_id = ? and status = 'ACTIVE'", Integer.class,
                account.getId());
    }

    private <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
    }
}
