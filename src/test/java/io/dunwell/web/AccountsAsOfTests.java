package io.dunwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.dunwell.reporting.AccountFilter;
import io.dunwell.reporting.AccountsInCollections;
import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.Invoices;
import io.dunwell.payment.PaymentCommand;
import io.dunwell.payment.Payments;
import io.dunwell.settings.AgingBucket;

/** "Every account the filter matches" for a bulk action with an as-of date: the report as it stood at the end of that day. */
@DunwellIntegrationTest
class AccountsAsOfTests {

    @Autowired AccountsInCollections list;
    @Autowired Accounts accounts;
    @Autowired Invoices invoices;
    @Autowired Payments payments;
    @Autowired Clock clock;

    String token;
    Account paidLastWeek;
    Account dueLastWeek;

    /** Both owe 500.00 on one invoice; the first was 40 days overdue until paid 10 days ago, the second fell due 5 days ago. */
    @BeforeEach
    void twoAccounts() {
        ConsoleAccounts given = new ConsoleAccounts(accounts, invoices, clock);
        token = ConsoleAccounts.token();
        paidLastWeek = given.owing(token + " Paid", 40, "500.00");
        payments.record(new PaymentCommand("PAY-" + UUID.randomUUID(), paidLastWeek.getExternalId(), new BigDecimal("500.00"), "EUR",
                clock.instant().minus(Duration.ofDays(10)), "Wire", null));
        dueLastWeek = given.owing(token + " Due", 5, "500.00");
    }

    @Test
    void aPastDayListsTheAccountsOverdueThenNotThoseOverdueNow() {
        LocalDate fifteenDaysAgo = LocalDate.now(clock).minusDays(15);

        assertThat(list.allMatching(filter(20, null), "sarah", null)).isEmpty();
        assertThat(list.allMatching(filter(0, null), "sarah", null)).containsExactly(dueLastWeek.getExternalId());
        // 15 days ago the first was 25 days past due with 500.00 open; the second not yet due
        assertThat(list.allMatching(filter(20, null), "sarah", fifteenDaysAgo)).containsExactly(paidLastWeek.getExternalId());
        assertThat(list.allMatching(filter(0, null), "sarah", fifteenDaysAgo)).containsExactly(paidLastWeek.getExternalId());
    }

    @Test
    void aBucketTakesTheAgeAsOfThatDay() {
        LocalDate fifteenDaysAgo = LocalDate.now(clock).minusDays(15);

        assertThat(list.allMatching(filter(0, new AgingBucket("21–30", 21, 30)), "sarah", fifteenDaysAgo))
                .containsExactly(paidLastWeek.getExternalId());
        assertThat(list.allMatching(filter(0, new AgingBucket("31–60", 31, 60)), "sarah", fifteenDaysAgo)).isEmpty();
    }

    private AccountFilter filter(int minDays, AgingBucket bucket) {
        return new AccountFilter(minDays, BigDecimal.ZERO, "all", null, null, bucket, token, "name", "asc", 1);
    }
}
