package org.ratebook.rules.fact;

/**
 * Where an account stands on its unpaid invoices, decided by the suspension rules. The order of the constants
 * is their severity: when several rules match, the most severe state they decide is the account's state.
 */
public enum DunningState {
    GOOD,
    REMINDED,
    WARNED,
    SUSPENDED,
    TERMINATED;

    public boolean isMoreSevereThan(DunningState other) {
        return compareTo(other) > 0;
    }
}
