package io.dunwell.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.dunwell.account.AccountCommand;
import io.dunwell.account.AccountDetails;
import io.dunwell.invoice.InvoiceCommand;

/**
 * Deterministic, realistic rows for the ingestion benchmark: accounts in four currencies and
 * time zones, invoices due over the last 180 days with two-decimal amounts, about a quarter
 * of them paid, some partly paid and a few void. Rows are generated a chunk at a time, so a
 * million invoices never sit in memory at once.
 */
final class BenchmarkData {

    private static final String[][] REGIONS = {
            {"EUR", "de-DE", "Europe/Berlin"},
            {"USD", "en-US", "America/New_York"},
            {"GBP", "en-GB", "Europe/London"},
            {"CHF", "de-CH", "Europe/Zurich"},
    };
    private static final String[] SEGMENTS = {"SMB", "MID_MARKET", "ENTERPRISE"};

    private final LocalDate today;
    private final long seed;

    BenchmarkData(LocalDate today, long seed) {
        this.today = today;
        this.seed = seed;
    }

    static String accountId(int account) {
        return "BA-" + padded(account, 7);
    }

    /** Cheaper than String.format, which would cost the import loop more than some of the service code. */
    private static String padded(int number, int digits) {
        String text = Integer.toString(number);
        return "0".repeat(Math.max(0, digits - text.length())) + text;
    }

    List<AccountCommand> accounts(int from, int to) {
        List<AccountCommand> rows = new ArrayList<>(to - from);
        for (int account = from; account < to; account++) {
            String[] region = REGIONS[account % REGIONS.length];
            rows.add(new AccountCommand(accountId(account), new AccountDetails("Customer %07d Ltd".formatted(account),
                    "ap+%07d@example.com".formatted(account), "+49 30 %07d".formatted(account), region[1], region[2],
                    region[0], SEGMENTS[account % SEGMENTS.length])));
        }
        return rows;
    }

    /** The {@code sequence}-th invoice (0-based) of an account. */
    InvoiceCommand invoice(int account, int sequence) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + account * 64L + sequence);
        LocalDate due = today.minusDays(random.nextInt(180));
        LocalDate issued = due.minusDays(random.nextBoolean() ? 14 : 30);
        BigDecimal amount = BigDecimal.valueOf(random.nextLong(1_000, 500_000), 2);
        BigDecimal balance = null;
        String status = null;
        int kind = random.nextInt(100);
        if (kind < 25) {
            balance = BigDecimal.ZERO.setScale(2);
        } else if (kind < 35) {
            balance = amount.multiply(BigDecimal.valueOf(random.nextInt(1, 100), 2)).setScale(2, RoundingMode.DOWN);
        } else if (kind < 37) {
            status = "VOID";
        }
        String suffix = padded(account, 7) + "-" + padded(sequence, 3);
        return new InvoiceCommand("BI-" + suffix, accountId(account), "INV-" + suffix, issued, due,
                REGIONS[account % REGIONS.length][0], amount, balance, status);
    }

    /**
     * One open invoice of the account, unpaid and 10 to 179 days past due, so the account is
     * delinquent in any time zone (the dunning run benchmark's accounts have exactly this one).
     */
    InvoiceCommand overdueInvoice(int account) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + account * 64L + 63);
        LocalDate due = today.minusDays(10 + random.nextInt(170));
        String suffix = padded(account, 7) + "-OD";
        return new InvoiceCommand("BI-" + suffix, accountId(account), "INV-" + suffix, due.minusDays(14), due,
                REGIONS[account % REGIONS.length][0], BigDecimal.valueOf(random.nextLong(1_000, 500_000), 2), null, null);
    }
}
