package io.dunwell.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.system.Money;

/**
 * Invoices, credit notes, allocations and the receivables summary as PostgreSQL stores them:
 * the database keeps four decimals for every currency, the entities come back at their
 * currency's own scale (JPY 0, EUR 2, BHD 3), instants to the microsecond.
 */
@DunwellIntegrationTest
class InvoicePersistenceTests {

    static final Instant AT = Instant.parse("2027-01-10T08:00:00.123456Z");

    @Autowired
    Accounts accounts;

    @Autowired
    InvoiceRepository invoices;

    @Autowired
    CreditNoteRepository creditNotes;

    @Autowired
    AllocationRepository allocations;

    @Autowired
    Invoices invoiceService;

    @Autowired
    Receivables receivables;

    @Autowired
    JdbcTemplate jdbc;

    private Account account(String currency) {
        return accounts.upsert("ACC-" + UUID.randomUUID(), new AccountDetails("Persistence Customer", null, null, "en-US", "UTC",
                currency, null)).account();
    }

    private Invoice savedInvoice(Account account, String amount, String balance) {
        Currency currency = account.currency();
        InvoiceCommand command = new InvoiceCommand("INV-" + UUID.randomUUID(), account.getExternalId(), "N-1",
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31), currency.getCurrencyCode(), new BigDecimal(amount), null, null);
        Invoice invoice = new Invoice(command.externalId(), account.getId(), AT);
        invoice.apply(command, Money.scaled(new BigDecimal(amount), currency), Money.scaled(new BigDecimal(balance), currency), AT);
        return invoices.save(invoice);
    }

    @ParameterizedTest
    @CsvSource({"JPY, 1200, 700, 1200.0000", "EUR, 19.9, 0, 19.9000", "BHD, 1.125, 0.005, 1.1250"})
    void invoiceComesBackAtItsCurrencysScale(String currency, String amount, String balance, String stored) {
        Invoice saved = savedInvoice(account(currency), amount, balance);

        Invoice loaded = invoices.findByExternalId(saved.getExternalId()).orElseThrow();

        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        assertThat(loaded).isNotSameAs(saved);
        assertThat(loaded.getAmount()).isEqualTo(new BigDecimal(amount).setScale(digits));
        assertThat(loaded.getBalance()).isEqualTo(new BigDecimal(balance).setScale(digits));
        assertThat(loaded.getStatus()).isEqualTo(new BigDecimal(balance).signum() == 0 ? Invoice.PAID : Invoice.OPEN);
        assertThat(loaded.getNumber()).isEqualTo("N-1");
        assertThat(loaded.getIssueDate()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(loaded.getDueDate()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(loaded.getCurrency()).isEqualTo(currency);
        assertThat(loaded.getCreatedAt()).isEqualTo(AT);
        assertThat(loaded.getUpdatedAt()).isEqualTo(AT);
        assertThat(jdbc.queryForObject("select amount::text from invoice where id = ?", String.class, saved.getId())).isEqualTo(stored);
    }

    @ParameterizedTest
    @CsvSource({"JPY, 500", "EUR, 0.01", "BHD, 12.345"})
    void creditNoteAndItsAllocationComeBackAtTheCurrencysScale(String currency, String amount) {
        Account account = account(currency);
        Invoice invoice = savedInvoice(account, amount, amount);
        BigDecimal scaled = Money.scaled(new BigDecimal(amount), Currency.getInstance(currency));
        CreditNote saved = creditNotes.save(new CreditNote("CN-" + UUID.randomUUID(), account.getId(), scaled, currency,
                Instant.parse("2027-01-09T23:59:59.999999999Z"), "goodwill", "fingerprint", AT));
        allocations.save(new Allocation(invoice.getId(), AllocationSource.creditNote(saved.getId()), scaled, AT));

        CreditNote loaded = creditNotes.findByExternalId(saved.getExternalId()).orElseThrow();

        assertThat(loaded.getAmount()).isEqualTo(scaled);
        assertThat(loaded.getUnappliedAmount()).isEqualTo(scaled);
        assertThat(loaded.getCurrency()).isEqualTo(currency);
        assertThat(loaded.getReason()).isEqualTo("goodwill");
        assertThat(loaded.getFingerprint()).isEqualTo("fingerprint");
        // truncated to what PostgreSQL keeps, never rounded into the next day
        assertThat(loaded.getIssuedAt()).isEqualTo(Instant.parse("2027-01-09T23:59:59.999999Z")).isEqualTo(saved.getIssuedAt());
        assertThat(allocations.findByCreditNoteIdAndReversedAtIsNullOrderById(saved.getId())).singleElement().satisfies(allocation -> {
            assertThat(allocation.getInvoiceId()).isEqualTo(invoice.getId());
            assertThat(allocation.getCreditNoteId()).isEqualTo(saved.getId());
            assertThat(allocation.getPaymentId()).isNull();
            assertThat(allocation.getAmount()).isEqualByComparingTo(scaled);
        });
        assertThat(receivables.appliedFrom(AllocationSource.creditNote(saved.getId()))).singleElement()
                .satisfies(applied -> assertThat(applied.amount()).isEqualTo(scaled));
    }

    @ParameterizedTest
    @CsvSource({"JPY, 1200, 1200", "EUR, 19.90, 19.90", "BHD, 1.125, 1.125"})
    void summaryIsCreatedWithTheAccountAndAnswersAtTheCurrencysScale(String currency, String amount, String balance) {
        Account account = account(currency);
        invoiceService.upsert(new InvoiceCommand("INV-" + UUID.randomUUID(), account.getExternalId(), "N-1", LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 1, 31), currency, new BigDecimal(amount), null, null));

        Balances balances = receivables.balancesOf(account);

        assertThat(balances.openBalance().toPlainString()).isEqualTo(balance);
        assertThat(balances.unappliedCredit()).isEqualTo(Money.zero(Currency.getInstance(currency)));
        assertThat(balances.openInvoiceCount()).isEqualTo(1);
        assertThat(balances.oldestUnpaidDueDate()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(jdbc.queryForObject("select currency from receivables_summary where account_id = ?", String.class, account.getId()))
                .isEqualTo(currency);
    }
}
