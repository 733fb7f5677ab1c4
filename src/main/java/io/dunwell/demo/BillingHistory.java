package io.dunwell.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import io.dunwell.account.AccountDetails;
import io.dunwell.invoice.AllocationRequest;
import io.dunwell.invoice.CreditNoteCommand;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.payment.PaymentCommand;

/**
 * A plausible billing history for one customer: a monthly invoice on the customer's payment
 * terms, the older ones paid, and the oldest unpaid one due exactly as many days ago as the
 * account's aging bucket asks for. Some late payers paid part of it; a few customers got a
 * credit note. Neither ever settles an invoice, so the account stays in its bucket.
 */
final class BillingHistory {

    private static final int MAX_UNPAID_INVOICES = 4;
    private static final double PARTIAL_PAYMENT_SHARE = 0.3;
    private static final double CREDIT_NOTE_SHARE = 0.05;
    private static final List<String> CREDIT_REASONS = List.of("Service outage credit", "Pricing adjustment",
            "Goodwill credit", "Returned goods");
    private static final Map<String, String> PAYMENT_METHODS = Map.of("USD", "ACH", "GBP", "BACS", "EUR", "SEPA");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");
    private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("yyMM");

    private final int number;
    private final String accountId;
    private final AccountDetails details;
    private final RandomGenerator random;
    private final Instant now;
    private final ZoneId zone;
    private final LocalDate today;

    private final List<InvoiceCommand> invoices = new ArrayList<>();
    private final List<InvoiceCommand> unpaid = new ArrayList<>();
    private final List<PaymentCommand> payments = new ArrayList<>();
    private final List<CreditNoteCommand> creditNotes = new ArrayList<>();

    /** Each customer gets its own random source, so one customer's history never shifts the next one's. */
    BillingHistory(int number, AccountDetails details, RandomGenerator random, Instant now) {
        this.number = number;
        this.accountId = "DEMO-%04d".formatted(number);
        this.details = details;
        this.random = random;
        this.now = now;
        this.zone = ZoneId.of(details.timeZone());
        this.today = LocalDate.ofInstant(now, zone);
    }

    /** One to three paid months, then the unpaid ones the bucket calls for, at most four. */
    DemoAccount in(AgeBand bucket) {
        // drawn before any date comes into play: the same customers pay part or get a credit on any day
        boolean paysPart = bucket.overdue() && random.nextDouble() < PARTIAL_PAYMENT_SHARE;
        boolean credited = random.nextDouble() < CREDIT_NOTE_SHARE;
        invoiceMonthly(bucket);
        if (paysPart) {
            payPartOfOldestUnpaid();
        }
        if (credited && !unpaid.isEmpty()) {
            creditNewestUnpaid();
        }
        return new DemoAccount(accountId, details, List.copyOf(invoices), List.copyOf(payments), List.copyOf(creditNotes));
    }

    private void invoiceMonthly(AgeBand bucket) {
        int terms = paymentTerms();
        LocalDate firstUnpaidDue = firstUnpaidDueDate(bucket, terms);
        long monthlyFee = monthlyFee();
        boolean usageBased = random.nextBoolean();
        int paidMonths = 1 + random.nextInt(3);
        for (int month = -paidMonths; month < MAX_UNPAID_INVOICES; month++) {
            LocalDate due = firstUnpaidDue.plusMonths(month);
            LocalDate issued = due.minusDays(terms);
            if (issued.isAfter(today)) {
                break;
            }
            // one invoice falls due each month, while two can be issued in one: the due month names it
            InvoiceCommand invoice = new InvoiceCommand(accountId + "-INV-" + due.format(MONTH), accountId,
                    "INV-%s-%04d".formatted(due.format(SHORT_MONTH), number), issued, due, details.currency(),
                    amount(monthlyFee, usageBased), null, null);
            invoices.add(invoice);
            if (month < 0) {
                LocalDate paidOn = clamp(due.plusDays(random.nextInt(20) - 7), issued, today);
                pay(invoice, invoice.amount(), paidOn);
            } else {
                unpaid.add(invoice);
            }
        }
    }

