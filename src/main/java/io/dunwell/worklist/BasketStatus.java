package io.dunwell.worklist;

/** A basket waits for its session, is being worked in one, or was worked through. */
public enum BasketStatus {
    PENDING, IN_SESSION, DONE
}
