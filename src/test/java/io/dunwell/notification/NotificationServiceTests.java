package io.dunwell.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountService;
import io.dunwell.invoice.InvoiceService;
import io.dunwell.timeline.Timeline;
import io.dunwell.timeline.TimelineEntry;

@DunwellIntegrationTest
class NotificationServiceTests {

    @Autowired
    AccountService accounts;
    @Autowired
    InvoiceService invoices;
    @Autowired
    NotificationService notifications;
    @Autowired
    Timeline timeline;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactions;

    Customers customers;

    @BeforeEach
    void setUp() {
        customers = new Customers(accounts, invoices, notifications, clock, transactions);
    }

    @Test
    void sameKeyTwiceQueuesOneNotice() {
        Account account = customers.account("Repeat Ltd", "en-US", "America/New_York", "USD");
        customers.invoice(account, "100.00", "100.00", 8);
        String key = "case-" + UUID.randomUUID() + ":reminder-1";

        OutboxMessage first = customers.enqueue(account, "reminder-1", key);
        OutboxMessage second = customers.enqueue(account, "reminder-1", key);

        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(notifications.messagesOf(account.getId())).singleElement()
                .satisfies(message -> {
                    assertThat(message.getStatus()).isEqualTo(OutboxMessage.PENDING);
                    assertThat(message.getChannel()).isEqualTo(OutboxMessage.EMAIL);
                    assertThat(message.getRecipient()).isEqualTo(account.getEmail());
                    assertThat(message.getAttempts()).isZero();
                });
        assertThat(timeline.of(account.getId())).extracting(TimelineEntry::getType).containsOnlyOnce("NOTICE_QUEUED");
    }

    @Test
    void germanAccountGetsGermanNoticeWithGermanAmountsAndDates() {
        Account account = customers.account("Müller GmbH", "de-DE", "Europe/Berlin", "EUR");
        String number = customers.invoice(account, "1190.00", "1190.00", 10);

        OutboxMessage notice = customers.enqueue(account, "reminder-1");

        assertThat(notice.getSubject()).isEqualTo("Zahlungserinnerung zu Kundenkonto " + account.getExternalId());
        assertThat(notice.getTextBody()).contains("Guten Tag Müller GmbH", "Rechnung " + number, "10 Tage überfällig",
                "1.190,00\u00a0€", "Gesamtbetrag: 1.190,00\u00a0€");
        assertThat(notice.getHtmlBody()).contains("<html lang=\"de\">", "1.190,00\u00a0€", "Tage überfällig");
        assertThat(notice.getLocale()).isEqualTo("de-DE");
    }

    @Test
    void englishAccountGetsEnglishNoticeWithDollarAmounts() {
        Account account = customers.account("Acme Inc", "en-US", "America/New_York", "USD");
        customers.invoice(account, "1190.00", "1190.00", 21);

        OutboxMessage notice = customers.enqueue(account, "reminder-2");

        assertThat(notice.getSubject()).isEqualTo("Second reminder: invoices overdue on account " + account.getExternalId());
        assertThat(notice.getTextBody()).contains("Dear Acme Inc", "21 days overdue", "Total due: $1,190.00")
                .doesNotContain("Rechnung");
        assertThat(notice.getHtmlBody()).contains("<html lang=\"en\">", "$1,190.00");
    }

    @Test
    void everyUnpaidInvoiceIsListedAndPaidOnesAreNot() {
        Account account = customers.account("Many Invoices plc", "en-GB", "Europe/London", "GBP");
        String oldest = customers.invoice(account, "500.00", "200.00", 35);
        String paid = customers.invoice(account, "999.00", "0.00", 30);
        String newer = customers.invoice(account, "300.00", "300.00", 31);

        OutboxMessage notice = customers.enqueue(account, "final-notice");

        assertThat(notice.getTextBody()).contains(oldest, newer, "£200.00", "£300.00", "Total due: £500.00", "collection agency")
                .doesNotContain(paid, "£999.00");
        assertThat(notice.getTextBody().indexOf(oldest)).isLessThan(notice.getTextBody().indexOf(newer));
        assertThat(notice.getHtmlBody()).contains(oldest, newer, "£500.00").doesNotContain(paid);
    }

    @Test
    void customerNameIsEscapedInHtmlAndPlainInText() {
        Account account = customers.account("<script>alert('x')</script> & Co", "en-US", "UTC", "USD");
        customers.invoice(account, "10.00", "10.00", 8);

        OutboxMessage notice = customers.enqueue(account, "reminder-1");

        assertThat(notice.getHtmlBody()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co")
                .doesNotContain("<script>");
        assertThat(notice.getTextBody()).contains("Dear <script>alert('x')</script> & Co,");
    }

    @Test
    void localeWithoutTranslationFallsBackToEnglish() {
        Account account = customers.account("Dupont SA", "fr-FR", "Europe/Paris", "EUR");
        customers.invoice(account, "1190.00", "1190.00", 8);

        OutboxMessage notice = customers.enqueue(account, "reminder-1");

        assertThat(notice.getSubject()).startsWith("Payment reminder");
        assertThat(notice.getTextBody()).contains("Dear Dupont SA", "1\u202f190,00\u00a0€");
    }
}
