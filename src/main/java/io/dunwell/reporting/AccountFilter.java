package io.dunwell.reporting;

import static org.apache.commons.lang3.StringUtils.stripToNull;

import java.math.BigDecimal;
import java.util.Arrays;

import io.dunwell.settings.AgingBucket;
import io.dunwell.settings.OverdueCondition;

/**
 * What the accounts list asks for. An account is in collections when its collection status is
 * not good standing, or its oldest unpaid invoice is more than {@code minDaysOverdue} days past
 * due with an open balance above {@code minBalance}. {@code bucket}, when given, keeps the accounts
 * whose oldest unpaid invoice is that aging bucket's number of days past due (by name, as the
 * settings and the dashboard call it).
 */
public record AccountFilter(int minDaysOverdue, BigDecimal minBalance, String assigned, String agent, String status,
                     AgingBucket bucket, String search, String sort, String direction, int page) {

    public static final int PAGE_SIZE = 50;

    public AccountFilter {
        minDaysOverdue = Math.max(0, minDaysOverdue);
        minBalance = minBalance == null ? BigDecimal.ZERO : minBalance;
        assigned = oneOf(assigned, "all", "mine", "unassigned");
        agent = stripToNull(agent);
        status = stripToNull(status);
        search = stripToNull(search);
        sort = oneOf(sort, "days", "name", "balance");
        direction = "asc".equals(direction) || "desc".equals(direction) ? direction : defaultDirection(sort);
        page = Math.max(1, page);
    }

    /** The same filter on another page. */
    public AccountFilter onPage(int number) {
        return new AccountFilter(minDaysOverdue, minBalance, assigned, agent, status, bucket, search, sort, direction, number);
    }

    /** The in-collections condition this filter lists by ({@link InCollections}). */
    public OverdueCondition inCollections() {
        return new OverdueCondition(minDaysOverdue, minBalance);
    }

    public int offset() {
        return (page - 1) * PAGE_SIZE;
    }

    public boolean descending() {
        return direction.equals("desc");
    }

    /** Names read best A to Z; money and age read best largest first. */
    static String defaultDirection(String sort) {
        return "name".equals(sort) ? "asc" : "desc";
    }

    /** The value when it is allowed, else the first allowed one. */
    private static String oneOf(String value, String... allowed) {
        return Arrays.asList(allowed).contains(value) ? value : allowed[0];
    }

}
