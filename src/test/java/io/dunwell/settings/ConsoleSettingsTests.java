package io.dunwell.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.AccountService;
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
    AccountService accounts;

    @Test
    void overlappingBucketsAreRefusedAndTheOldOnesStay() {
        List<AgingBucket> before = settings.agingBuckets();

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
        List<AgingBucket> before = settings.agingBuckets();
        List<AgingBucket> twoMonths = List.of(new AgingBucket("Current", 0, 0), new AgingBucket("1–60", 1, 60),
                new AgingBucket("60+", 61, null));
        try {
            settings.changeAgingBuckets(twoMonths, "sarah");

            assertThat(settings.agingBuckets()).isEqualTo(twoMonths);
            assertThat(twoMonths.stream().filter(b -> b.contains(61)).map(AgingBucket::name)).containsExactly("60+");
            assertThat(twoMonths.stream().filter(b -> b.contains(-3)).map(AgingBucket::name)).containsExactly("Current");
        } finally {
            settings.changeAgingBuckets(before, "sarah");
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
