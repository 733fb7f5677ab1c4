package io.dunwell.dunning;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import io.dunwell.account.Account;
import io.dunwell.system.Money;

/**
 * Amounts and dates as the account's people read them, for the display strings of Tasklist forms.
 * An amount names its currency by code ("1.234,56 EUR"), never a symbol that several currencies share.
 */
final class AccountFormats {

    private AccountFormats() {
    }

    static String money(BigDecimal amount, Account account) {
        return Money.format(amount, account.currency(), account.locale()) + " " + account.getCurrency();
    }

    static String date(LocalDate date, Account account) {
        return date == null ? null : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(account.locale()).format(date);
    }

    static String date(Instant instant, Account account) {
        return instant == null ? null : date(LocalDate.ofInstant(instant, account.zone()), account);
    }
}
