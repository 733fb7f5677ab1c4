package io.dunwell.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.system.Money;

/** Payments as PostgreSQL stores them: amounts at the currency's scale, instants in UTC to the microsecond. */
@DunwellIntegrationTest
class PaymentPersistenceTests {

    static final Instant CREATED = Instant.parse("2027-01-10T09:00:00.000001Z");

    @Autowired
    Accounts accounts;

    @Autowired
    PaymentRepository payments;

    @Autowired
    JdbcTemplate jdbc;

    private Payment saved(String currency, String amount, Instant receivedAt) {
        Account account = accounts.upsert("ACC-" + UUID.randomUUID(), new AccountDetails("Persistence Customer", null, null, "en-US",
                "UTC", currency, null)).account();
        BigDecimal scaled = Money.scaled(new BigDecimal(amount), Currency.getInstance(currency));
        return payments.save(new Payment("PAY-" + UUID.randomUUID(), account.getId(), scaled, currency, receivedAt, "transfer 4711",
                "fingerprint", CREATED));
    }

    @ParameterizedTest
    @CsvSource({"JPY, 98765, 98765.0000", "EUR, 1234567.8, 1234567.8000", "BHD, 0.001, 0.0010"})
    void paymentComesBackAtItsCurrencysScale(String currency, String amount, String stored) {
        Payment saved = saved(currency, amount, Instant.parse("2027-01-10T08:00:00Z"));

        Payment loaded = payments.findByExternalId(saved.getExternalId()).orElseThrow();

        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        assertThat(loaded).isNotSameAs(saved);
        assertThat(loaded.getAmount()).isEqualTo(new BigDecimal(amount).setScale(digits));
        assertThat(loaded.getUnappliedAmount()).isEqualTo(new BigDecimal(amount).setScale(digits));
        assertThat(loaded.getAccountId()).isEqualTo(saved.getAccountId());
        assertThat(loaded.getCurrency()).isEqualTo(currency);
        assertThat(loaded.getReference()).isEqualTo("transfer 4711");
        assertThat(loaded.getFingerprint()).isEqualTo("fingerprint");
        assertThat(jdbc.queryForObject("select amount::text from payment where id = ?", String.class, saved.getId())).isEqualTo(stored);
    }

    @Test
    void instantsKeepTheirMicrosecondsInUtc() {
        Instant received = Instant.parse("2027-01-10T08:00:00.123456Z");
        Payment saved = saved("EUR", "10.00", received);

        Payment loaded = payments.findById(saved.getId()).orElseThrow();

        assertThat(loaded.getReceivedAt()).isEqualTo(received);
        assertThat(jdbc.queryForObject("""
                select to_char(received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || ' '
                    || to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') from payment where id = ?""",
                String.class, saved.getId())).isEqualTo("2027-01-10T08:00:00.123456 2027-01-10T09:00:00.000001");
    }

    @Test
    void nanosecondsAreDroppedBeforeSavingSoTheSavedAndTheLoadedPaymentAgree() {
        Payment saved = saved("EUR", "10.00", Instant.parse("2027-01-10T08:00:00.123456789Z"));

        Payment loaded = payments.findById(saved.getId()).orElseThrow();

        assertThat(saved.getReceivedAt()).isEqualTo(Instant.parse("2027-01-10T08:00:00.123456Z"));
        assertThat(loaded.getReceivedAt()).isEqualTo(saved.getReceivedAt());
    }
}
