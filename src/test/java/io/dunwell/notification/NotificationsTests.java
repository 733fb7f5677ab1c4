package io.dunwell.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.Invoices;
import io.dunwell.timeline.Timeline;
import io.dunwell.timeline.TimelineEntry;

@DunwellIntegrationTest
class NotificationsTests {

    @Autowired
    Accounts accounts;
    @Autowired
    Invoices invoices;
    @Autowired
    Notifications notifications;
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

    private static Map<String, Object> installment(int number, LocalDate dueDate, String amount) {
        return Map.of("number", number, "dueDate", dueDate, "amount", new BigDecimal(amount));
    }

    private static Map<String, Object> twoInstallmentPromise() {
        return Map.of("promiseTotal", new BigDecimal("1190.00"), "installments", List.of(
                installment(1, LocalDate.of(2031, 3, 15), "600.00"),
                installment(2, LocalDate.of(2031, 4, 15), "590.00")));
    }

    @Test
    void germanPromiseConfirmationListsEveryInstallmentInGermanAmountsAndDates() {
        Account account = customers.account("Ratenzahler GmbH", "de-DE", "Europe/Berlin", "EUR");
        String invoice = customers.invoice(account, "1190.00", "1190.00", 20);

        OutboxMessage notice = customers.enqueue(account, "promise-confirmation", twoInstallmentPromise(), false);

        assertThat(notice.getSubject()).isEqualTo("Vielen Dank für Ihre Zahlungszusage zu Kundenkonto " + account.getExternalId());
        assertThat(notice.getTextBody()).contains("Zusage, 1.190,00\u00a0€ zu zahlen",
                "- Rate 1, fällig am 15.03.2031: 600,00\u00a0€", "- Rate 2, fällig am 15.04.2031: 590,00\u00a0€",
                "Rechnung " + invoice, "Gesamtbetrag: 1.190,00\u00a0€");
        assertThat(notice.getHtmlBody()).contains("<html lang=\"de\">", "15.03.2031", "600,00\u00a0€", "15.04.2031",
                "590,00\u00a0€", invoice);
    }

    @Test
    void englishPromiseConfirmationListsEveryInstallmentInDollarsAndUsDates() {
        Account account = customers.account("Instalment Inc", "en-US", "America/New_York", "USD");
        String invoice = customers.invoice(account, "1190.00", "1190.00", 20);

        OutboxMessage notice = customers.enqueue(account, "promise-confirmation", twoInstallmentPromise(), false);

        assertThat(notice.getSubject()).isEqualTo("Thank you for your promise to pay: account " + account.getExternalId());
        assertThat(notice.getTextBody()).contains("agreeing to pay $1,190.00", "- Installment 1, due Mar 15, 2031: $600.00",
                "- Installment 2, due Apr 15, 2031: $590.00", "Invoice " + invoice, "Total due: $1,190.00")
                .doesNotContain("Rate");
        assertThat(notice.getHtmlBody()).contains("<html lang=\"en\">", "Mar 15, 2031", "$600.00", "Apr 15, 2031", "$590.00",
                invoice);
    }

    @Test
    void installmentReminderAndBrokenPromiseSayWhichInstallment() {
        Account account = customers.account("Late Again Ltd", "en-GB", "Europe/London", "GBP");
        String invoice = customers.invoice(account, "900.00", "900.00", 40);
        Map<String, Object> missed = Map.of("dueDate", LocalDate.of(2031, 3, 15), "amount", new BigDecimal("300.00"));

        OutboxMessage reminder = customers.enqueue(account, "installment-reminder",
                Map.of("installmentNumber", 2, "installmentCount", 3, "dueDate", LocalDate.of(2031, 3, 15),
                        "amount", new BigDecimal("300.00")), false);
        OutboxMessage broken = customers.enqueue(account, "promise-broken", missed, false);

        assertThat(reminder.getSubject()).startsWith("Installment 2 of 3 due on 15 Mar 2031");
        assertThat(reminder.getTextBody()).contains("installment 2 of 3", "£300.00", "15 Mar 2031");
        assertThat(broken.getTextBody()).contains("installment of £300.00 that was due on 15 Mar 2031", "has not been kept",
                invoice, "Total due: £900.00");
        assertThat(broken.getHtmlBody()).contains("will be in touch", invoice, "£900.00");
    }

    @Test
    void factThatWouldReplaceABuiltInValueIsRefused() {
        Account account = customers.account("Sneaky SA", "en-US", "UTC", "USD");
        customers.invoice(account, "100.00", "100.00", 8);

        assertThatThrownBy(() -> customers.enqueue(account, "promise-broken",
                Map.of("dueDate", LocalDate.of(2031, 3, 15), "amount", BigDecimal.ONE, "total", "$0.00"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'total'");
        assertThat(notifications.messagesOf(account.getId())).isEmpty();
    }

    @Test
    void factOfAnUnsupportedTypeIsRefused() {
        Account account = customers.account("Floating Point AG", "de-DE", "Europe/Berlin", "EUR");

        assertThatThrownBy(() -> customers.enqueue(account, "installment-reminder", Map.of("installmentNumber", 1,
                "installmentCount", 2, "dueDate", LocalDate.of(2031, 3, 15), "amount", 300.0), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'amount'", "Double");
    }

    @Test
    void stringFactIsEscapedInHtmlAndPlainInText() {
        Account account = customers.account("Escape Ltd", "en-US", "UTC", "USD");
        customers.invoice(account, "10.00", "10.00", 8);

        OutboxMessage notice = customers.enqueue(account, "promise-broken",
                Map.of("dueDate", LocalDate.of(2031, 3, 15), "amount", "<script>alert('x')</script>"), false);

        assertThat(notice.getHtmlBody()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>");
        assertThat(notice.getTextBody()).contains("installment of <script>alert('x')</script> that");
    }
}
