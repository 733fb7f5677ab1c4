package io.dunwell.account;

/** The built-in collection statuses; an account starts in good standing. */
public final class CollectionStatus {

    public static final String GOOD_STANDING = "GOOD_STANDING";
    public static final String IN_COLLECTIONS = "IN_COLLECTIONS";
    public static final String PROMISE_TO_PAY = "PROMISE_TO_PAY";
    public static final String DISPUTED = "DISPUTED";
    public static final String ESCALATED = "ESCALATED";
    public static final String WITH_AGENCY = "WITH_AGENCY";
    public static final String WRITTEN_OFF = "WRITTEN_OFF";

    private CollectionStatus() {
    }
}
