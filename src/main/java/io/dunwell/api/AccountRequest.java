package io.dunwell.api;

import io.dunwell.account.AccountDetails;
import io.dunwell.account.ContactPreferences;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "An account as the billing system knows it")
record AccountRequest(
        @Schema(example = "ACME GmbH") String name,
        @Schema(example = "ap@acme.example") String email,
        @Schema(example = "+49 30 1234567") String phone,
        @Schema(description = "BCP 47 language tag: the language of the customer's notices", example = "de-DE") String locale,
        @Schema(description = "IANA time zone: due dates are counted in it", example = "Europe/Berlin") String timeZone,
        @Schema(description = "ISO 4217 code; invoices and payments must be in it", example = "EUR") String currency,
        @Schema(example = "enterprise") String segment,
        @Schema(description = "Channels the customer opted out of (bulk messages skip them unless overridden); absent leaves them as they are")
        ContactPreferencesRequest contactPreferences) {

    record ContactPreferencesRequest(Boolean doNotEmail, Boolean doNotSms, Boolean doNotCall) {

        ContactPreferences over(ContactPreferences current) {
            return new ContactPreferences(doNotEmail == null ? current.doNotEmail() : doNotEmail,
                    doNotSms == null ? current.doNotSms() : doNotSms, doNotCall == null ? current.doNotCall() : doNotCall);
        }
    }

    AccountDetails details() {
        return new AccountDetails(name, email, phone, locale, timeZone, currency, segment);
    }
}
