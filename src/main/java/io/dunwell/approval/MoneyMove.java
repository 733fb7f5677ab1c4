package io.dunwell.approval;

/**
 * A kind of money move and the decision table that sets its limits. The table's inputs are
 * {@code requesterRole}, {@code <prefix>Currency}, {@code <prefix>Value} (the largest amount on one
 * account) and {@code <prefix>Total} (all accounts of one run in that currency), amounts as plain
 * decimal strings for FEEL's {@code number()}; its output {@code approverGroup} is null within the
 * requester's own limits.
 */
public enum MoneyMove {

    WRITE_OFF("WriteOffApproval", "writeOff"),
    FEES("FeeApproval", "fee");

    private final String decisionKey;
    private final String prefix;

    MoneyMove(String decisionKey, String prefix) {
        this.decisionKey = decisionKey;
        this.prefix = prefix;
    }

    public String decisionKey() {
        return decisionKey;
    }

    public String currencyVariable() {
        return prefix + "Currency";
    }

    public String valueVariable() {
        return prefix + "Value";
    }

    public String totalVariable() {
        return prefix + "Total";
    }
}
