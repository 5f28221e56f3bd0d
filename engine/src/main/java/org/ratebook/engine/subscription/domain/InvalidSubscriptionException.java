package org.ratebook.engine.subscription.domain;

import org.ratebook.engine.BillingRejection;

/** A subscription command the catalog or the account does not allow; the message says why. */
public class InvalidSubscriptionException extends BillingRejection {
    public InvalidSubscriptionException(String message) {
        super(message);
    }
}
