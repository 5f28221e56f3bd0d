package org.ratebook.tenants;

/**
 * A tenant's invoicing settings: the prefix and format of invoice numbers (validated by the engine when
 * numbering), the payment terms in days (net 14 = due 14 days after the invoice is issued), and how many hours
 * the seller reviews invoices as drafts before they are finalized ({@code null}: finalized when billed).
 */
public record BillingSettings(String invoicePrefix, String invoiceNumberFormat, int paymentTermsDays,
                              Integer draftReviewHours) {
    public BillingSettings {
        if (paymentTermsDays < 0 || paymentTermsDays > 365) {
            throw new IllegalArgumentException("payment terms must be 0 to 365 days, were " + paymentTermsDays);
        }
        if (draftReviewHours != null && (draftReviewHours < 1 || draftReviewHours > 8760)) {
            throw new IllegalArgumentException("drafts are reviewed for 1 to 8760 hours, not " + draftReviewHours);
        }
    }

    public BillingSettings(String invoicePrefix, String invoiceNumberFormat, int paymentTermsDays) {
        this(invoicePrefix, invoiceNumberFormat, paymentTermsDays, null);
    }

    /** Whether the billing run issues drafts for review rather than finalized invoices. */
    public boolean reviewsDrafts() {
        return draftReviewHours != null;
    }
}
