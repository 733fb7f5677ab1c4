package io.dunwell.account;

import java.util.ArrayList;
import java.util.List;

/** The channels a customer asked not to be contacted on; a bulk message respects them unless told to override. */
public record ContactPreferences(boolean doNotEmail, boolean doNotSms, boolean doNotCall) {

    public static final ContactPreferences NONE = new ContactPreferences(false, false, false);

    public String describe() {
        List<String> out = new ArrayList<>();
        if (doNotEmail) {
            out.add("no email");
        }
        if (doNotSms) {
            out.add("no SMS");
        }
        if (doNotCall) {
            out.add("no calls");
        }
        return out.isEmpty() ? "any channel" : String.join(", ", out);
    }
}
