package io.dunwell.account;

/** Where the account's collection paperwork stands (CRO-style "collection stage"). */
public final class CollectionStage {

    public static final String NOT_SET = "NOT_SET";
    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";

    private CollectionStage() {
    }
}
