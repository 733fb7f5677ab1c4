package io.dunwell.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.account.CollectionStatus;
import io.dunwell.dunning.DunningSchedule;

@DunwellIntegrationTest
class ConsoleSettingsTests {

    @Autowired
    ConsoleSettings settings;
    @Autowired
    DunningSchedule schedule;
    @Autowired
    ManagementService management;
    @Autowired
    TemplatePreviews previews;
    @Autowired
    Accounts accounts;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void overlappingBucketsAreRefusedAndTheOldOnesStay() {
        AgingBuckets before = settings.agingBuckets();

        assertThatThrownBy(() -> settings.changeAgingBuckets(List.of(new AgingBucket("Current", 0, 0),
                new AgingBucket("Early", 1, 40), new AgingBucket("Late", 30, null)), "sarah"))
                .isInstanceOf(SettingRejected.class).hasMessageContaining("Bucket 3 overlaps");
        assertThatThrownBy(() -> settings.changeAgingBuckets(List.of(new AgingBucket("Current", 0, 0),
                new AgingBucket("Late", 5, null)), "sarah"))
                .isInstanceOf(SettingRejected.class).hasMessageContaining("gap");
        assertThatThrownBy(() -> settings.changeAgingBuckets(List.of(new AgingBucket("Current", 0, 0),
                new AgingBucket("Late", 1, 30)), "sarah"))
                .isInstanceOf(SettingRejected.class).hasMessageContaining("open-ended");

        assertThat(settings.agingBuckets()).isEqualTo(before);
    }

    @Test
    void contiguousBucketsAreStoredAndEveryAgeFindsOne() {
        AgingBuckets before = settings.agingBuckets();
        List<AgingBucket> twoMonths = List.of(new AgingBucket("Current", 0, 0), new AgingBucket("1–60", 1, 60),
                new AgingBucket("60+", 61, null));
        try {
            settings.changeAgingBuckets(twoMonths, "sarah");

            assertThat(settings.agingBuckets().list()).isEqualTo(twoMonths);
            assertThat(twoMonths.stream().filter(b -> b.contains(61)).map(AgingBucket::name)).containsExactly("60+");
            assertThat(twoMonths.stream().filter(b -> b.contains(-3)).map(AgingBucket::name)).containsExactly("Current");
        } finally {
            settings.changeAgingBuckets(before.list(), "sarah");
        }
    }

    @Test
    void aBadCronIsRefusedAndTheScheduleStays() {
        String before = schedule.getCron();

        assertThatThrownBy(() -> settings.changeRunCron("0 0 25 * * MON-FRI", "sarah")).isInstanceOf(SettingRejected.class);
        assertThatThrownBy(() -> settings.changeRunCron("0 6 * * MON", "sarah"))
                .isInstanceOf(SettingRejected.class).hasMessageContaining("6 fields");

        assertThat(schedule.getCron()).isEqualTo(before);
    }

