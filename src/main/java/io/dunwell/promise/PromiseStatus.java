package io.dunwell.promise;

/** Where a promise or one of its installments stands; OPEN until its check date has passed and it was checked. */
public enum PromiseStatus {
    OPEN, KEPT, BROKEN
}
