package io.dunwell.notification;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dunwell.account.Account;

/**
 * How a notice writes amounts and dates for one account: money in the account's currency and
 * locale ({@code 1.190,00 €}, {@code $1,190.00}), dates {@link FormatStyle#MEDIUM}. Templates get
 * only preformatted text, so a designer cannot print a raw {@code BigDecimal} or an ISO date.
 */
final class NoticeFormats {

    private final NumberFormat money;
    private final DateTimeFormatter date;

    NoticeFormats(Account account) {
        this(account.locale(), account.currency());
    }

    NoticeFormats(Locale locale, Currency currency) {
        money = NumberFormat.getCurrencyInstance(locale);
        money.setCurrency(currency);
        money.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        money.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }

    String money(BigDecimal amount) {
        return money.format(amount);
    }

    String date(LocalDate day) {
        return date.format(day);
    }

    /**
     * A value a process passes for a notice, as a template gets it: amounts as money, dates as
     * dates, strings and whole numbers as they are, a list of maps with each of its values
     * formatted the same way. Anything else (a {@code double}, an entity) is refused.
     */
    Object fact(String name, Object value) {
        if (value instanceof BigDecimal amount) {
            return money(amount);
        }
        if (value instanceof LocalDate day) {
            return date(day);
        }
        if (value instanceof String || value instanceof Integer || value instanceof Long) {
            return value;
        }
        if (value instanceof List<?> rows) {
            return rows.stream().map(row -> row instanceof Map<?, ?> map ? facts(name, map)
                    : refuse(name, row)).toList();
        }
        return refuse(name, value);
    }

    Map<String, Object> facts(String name, Map<?, ?> values) {
        Map<String, Object> formatted = new LinkedHashMap<>();
        values.forEach((key, value) -> formatted.put(String.valueOf(key), fact(name + "." + key, value)));
        return formatted;
    }

    private static Object refuse(String name, Object value) {
        throw new IllegalArgumentException("Fact '" + name + "' cannot go into a notice: "
                + (value == null ? "it is null" : value.getClass().getSimpleName() + " is not a supported type"));
    }
}