    private LocalDate firstUnpaidDueDate(AgeBand bucket, int terms) {
        return switch (bucket) {
            // the next invoice is not issued yet
            case PAID_UP -> today.plusDays(terms + 1 + random.nextInt(20));
            // issued, not due yet
            case CURRENT -> today.plusDays(random.nextInt(terms));
            default -> today.minusDays(bucket.minDaysPastDue
                    + random.nextInt(bucket.maxDaysPastDue - bucket.minDaysPastDue + 1));
        };
    }

    /** A round sum, 20 to 60 % of the invoice, some time after it fell due. */
    private void payPartOfOldestUnpaid() {
        InvoiceCommand oldest = unpaid.get(0);
        BigDecimal part = percentOf(oldest.amount(), 20 + random.nextInt(41)).setScale(0, RoundingMode.DOWN);
        int daysPastDue = (int) ChronoUnit.DAYS.between(oldest.dueDate(), today);
        if (part.signum() > 0) {
            pay(oldest, part.setScale(2), oldest.dueDate().plusDays(1 + random.nextInt(daysPastDue)));
        }
    }

    private void pay(InvoiceCommand invoice, BigDecimal amount, LocalDate paidOn) {
        String reference = PAYMENT_METHODS.get(invoice.currency()) + " " + invoice.number();
        payments.add(new PaymentCommand(accountId + "-PAY-" + (payments.size() + 1), accountId, amount,
                invoice.currency(), at(paidOn), reference, List.of(new AllocationRequest(invoice.externalId(), amount))));
    }

    /** 5 to 15 % of the newest invoice, at most what a partial payment left of it. */
    private void creditNewestUnpaid() {
        InvoiceCommand invoice = unpaid.get(unpaid.size() - 1);
        BigDecimal amount = percentOf(invoice.amount(), 5 + random.nextInt(11));
        int sinceIssue = (int) ChronoUnit.DAYS.between(invoice.issueDate(), today);
        creditNotes.add(new CreditNoteCommand(accountId + "-CN-1", accountId, amount, invoice.currency(),
                at(invoice.issueDate().plusDays(random.nextInt(sinceIssue + 1))),
                CREDIT_REASONS.get(random.nextInt(CREDIT_REASONS.size())),
                List.of(new AllocationRequest(invoice.externalId(), amount))));
    }

    private int paymentTerms() {
        if ("enterprise".equals(details.segment())) {
            return 45;
        }
        return details.locale().equals("de-DE") ? 14 : 30;
    }

    /** In whole currency units: a subscription price. */
    private long monthlyFee() {
        return switch (details.segment()) {
            case "enterprise" -> 12_000 + random.nextInt(63_001);
            case "mid-market" -> 1_500 + random.nextInt(6_501);
            default -> 49 + random.nextInt(1_152);
        };
    }

    /** The subscription, plus up to 35 % usage for a usage-billed customer. */
    private BigDecimal amount(long monthlyFee, boolean usageBased) {
        long cents = monthlyFee * 100 + (usageBased ? random.nextLong(monthlyFee * 35) : 0);
        return BigDecimal.valueOf(cents, 2);
    }

    private static BigDecimal percentOf(BigDecimal amount, int percent) {
        return amount.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /** During office hours where the customer is, but never later than now. */
    private Instant at(LocalDate day) {
        Instant instant = day.atTime(8 + random.nextInt(9), random.nextInt(60)).atZone(zone).toInstant();
        return instant.isAfter(now) ? now.minusSeconds(60) : instant;
    }

    private static LocalDate clamp(LocalDate day, LocalDate earliest, LocalDate latest) {
        return day.isBefore(earliest) ? earliest : day.isAfter(latest) ? latest : day;
    }
}
