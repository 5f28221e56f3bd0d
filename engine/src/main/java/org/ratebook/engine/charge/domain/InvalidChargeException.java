package org.ratebook.engine.charge.domain;

import org.ratebook.engine.BillingRejection;

/** A one-off charge that cannot be entered, with the reason. */
public class InvalidChargeException extends BillingRejection {
    public InvalidChargeException(String message) {
        super(message);
    }
}
