package io.dunwell.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.TestContextManager;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.payment.PaymentCommand;
import io.dunwell.payment.Payments;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.RowResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever the billing system sends, in whatever order, the per-account receivables summary
 * equals a recomputation from the invoices, payments, credit notes and allocations, and no
 * money appears or disappears. jqwik does not run Spring's JUnit extension, so the application
 * comes from Spring's test-context cache: the same context the integration tests share, rather
 * than a second engine and database in the same JVM. The cache owns it and closes it at the end.
 */
class ReceivablesSummaryProperties {

    @DunwellIntegrationTest
    static class SharedContext {
    }

    static ApplicationContext spring;

    @BeforeContainer
    static void application() {
        spring = new TestContextManager(SharedContext.class).getTestContext().getApplicationContext();
    }

    // --- what the billing system may send --------------------------------------------------------

    sealed interface Step {
        void applyTo(Journey journey);
    }

    /** A new invoice for the whole amount. */
    record NewInvoice(int amountMinor, int dueInDays) implements Step {
        public void applyTo(Journey journey) {
            journey.newInvoice(this);
        }
    }

    /** The invoice's amount changes; the billing system sends no balance, so the difference carries over. */
    record ChangeAmount(int invoice, int amountMinor) implements Step {
        public void applyTo(Journey journey) {
            journey.withInvoice(invoice, i -> journey.upsert(i, journey.amount(amountMinor), null, null));
        }
    }

    /** The billing system says what is still open on the invoice: it knows of money Dunwell does not. */
    record OverrideBalance(int invoice, int percentOpen) implements Step {
        public void applyTo(Journey journey) {
            journey.withInvoice(invoice, i -> journey.upsert(i, i.getAmount(), journey.share(i.getAmount(), percentOpen), null));
        }
    }

    record VoidInvoice(int invoice) implements Step {
        public void applyTo(Journey journey) {
            journey.withInvoice(invoice, journey::voidInvoice);
        }
    }

    /** The invoice exactly as Dunwell holds it, sent again. */
    record ResendInvoice(int invoice) implements Step {
        public void applyTo(Journey journey) {
            journey.withInvoice(invoice, journey::resend);
        }
    }

    /** A payment or credit note: oldest due first without parts, else as the parts say, plus extra money. */
    record Money(boolean creditNote, int extraMinor, List<Part> parts) implements Step {
        public void applyTo(Journey journey) {
            journey.money(this);
        }
    }

