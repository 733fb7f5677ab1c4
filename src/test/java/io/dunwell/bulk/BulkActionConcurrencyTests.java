package io.dunwell.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.system.security.Roles;
import io.dunwell.timeline.Timeline;
import io.dunwell.timeline.TimelineEntry;

/**
 * Two identical bulk requests at the same moment, on two threads against the real PostgreSQL: the
 * same Idempotency-Key, or two confirms of one preview. The database lets one of them start the
 * run and do each account once; both answer with that run.
 */
@DunwellIntegrationTest
class BulkActionConcurrencyTests {

    static final Authentication SUPERVISOR = new UsernamePasswordAuthenticationToken("bulkconcurrency", null,
            List.of(new SimpleGrantedAuthority("ROLE_" + Roles.SUPERVISOR)));

    @Autowired BulkActions bulkActions;
    @Autowired Accounts accounts;
    @Autowired Invoices invoices;
    @Autowired Timeline timeline;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    @Test
    void twoRequestsWithOneKeyAtOnceRunOnceAndBothAnswerWithThatRun() throws Exception {
        List<Account> picked = accountsOwing(20);
        BulkRequest request = new BulkRequest("flags", externalIds(picked), null, Map.of("add", "called twice"), false, null);
        String key = "at-once-" + UUID.randomUUID();

        List<BulkResult> results = atOnce(() -> bulkActions.run(request, key, SUPERVISOR));

        assertThat(results).extracting(BulkResult::id).containsOnly(results.get(0).id());
        assertThat(results).allSatisfy(result -> assertThat(result.count(BulkResult.DONE)).isEqualTo(20));
        assertThat(results).extracting(BulkResult::replayed).containsExactlyInAnyOrder(false, true);
        assertThat(jdbc.queryForObject("select count(*) from bulk_action where idempotency_key = ?", Long.class, key)).isEqualTo(1);
        for (Account account : picked) {
            assertThat(types(account)).as(account.getExternalId()).filteredOn("BULK_ACTION"::equals).hasSize(1);
            assertThat(types(account)).as(account.getExternalId()).filteredOn("FLAGS_CHANGED"::equals).hasSize(1);
        }
    }

    @Test
    void twoConfirmsOfOnePreviewAtOnceChargeEachFeeOnce() throws Exception {
        List<Account> picked = accountsOwing(10);
        String token = bulkActions.run(fees(picked, true, null), null, SUPERVISOR).previewToken();

        // two tabs, two keys, one preview
        List<String> keys = List.of("tab-1-" + UUID.randomUUID(), "tab-2-" + UUID.randomUUID());
        List<BulkResult> results = atOnce(keys.stream().<Supplier<BulkResult>>map(key ->
                () -> bulkActions.run(fees(picked, false, token), key, SUPERVISOR)).toList());

        assertThat(results).extracting(BulkResult::id).containsOnly(results.get(0).id());
        assertThat(results).allSatisfy(result -> assertThat(result.count(BulkResult.DONE)).isEqualTo(10));
        assertThat(jdbc.queryForObject("select count(*) from bulk_action where preview_token = ?", Long.class, token)).isEqualTo(1);
        for (Account account : picked) {
            assertThat(types(account)).as(account.getExternalId()).filteredOn("BULK_ACTION"::equals).hasSize(1);
            assertThat(jdbc.queryForObject("select count(*) from invoice where account_id = ?", Long.class, account.getId()))
                    .as("the account's invoice and one fee invoice").isEqualTo(2);
        }
    }

    @Test
    void aPreviewRunsOnceButTheSamePlanPreviewedAgainRunsAgain() {
        List<Account> picked = accountsOwing(1);
        String token = bulkActions.run(fees(picked, true, null), null, SUPERVISOR).previewToken();
        BulkResult first = bulkActions.run(fees(picked, false, token), "first-" + UUID.randomUUID(), SUPERVISOR);

        BulkResult again = bulkActions.run(fees(picked, false, token), "again-" + UUID.randomUUID(), SUPERVISOR);
        String fresh = bulkActions.run(fees(picked, true, null), null, SUPERVISOR).previewToken();
        BulkResult second = bulkActions.run(fees(picked, false, fresh), "second-" + UUID.randomUUID(), SUPERVISOR);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.replayed()).isTrue();
        assertThat(fresh).isNotEqualTo(token);
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(types(picked.get(0))).filteredOn("BULK_ACTION"::equals).hasSize(2);
    }

    /** Runs the calls on threads of their own, let go at the same moment. */
    @SafeVarargs
    private static List<BulkResult> atOnce(Supplier<BulkResult>... calls) throws Exception {
        return atOnce(calls.length == 1 ? List.of(calls[0], calls[0]) : List.of(calls));
    }

    private static List<BulkResult> atOnce(List<Supplier<BulkResult>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<BulkResult>> running = new ArrayList<>();
            for (Supplier<BulkResult> call : calls) {
                running.add(threads.submit(() -> {
                    go.await();
                    return call.get();
                }));
            }
            go.countDown();
            List<BulkResult> results = new ArrayList<>();
            for (Future<BulkResult> result : running) {
                results.add(result.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private static BulkRequest fees(List<Account> picked, boolean preview, String token) {
        return new BulkRequest("fees", externalIds(picked), null, Map.of("basis", "fixed", "amount", "5.00"), preview, token);
    }

    private static List<String> externalIds(List<Account> picked) {
        return picked.stream().map(Account::getExternalId).toList();
    }

    private List<String> types(Account account) {
        return timeline.of(account.getId()).stream().map(TimelineEntry::getType).toList();
    }

    /** Accounts owing 100.00 EUR each on an invoice 40 days past due. */
    private List<Account> accountsOwing(int count) {
        List<Account> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Account account = accounts.upsert("ACC-" + UUID.randomUUID(), new AccountDetails("Concurrent " + i + " Ltd",
                    "ap-" + UUID.randomUUID() + "@customer.example", null, "en-US", "UTC", "EUR", null)).account();
            invoices.upsert(new InvoiceCommand("EXT-" + UUID.randomUUID(), account.getExternalId(), "INV-" + i,
                    account.today(clock).minusDays(54), account.today(clock).minusDays(40), "EUR", new BigDecimal("100.00"), null, null));
            made.add(account);
        }
        return made;
    }
}
