package org.ratebook.engine.payment;

import org.ratebook.engine.BillingRejection;

/** The gateway declined to collect; nothing was recorded on the invoice. */
public class PaymentDeclinedException extends BillingRejection {
    public PaymentDeclinedException(String message) {
        super(message);
    }
}
