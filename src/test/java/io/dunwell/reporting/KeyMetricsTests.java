package io.dunwell.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.dunwell.settings.AgingBuckets;
import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;

/**
 * DSO, CEI and aging from the ledger on the shared database. Only this test books Mongolian tögrög,
 * so that currency's figures are exactly those of the invoices made here.
 */
@DunwellIntegrationTest
class KeyMetricsTests {

    private static final String CURRENCY = "MNT";

    @Autowired
    KeyMetrics metrics;
    @Autowired
    Accounts accounts;
    @Autowired
    Invoices invoices;
    @Autowired
    Clock clock;

    @Test
    void figuresOfOneCurrencyComeFromItsInvoicesAtTheEndOfEachPeriod() {
        LocalDate today = LocalDate.now(clock);
        Account account = accounts.upsert("KM-" + UUID.randomUUID(),
                new AccountDetails("Tögrög Traders", null, null, "en", "UTC", CURRENCY, null)).account();
        // issued in the previous 30 days: 1,000 (600 still open) and 300; in the last 30 days: 500, not yet due
        invoice(account, today.minusDays(50), today.minusDays(20), "1000", "600");
        invoice(account, today.minusDays(40), today.minusDays(25), "300", "300");
        invoice(account, today.minusDays(10), today.plusDays(20), "500", "500");

        CurrencyMetrics tögrög = metrics.report(AgingBuckets.DEFAULT).currencies().stream()
                .filter(c -> c.currency().equals(CURRENCY)).findFirst().orElseThrow();

        // ending receivables 1,400 over credit sales of 500 in 30 days; before: 1,300 over 1,300
        assertThat(tögrög.dso().current()).isEqualByComparingTo("84.0");
        assertThat(tögrög.dso().previous()).isEqualByComparingTo("30.0");
        // (1,300 + 500 − 1,400) ÷ (1,300 + 500 − 500 not yet due); before, nothing had fallen due
        assertThat(tögrög.cei().current()).isEqualByComparingTo("30.8");
        assertThat(tögrög.cei().previous()).isNull();
        assertThat(tögrög.receivables()).isEqualByComparingTo("1400");
        assertThat(tögrög.overdue()).isEqualByComparingTo("900");
        assertThat(tögrög.aging()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("500"), new BigDecimal("900"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private void invoice(Account account, LocalDate issued, LocalDate due, String amount, String balance) {
        invoices.upsert(new InvoiceCommand("KM-INV-" + UUID.randomUUID(), account.getExternalId(), "N-" + UUID.randomUUID(),
                issued, due, CURRENCY, new BigDecimal(amount), new BigDecimal(balance), null));
    }
}
