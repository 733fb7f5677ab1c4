package io.dunwell.promise;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the customer is reminded of an installment and when it is checked.
 *
 * @param reminderDaysBefore the reminder goes out this many days before each installment's date
 * @param graceDays          an installment is checked this many days after its date, so a payment on the day has time to arrive
 * @param maxInstallments    the most installments an agent may agree to
 */
@ConfigurationProperties(prefix = "dunwell.promise")
public record PromisePolicy(@DefaultValue("3") int reminderDaysBefore,
                            @DefaultValue("2") int graceDays,
                            @DefaultValue("24") int maxInstallments) {

    public PromisePolicy {
        if (reminderDaysBefore < 0) {
            throw new IllegalArgumentException("dunwell.promise.reminder-days-before must not be negative");
        }
        if (graceDays < 0) {
            throw new IllegalArgumentException("dunwell.promise.grace-days must not be negative");
        }
        if (maxInstallments < 1) {
            throw new IllegalArgumentException("dunwell.promise.max-installments must be at least 1");
        }
    }
}
