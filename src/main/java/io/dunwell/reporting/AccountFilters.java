package io.dunwell.reporting;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;

import io.dunwell.settings.AgingBucket;
import io.dunwell.settings.ConsoleSettings;
import io.dunwell.settings.OverdueCondition;
import io.dunwell.settings.SettingRejected;
import io.dunwell.system.BadRequestException;

/**
 * The one place an {@link AccountFilter} is made from a request — the accounts page, its bulk
 * actions, the bulk-action API and the worklists — so a blank field means the same everywhere
 * (the in-collections condition set in /settings) and an unknown aging bucket is the same 400.
 */
@Component
public class AccountFilters {

    private final ConsoleSettings settings;

    AccountFilters(ConsoleSettings settings) {
        this.settings = settings;
    }

    /** The accounts list's filter: what a request leaves out follows the in-collections condition. */
    public AccountFilter accountsList(Integer minDays, BigDecimal minBalance, String assigned, String agent, String status,
                                      String bucket, String search, String sort, String direction, int page) {
        OverdueCondition inCollections = settings.inCollections();
        return new AccountFilter(minDays == null ? inCollections.daysOverdue() : minDays,
                minBalance == null ? inCollections.amount() : minBalance, assigned, agent, status,
                bucketNamed(bucket), search, sort, direction, page);
    }

    /**
     * A worklist's candidates: the accounts of one past-due bucket (or of all), longest overdue first, over the
     * in-collections amount; the list's condition is "more than minDays overdue", a bucket starts at its day, inclusive.
     */
    public AccountFilter worklist(String bucket, String assigned, String agent, String search) {
        AgingBucket chosen = bucketNamed(bucket);
        return new AccountFilter(chosen == null ? 0 : Math.max(0, chosen.fromDays() - 1), settings.inCollections().amount(),
                assigned, agent, null, chosen, search, "days", "asc", 1);
    }

    private AgingBucket bucketNamed(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return settings.agingBuckets().named(name).orElseThrow();
        } catch (SettingRejected unknown) {
            throw new BadRequestException("bucket", unknown.getMessage());
        }
    }
}