    /** A share of an open invoice's balance (of any invoice when none is open); over 100 % asks for more than is open. */
    record Part(int invoice, int percentOfBalance) {
    }

    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.of("EUR", "JPY", "BHD");
    }

    @Provide
    Arbitrary<List<Step>> anything() {
        return steps(true);
    }

    @Provide
    Arbitrary<List<Step>> withoutBalanceOverrides() {
        return steps(false);
    }

    private static Arbitrary<List<Step>> steps(boolean overrides) {
        Arbitrary<Integer> amount = Arbitraries.integers().between(1, 100_000);
        // few invoices, so that later steps often meet the money earlier steps applied
        Arbitrary<Integer> invoice = Arbitraries.integers().between(0, 3);
        Arbitrary<Step> newInvoice = Combinators.combine(amount, Arbitraries.integers().between(-90, 60)).as(NewInvoice::new);
        Arbitrary<Step> changeAmount = Combinators.combine(invoice, amount).as(ChangeAmount::new);
        Arbitrary<Step> override = Combinators.combine(invoice, Arbitraries.integers().between(0, 100)).as(OverrideBalance::new);
        Arbitrary<Step> voidInvoice = invoice.map(VoidInvoice::new);
        Arbitrary<Step> resend = invoice.map(ResendInvoice::new);
        Arbitrary<Integer> percent = Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.integers().between(1, 100)), Tuple.of(1, Arbitraries.integers().between(101, 110)));
        Arbitrary<Part> part = Combinators.combine(invoice, percent).as(Part::new);
        Arbitrary<Integer> extra = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)),
                Tuple.of(2, Arbitraries.integers().between(1, 1_000)), Tuple.of(1, Arbitraries.integers().between(1, 60_000)));
        Arbitrary<List<Part>> parts = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(List.of())),
                Tuple.of(1, part.list().ofMinSize(1).ofMaxSize(3)));
        Arbitrary<Step> money = Combinators.combine(Arbitraries.of(false, true), extra, parts).as(Money::new);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(3, newInvoice), Tuple.of(1, changeAmount), Tuple.of(overrides ? 1 : 0, override),
                Tuple.of(2, voidInvoice), Tuple.of(1, resend), Tuple.of(5, money));
        return step.list().ofMinSize(3).ofMaxSize(20);
    }

    // --- the properties ----------------------------------------------------------------------------

    @Property(tries = 50)
    void summaryAlwaysEqualsARecomputationFromScratch(@ForAll("currencies") String currency,
                                                      @ForAll("anything") List<Step> steps) {
        Journey journey = new Journey(currency);
        for (Step step : steps) {
            journey.take(step);
            journey.assertSummaryEqualsRecomputation();
        }
        requireVariety();
    }

    @Property(tries = 50)
    void moneyIsConservedWhenTheBillingSystemOverridesNoBalance(@ForAll("currencies") String currency,
                                                                @ForAll("withoutBalanceOverrides") List<Step> steps) {
        Journey journey = new Journey(currency);
        for (Step step : steps) {
            journey.take(step);
            journey.assertSummaryEqualsRecomputation();
            journey.assertMoneyIsConserved();
        }
        requireVariety();
    }

    /** Guards the generator: the properties mean little unless these cases come up in every run. */
    private static void requireVariety() {
        Statistics.label("steps").coverage(coverage -> {
            coverage.check("oldest first").count(n -> n >= 20);
            coverage.check("as allocated").count(n -> n >= 10);
            coverage.check("overpaid").count(n -> n >= 10);
            coverage.check("paid on a voided invoice").count(n -> n >= 1);
            coverage.check("refused").count(n -> n >= 1);
        });
    }

    // --- one fresh account and what happens to it ---------------------------------------------------

    static final class Journey {

        private static final LocalDate BASE = LocalDate.of(2027, 1, 1);

        private final Accounts accounts = spring.getBean(Accounts.class);
        private final Invoices invoiceService = spring.getBean(Invoices.class);
        private final InvoiceRepository invoiceRepository = spring.getBean(InvoiceRepository.class);
        private final Payments payments = spring.getBean(Payments.class);
        private final CreditNotes creditNotes = spring.getBean(CreditNotes.class);
        private final Receivables receivables = spring.getBean(Receivables.class);
        private final NamedParameterJdbcTemplate sql = new NamedParameterJdbcTemplate(spring.getBean(DataSource.class));

        private final String currency;
        private final int digits;
        private final Account account;
        private final List<String> invoices = new ArrayList<>();

        Journey(String currency) {
            this.currency = currency;
            this.digits = Currency.getInstance(currency).getDefaultFractionDigits();
            this.account = accounts.upsert("ACC-" + UUID.randomUUID(),
                    new AccountDetails("Property Customer", null, null, "en-US", "UTC", currency, null)).account();
        }

        void take(Step step) {
            Map<String, Object> before = state();
            try {
                step.applyTo(this);
            } catch (BadRequestException refused) {
                assertThat(state()).as("a refused %s changes nothing (%s)", step, refused.getMessage()).isEqualTo(before);
                Statistics.label("steps").collect("refused");
            }
        }

        private void newInvoice(NewInvoice s) {
            String id = "INV-" + UUID.randomUUID();
            LocalDate due = BASE.plusDays(s.dueInDays());
            invoiceService.upsert(new InvoiceCommand(id, account.getExternalId(), "N-" + invoices.size(), due.minusDays(14), due,
                    currency, amount(s.amountMinor()), null, null));
            invoices.add(id);
        }

        private void voidInvoice(Invoice invoice) {
            boolean paidOn = invoice.isOpen() ? invoice.getBalance().compareTo(invoice.getAmount()) < 0 : Invoice.PAID.equals(invoice.getStatus());
            upsert(invoice, invoice.getAmount(), null, Invoice.VOID);
            if (paidOn) {
                Statistics.label("steps").collect("paid on a voided invoice");
            }
        }

        private void resend(Invoice invoice) {
            int timelineBefore = timelineEntries();
            RowResult<Invoice> result = upsert(invoice, invoice.getAmount(), invoice.getBalance(), invoice.getStatus());
            assertThat(result.outcome()).as("resending %s as it is", invoice.getExternalId()).isEqualTo(RowResult.Outcome.UNCHANGED);
            assertThat(timelineEntries()).isEqualTo(timelineBefore);
        }

        private RowResult<Invoice> upsert(Invoice invoice, BigDecimal amount, BigDecimal balance, String status) {
            return invoiceService.upsert(new InvoiceCommand(invoice.getExternalId(), account.getExternalId(), invoice.getNumber(),
                    invoice.getIssueDate(), invoice.getDueDate(), currency, amount, balance, status));
        }

        private void money(Money s) {
            List<AllocationRequest> parts = new ArrayList<>();
            BigDecimal total = amount(s.extraMinor());
            List<Invoice> open = invoiceRepository.findOpenOldestFirst(account.getId());
            for (Part part : s.parts()) {
                if (invoices.isEmpty()) {
                    break;
                }
                Invoice invoice = open.isEmpty() ? invoice(part.invoice()) : open.get(part.invoice() % open.size());
                if (parts.stream().anyMatch(listed -> listed.invoiceId().equals(invoice.getExternalId()))) {
                    continue;
                }
                BigDecimal share = share(invoice.getBalance(), part.percentOfBalance()).max(amount(1));
                parts.add(new AllocationRequest(invoice.getExternalId(), share));
                total = total.add(share);
            }
            if (total.signum() == 0) {
                total = amount(1);
            }
            String id = (s.creditNote() ? "CN-" : "PAY-") + UUID.randomUUID();
            Instant at = Instant.parse("2027-01-10T08:00:00Z");
            BigDecimal unapplied = s.creditNote()
                    ? creditNotes.record(new CreditNoteCommand(id, account.getExternalId(), total, currency, at, "goodwill", parts))
                            .value().getUnappliedAmount()
                    : payments.record(new PaymentCommand(id, account.getExternalId(), total, currency, at, "transfer", parts))
                            .value().getUnappliedAmount();
            Statistics.label("steps").collect(parts.isEmpty() ? "oldest first" : "as allocated");
            if (unapplied.signum() > 0) {
                Statistics.label("steps").collect("overpaid");
            }
        }

        private void withInvoice(int index, Consumer<Invoice> action) {
            if (!invoices.isEmpty()) {
                action.accept(invoice(index));
            }
        }

        private Invoice invoice(int index) {
            return invoiceRepository.findByExternalId(invoices.get(index % invoices.size())).orElseThrow();
        }

        private BigDecimal amount(long minor) {
            return BigDecimal.valueOf(minor, digits);
        }

        private BigDecimal share(BigDecimal of, int percent) {
            return of.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), digits, RoundingMode.DOWN);
        }

        // --- what must hold ------------------------------------------------------------------------

        void assertSummaryEqualsRecomputation() {
            Map<String, Object> stored = storedSummary();
            Map<String, Object> recomputed = recomputed();
            assertThat((BigDecimal) stored.get("open_invoice_total")).as("open invoice total")
                    .isEqualByComparingTo((BigDecimal) recomputed.get("open_total"));
            assertThat((BigDecimal) stored.get("unapplied_credit")).as("unapplied credit")
                    .isEqualByComparingTo((BigDecimal) recomputed.get("unapplied"));
            assertThat(((Number) stored.get("open_invoice_count")).longValue()).as("open invoice count")
                    .isEqualTo(((Number) recomputed.get("open_count")).longValue());
            assertThat(stored.get("oldest_unpaid_due_date")).as("oldest unpaid due date").isEqualTo(recomputed.get("oldest_due"));

            Balances balances = receivables.balancesOf(account);
            BigDecimal openBalance = ((BigDecimal) recomputed.get("open_total")).subtract((BigDecimal) recomputed.get("unapplied"));
            assertThat(balances.openBalance()).as("open balance").isEqualTo(openBalance.setScale(digits));
            assertThat(balances.openBalance().scale()).isEqualTo(digits);
            assertThat(balances.openInvoiceCount()).isEqualTo(((Number) recomputed.get("open_count")).intValue());

            assertThat(sql.queryForList("""
                    select external_id from payment p where account_id = :account and amount <> unapplied_amount
                      + coalesce((select sum(amount) from allocation a where a.payment_id = p.id and a.reversed_at is null), 0)
                    union all
                    select external_id from credit_note c where account_id = :account and amount <> unapplied_amount
                      + coalesce((select sum(amount) from allocation a where a.credit_note_id = c.id and a.reversed_at is null), 0)""",
                    Map.of("account", account.getId()), String.class))
                    .as("payments and credit notes whose allocations and unapplied rest do not add up").isEmpty();
            assertThat(sql.queryForList("""
                    select external_id from invoice where account_id = :account and ((status = 'OPEN' and balance <= 0)
                      or (status in ('PAID', 'VOID') and balance <> 0))""", Map.of("account", account.getId()), String.class))
                    .as("invoices whose status does not follow their balance").isEmpty();
        }

        void assertMoneyIsConserved() {
            Map<String, Object> r = recomputed();
            BigDecimal billedLessReceived = ((BigDecimal) r.get("billed")).subtract((BigDecimal) r.get("paid"))
                    .subtract((BigDecimal) r.get("credited"));
            assertThat(receivables.balancesOf(account).openBalance()).as("billed less paid less credited")
                    .isEqualByComparingTo(billedLessReceived);
        }

        private Map<String, Object> storedSummary() {
            return sql.queryForMap("""
                    select open_invoice_total, unapplied_credit, open_invoice_count, oldest_unpaid_due_date
                    from receivables_summary where account_id = :account""", Map.of("account", account.getId()));
        }

        private Map<String, Object> recomputed() {
            return sql.queryForMap("""
                    select coalesce((select sum(balance) from invoice where account_id = :account and status = 'OPEN'), 0) as open_total,
                           (select count(*) from invoice where account_id = :account and status = 'OPEN') as open_count,
                           (select min(due_date) from invoice where account_id = :account and status = 'OPEN') as oldest_due,
                           coalesce((select sum(unapplied_amount) from payment where account_id = :account), 0)
                             + coalesce((select sum(unapplied_amount) from credit_note where account_id = :account), 0) as unapplied,
                           coalesce((select sum(amount) from invoice where account_id = :account and status <> 'VOID'), 0) as billed,
                           coalesce((select sum(amount) from payment where account_id = :account), 0) as paid,
                           coalesce((select sum(amount) from credit_note where account_id = :account), 0) as credited""",
                    Map.of("account", account.getId()));
        }

        private int timelineEntries() {
            return sql.queryForObject("select count(*) from timeline_entry where account_id = :account",
                    Map.of("account", account.getId()), Integer.class);
        }

        /** Everything a refused step must leave as it was. */
        private Map<String, Object> state() {
            Map<String, Object> state = new TreeMap<>(storedSummary());
            state.putAll(recomputed());
            state.put("timeline", timelineEntries());
            state.put("allocations", sql.queryForObject("""
                    select count(*) from allocation where invoice_id in (select id from invoice where account_id = :account)""",
                    Map.of("account", account.getId()), Integer.class));
            return state;
        }
    }
}