    @Test
    void aNewScheduleMovesTheWaitingRunTimer() {
        String before = schedule.getCron();
        try {
            settings.changeRunCron("0 30 22 * * SAT", "sarah");

            assertThat(schedule.getCron()).isEqualTo("0 30 22 * * SAT");
            LocalDateTime next = LocalDateTime.ofInstant(runTimer().getDuedate().toInstant(), ZoneId.systemDefault());
            assertThat(next.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
            assertThat(next.toLocalTime()).hasToString("22:30");
        } finally {
            settings.changeRunCron(before, "sarah");
        }
        LocalDateTime restored = LocalDateTime.ofInstant(runTimer().getDuedate().toInstant(), ZoneId.systemDefault());
        assertThat(restored.getDayOfWeek()).isNotEqualTo(DayOfWeek.SATURDAY);
    }

    @Test
    void builtInStatusesCannotBeRemovedCustomOnesCan() {
        String name = "Legal review " + System.nanoTime() % 100000;
        String code = settings.addCollectionStatus(name, "sarah");

        assertThat(code).startsWith("LEGAL_REVIEW_");
        assertThat(settings.collectionStatuses()).containsAll(CollectionStatus.BUILT_IN).contains(code);
        assertThatThrownBy(() -> settings.addCollectionStatus(name, "sarah")).hasMessageContaining("exists already");
        assertThatThrownBy(() -> settings.removeCollectionStatus(CollectionStatus.DISPUTED, "sarah"))
                .isInstanceOf(SettingRejected.class).hasMessageContaining("built in");

        settings.removeCollectionStatus(code, "sarah");
        assertThat(settings.collectionStatuses()).doesNotContain(code).containsAll(CollectionStatus.BUILT_IN);
    }

    @Test
    void aStatusThatAccountsHaveCannotBeRemoved() {
        String code = settings.addCollectionStatus("In court " + System.nanoTime() % 100000, "sarah");
        for (int i = 0; i < 2; i++) {
            Account account = accounts.upsert("ACC-" + UUID.randomUUID(), new AccountDetails("Court case " + i, "ap@customer.example",
                    null, "en-US", "UTC", "EUR", null)).account();
            accounts.changeCollectionStatus(account.getId(), code);
        }

        assertThatThrownBy(() -> settings.removeCollectionStatus(code, "sarah"))
                .isInstanceOf(SettingRejected.class).hasMessageContaining("in use by 2 accounts");
        assertThat(settings.customStatuses()).contains(code);
    }

    @Test
    void aPersonGivesAnAccountOnlyAStatusTheyMayChoose() {
        String code = settings.addCollectionStatus("Payment plan review " + System.nanoTime() % 100000, "sarah");
        Account account = newAccount("Chosen status");

        settings.assignCollectionStatus(account.getId(), code);
        assertThat(accounts.get(account.getId()).getCollectionStatus()).isEqualTo(code);
        assertThat(settings.assignableStatuses()).startsWith(CollectionStatus.IN_COLLECTIONS).contains(code)
                .doesNotContain(CollectionStatus.WRITTEN_OFF, CollectionStatus.PROMISE_TO_PAY);

        // a write-off or a promise is something that happened, not a label to pick
        assertThatThrownBy(() -> settings.assignCollectionStatus(account.getId(), CollectionStatus.WRITTEN_OFF))
                .isInstanceOf(SettingRejected.class).hasMessageContaining("Choose one of IN_COLLECTIONS");
        assertThatThrownBy(() -> settings.assignCollectionStatus(account.getId(), "NO_SUCH_STATUS"))
                .isInstanceOf(SettingRejected.class);
        assertThat(accounts.get(account.getId()).getCollectionStatus()).isEqualTo(code);
    }

    /**
     * The removal counts the accounts with the status before it writes; an assignment still in
     * flight when it counts would leave an account with a status that no longer exists. Both take
     * the statuses' row lock, so the removal waits, then counts the account and refuses.
     */
    @Test
    void aRemovalWaitsForAnAssignmentInFlightAndThenRefuses() throws Exception {
        String code = settings.addCollectionStatus("Bailiff " + System.nanoTime() % 100000, "sarah");
        Account account = newAccount("Assigned meanwhile");
        CountDownLatch assigned = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> assignment = threads.submit(() -> transactions.executeWithoutResult(status -> {
                settings.assignCollectionStatus(account.getId(), code);
                assigned.countDown();
                await(mayCommit);
            }));
            await(assigned);
            Future<?> removal = threads.submit(() -> settings.removeCollectionStatus(code, "sarah"));
            // the removal is queued behind the assignment's lock (PostgreSQL says so), not merely not yet started
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%console_setting%for update%'",
                    Integer.class) > 0);
            mayCommit.countDown();
            assignment.get();

            assertThatThrownBy(removal::get).hasCauseInstanceOf(SettingRejected.class).hasMessageContaining("in use by 1 account");
            assertThat(settings.customStatuses()).contains(code);
            assertThat(accounts.get(account.getId()).getCollectionStatus()).isEqualTo(code);
        } finally {
            mayCommit.countDown();
            threads.shutdownNow();
        }
    }

    private Account newAccount(String name) {
        return accounts.upsert("ACC-" + UUID.randomUUID(), new AccountDetails(name, "ap@customer.example",
                null, "en-US", "UTC", "EUR", null)).account();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyMailTemplatePreviewsInEnglishAndGerman() {
        assertThat(previews.templates()).contains("reminder-1", "reminder-2", "final-notice", "promise-confirmation",
                "installment-reminder", "promise-broken").doesNotContain("layout", "statement", "statement-layout");
        List<String> subjects = new ArrayList<>();
        for (String template : previews.templates()) {
            for (Locale locale : TemplatePreviews.LANGUAGES) {
                TemplatePreviews.Preview preview = previews.render(template, locale);
                assertThat(preview.notice().html()).as(template + " " + locale)
                        .contains("Muster &amp; Sample Trading GmbH");
                subjects.add(preview.notice().subject());
            }
        }
        assertThat(previews.render("reminder-1", Locale.GERMANY).notice().html()).contains("INV-2024-0815").contains("1.190,00").contains("€");
        assertThat(previews.render("reminder-1", Locale.US).notice().html()).contains("$1,190.00");
        assertThat(subjects).hasSize(previews.templates().size() * 2).allSatisfy(subject -> assertThat(subject).isNotBlank());
    }

    private Job runTimer() {
        return management.createJobQuery().processDefinitionKey("DunningRunProcess").timers().singleResult();
    }
}
