package io.dunwell.settings;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.dunwell.notification.Notifications;
import io.dunwell.notification.RenderedNotice;

/**
 * Every mail template rendered in English and German for a made-up customer with three unpaid
 * invoices and a promise of three installments. Nothing is stored: the sample exists only here.
 */
@Component
public class TemplatePreviews {

    public static final List<Locale> LANGUAGES = List.of(Locale.US, Locale.GERMANY);

    public record Preview(String template, Locale locale, RenderedNotice notice) {
    }

    private final Notifications notifications;
    private final Clock clock;

    TemplatePreviews(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    public List<String> templates() {
        return notifications.mailTemplates();
    }

    public Preview render(String template, Locale locale) {
        if (!templates().contains(template)) {
            throw new SettingRejected("There is no email template " + template + ".");
        }
        Currency currency = Currency.getInstance(Locale.GERMANY.getLanguage().equals(locale.getLanguage()) ? "EUR" : "USD");
        return new Preview(template, locale, notifications.preview(template, locale, currency, sample(LocalDate.now(clock))));
    }

    private static Map<String, Object> sample(LocalDate today) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("customerName", "Muster & Sample Trading GmbH");
        values.put("customerNumber", "CUST-10042");
        values.put("today", today);
        values.put("invoices", List.of(
                invoice("INV-2024-0815", today, 74, "1190.00"),
                invoice("INV-2024-0902", today, 45, "595.00"),
                invoice("INV-2024-0977", today, 12, "249.90")));
        values.put("total", new BigDecimal("2034.90"));
        values.put("promiseTotal", new BigDecimal("2034.90"));
        values.put("installments", List.of(
                installment(1, today.plusDays(7), "700.00"),
                installment(2, today.plusDays(37), "700.00"),
                installment(3, today.plusDays(67), "634.90")));
        values.put("installmentNumber", 2);
        values.put("installmentCount", 3);
        values.put("dueDate", today.plusDays(3));
        values.put("amount", new BigDecimal("700.00"));
        // the mail to an agent mentioned in a note
        values.put("agent", "Alice Agent");
        values.put("author", "Sarah Supervisor");
        values.put("body", "@alice they promised to pay by Friday; please call if nothing arrives.");
        values.put("invoiceNumber", "INV-2611-0042");
        // a bulk message, placeholders already filled in
        values.put("messageSubject", "Your account CUST-10042");
        values.put("messageBody", "Dear Muster & Sample Trading GmbH,\nyour balance of 2,034.90 is overdue. Please pay today.");
        // the mails about a follow-up task, to its assignee and owner
        values.put("recipient", "alice");
        values.put("taskName", "Check the remittance advice");
        values.put("description", "They say the transfer left on Monday; match it when it arrives.");
        values.put("assignee", "alice");
        values.put("owner", "sarah");
        values.put("reminderDate", today.plusDays(1));
        values.put("autoEscalate", "yes");
        return values;
    }

    private static Map<String, Object> invoice(String number, LocalDate today, long daysOverdue, String open) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("number", number);
        row.put("issueDate", today.minusDays(daysOverdue + 14));
        row.put("dueDate", today.minusDays(daysOverdue));
        row.put("daysOverdue", daysOverdue);
        row.put("openAmount", new BigDecimal(open));
        return row;
    }

    private static Map<String, Object> installment(int number, LocalDate due, String amount) {
        return Map.of("number", number, "dueDate", due, "amount", new BigDecimal(amount));
    }
}
