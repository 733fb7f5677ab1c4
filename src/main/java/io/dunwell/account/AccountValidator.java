package io.dunwell.account;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.dunwell.system.BadRequestException;
import io.dunwell.system.BadRequestException.FieldError;
import io.dunwell.system.Money;

/** All the rules for account details in one place, shared by the API and the CSV import. */
final class AccountValidator {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Pattern EXTERNAL_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,100}$");

    private AccountValidator() {
    }

    static void validate(String externalId, AccountDetails details) {
        List<FieldError> errors = new ArrayList<>();
        if (externalId == null || !EXTERNAL_ID.matcher(externalId).matches()) {
            errors.add(new FieldError("externalId", "must be 1 to 100 letters, digits or . _ : -"));
        }
        requireText(errors, "name", details.name(), 200);
        if (details.email() != null && !details.email().isBlank()
                && (details.email().length() > 320 || !EMAIL.matcher(details.email()).matches())) {
            errors.add(new FieldError("email", "is not an email address"));
        }
        if (details.phone() != null && details.phone().length() > 50) {
            errors.add(new FieldError("phone", "must be at most 50 characters"));
        }
        if (details.segment() != null && details.segment().length() > 50) {
            errors.add(new FieldError("segment", "must be at most 50 characters"));
        }
        checkLocale(errors, details.locale());
        checkTimeZone(errors, details.timeZone());
        try {
            Money.currency(details.currency());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("currency", e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
    }

    private static void requireText(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static void checkLocale(List<FieldError> errors, String locale) {
        if (locale == null || locale.isBlank()) {
            errors.add(new FieldError("locale", "is required, e.g. en-US or de-DE"));
            return;
        }
        if (locale.length() > 35) {
            errors.add(new FieldError("locale", "must be at most 35 characters, e.g. en-US or de-DE"));
            return;
        }
        try {
            Locale parsed = new Locale.Builder().setLanguageTag(locale).build();
            if (parsed.getLanguage().isEmpty()) {
                errors.add(new FieldError("locale", "'" + locale + "' names no language, e.g. en-US or de-DE"));
            } else if (!isIsoLanguage(parsed.getLanguage())) {
                errors.add(new FieldError("locale", "'" + locale + "' does not start with an ISO 639 language code, e.g. en-US or de-DE"));
            }
        } catch (IllformedLocaleException e) {
            errors.add(new FieldError("locale", "'" + locale + "' is not a BCP 47 language tag, e.g. en-US or de-DE"));
        }
    }

    /**
     * BCP 47's grammar alone takes "true" as a language. A real one is a two-letter ISO 639-1 code,
     * or a three-letter ISO 639-2/3 code that the JDK's locale data can name (fil, haw, yue).
     */
    private static boolean isIsoLanguage(String language) {
        if (language.length() == 2) {
            return ISO_LANGUAGES.contains(language);
        }
        return language.length() == 3 && !Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH).equals(language);
    }

    private static void checkTimeZone(List<FieldError> errors, String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            errors.add(new FieldError("timeZone", "is required, e.g. Europe/Berlin"));
            return;
        }
        if (timeZone.length() > 64) {
            errors.add(new FieldError("timeZone", "must be at most 64 characters, e.g. Europe/Berlin"));
            return;
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            errors.add(new FieldError("timeZone", "'" + timeZone + "' is not a time zone id, e.g. Europe/Berlin"));
        }
    }
}
