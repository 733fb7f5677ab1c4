package io.dunwell.account;

import java.util.List;

/** Where the account's collection paperwork stands (CRO-style "collection stage"). */
public final class CollectionStage {

    public static final String NOT_SET = "NOT_SET";
    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final List<String> ALL = List.of(NOT_SET, PENDING, SENT);

    private CollectionStage() {
    }
}
