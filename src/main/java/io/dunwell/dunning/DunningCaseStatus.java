package io.dunwell.dunning;

/** An account has at most one ACTIVE case; it ends SETTLED when paid, CLOSED for any other reason. */
public enum DunningCaseStatus {
    ACTIVE, SETTLED, CLOSED
}
