package org.ratebook.tenants;

/**
 * A tenant's invoicing settings: the prefix and format of invoice numbers (validated by the engine when
 * numbering) and the payment terms in days (net 14 = due 14 days after the invoice date).
 */
public record BillingSettings(String invoicePrefix, String invoiceNumberFormat, int paymentTermsDays) {
    public BillingSettings {
        if (paymentTermsDays < 0 || paymentTermsDays > 365) {
            throw new IllegalArgumentException("payment terms must be 0 to 365 days, were " + paymentTermsDays);
        }
    }
}
