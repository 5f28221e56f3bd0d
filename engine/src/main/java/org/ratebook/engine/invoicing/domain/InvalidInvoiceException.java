package org.ratebook.engine.invoicing.domain;

import org.ratebook.engine.BillingRejection;

public class InvalidInvoiceException extends BillingRejection {
    public InvalidInvoiceException(String message) {
        super(message);
    }
}
