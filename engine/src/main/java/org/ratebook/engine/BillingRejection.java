package org.ratebook.engine;

/**
 * A command the business rules refuse (unknown plan, bad currency, …). Nothing is stored; the message is
 * meant for the caller and is shown as is in API problems and the console.
 */
public class BillingRejection extends RuntimeException {
    public BillingRejection(String message) {
        super(message);
    }
}
