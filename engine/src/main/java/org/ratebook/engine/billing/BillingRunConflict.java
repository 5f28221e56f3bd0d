package org.ratebook.engine.billing;

/** A control step that the run's state does not allow (cancelling a finished run, resuming one that is finished). */
public class BillingRunConflict extends RuntimeException {
    public BillingRunConflict(String message) {
        super(message);
    }
}
