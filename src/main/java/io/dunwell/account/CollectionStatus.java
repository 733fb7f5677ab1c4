package io.dunwell.account;

import java.util.List;

/** The built-in collection statuses; an account starts in good standing. Admins may add their own (settings). */
public final class CollectionStatus {

    public static final String GOOD_STANDING = "GOOD_STANDING";
    public static final String IN_COLLECTIONS = "IN_COLLECTIONS";
    public static final String PROMISE_TO_PAY = "PROMISE_TO_PAY";
    public static final String DISPUTED = "DISPUTED";
    public static final String ESCALATED = "ESCALATED";
    public static final String WITH_AGENCY = "WITH_AGENCY";
    public static final String WRITTEN_OFF = "WRITTEN_OFF";

    public static final List<String> BUILT_IN = List.of(GOOD_STANDING, IN_COLLECTIONS, PROMISE_TO_PAY, DISPUTED,
            ESCALATED, WITH_AGENCY, WRITTEN_OFF);

    private CollectionStatus() {
    }
}
