package io.dunwell.benchmark;

/**
 * What to import, from system properties (the Maven profile passes them on):
 * {@code bench.accounts} (100000), {@code bench.invoices} (1000000, a multiple of the accounts),
 * {@code bench.chunk} (rows per service call and transaction, 1000), {@code bench.threads}
 * (importers on disjoint account ranges, 2), {@code bench.layout} and {@code bench.stats}
 * (Hibernate's statement counts per phase), {@code bench.cases} (dunning cases the last phase opens, 20000).
 *
 * @param spread {@code bench.layout=spread} (the default): consecutive invoices belong to
 *               different accounts, as in an export sorted by date, so a chunk of 1000 invoices
 *               locks and refreshes up to 1000 summaries; {@code grouped}: an account's invoices
 *               come together, so a chunk touches 1000 / (invoices per account) accounts
 */
record BenchmarkSettings(int accounts, int invoices, int chunk, int threads, boolean spread, boolean stats, int cases) {

    static BenchmarkSettings fromSystemProperties() {
        BenchmarkSettings settings = new BenchmarkSettings(Integer.getInteger("bench.accounts", 100_000),
                Integer.getInteger("bench.invoices", 1_000_000), Integer.getInteger("bench.chunk", 1_000),
                Integer.getInteger("bench.threads", 2), !"grouped".equals(System.getProperty("bench.layout", "spread")),
                Boolean.getBoolean("bench.stats"), Integer.getInteger("bench.cases", 20_000));
        if (settings.invoices % settings.accounts != 0) {
            throw new IllegalArgumentException("bench.invoices must be a multiple of bench.accounts");
        }
        return settings;
    }

    int invoicesPerAccount() {
        return invoices / accounts;
    }
}
