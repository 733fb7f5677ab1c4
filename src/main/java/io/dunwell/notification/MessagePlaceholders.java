package io.dunwell.notification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dunwell.account.Account;

/**
 * Fills {@code {{name}}}-style placeholders of a message someone typed for many customers, each
 * value formatted in the customer's language and currency. Plain substitution, no template
 * language: the text comes from a user, so it can run nothing.
 */
public final class MessagePlaceholders {

    public static final List<String> NAMES = List.of("name", "accountId", "balance", "oldestDueDate", "daysPastDue");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");

    private MessagePlaceholders() {
    }

    /** The placeholders in {@code text} that are not one of {@link #NAMES}. */
    public static List<String> unknown(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        List<String> unknown = new ArrayList<>();
        while (matcher.find()) {
            if (!NAMES.contains(matcher.group(1))) {
                unknown.add(matcher.group(0));
            }
        }
        return unknown;
    }

    /** {@code oldestDueDate} null: nothing is overdue, the placeholder reads as a dash. */
    public static String render(String text, Account account, BigDecimal balance, LocalDate oldestDueDate, long daysPastDue) {
        NoticeFormats formats = new NoticeFormats(account);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", account.getName());
        values.put("accountId", account.getExternalId());
        values.put("balance", formats.money(balance));
        values.put("oldestDueDate", oldestDueDate == null ? "-" : formats.date(oldestDueDate));
        values.put("daysPastDue", Long.toString(daysPastDue));
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group(0) : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
