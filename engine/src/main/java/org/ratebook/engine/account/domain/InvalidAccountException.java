package org.ratebook.engine.account.domain;

import org.ratebook.engine.BillingRejection;

/** An account command asks for something impossible; the message says what. */
public class InvalidAccountException extends BillingRejection {
    public InvalidAccountException(String message) {
        super(message);
    }
}
