package org.ratebook.tenants;

/**
 * A tenant's invoicing settings: the prefix and format of invoice numbers (validated by the engine when
 * numbering), the payment terms in days (net 14 = due 14 days after the invoice is issued), and how many hours
 * the seller reviews invoices as drafts before they are finalized ({@code null}: finalized when billed), and
 * whether invoice numbers run per tenant or per customer ({@code numberingScope}; null reads as TENANT).
 */
public record BillingSettings(String invoicePrefix, String invoiceNumberFormat, int paymentTermsDays,
                              Integer draftReviewHours, NumberingScope numberingScope) {
    public BillingSettings {
        numberingScope = numberingScope == null ? NumberingScope.TENANT : numberingScope;
        if (numberingScope == NumberingScope.CUSTOMER
                && (invoiceNumberFormat == null || !invoiceNumberFormat.contains("{customer"))) {
            throw new IllegalArgumentException("numbering per customer needs the customer's number in the format "
                    + "({customer} or {customer:N}), or two customers' invoices would have the same number");
        }
        if (paymentTermsDays < 0 || paymentTermsDays > 365) {
            throw new IllegalArgumentException("payment terms must be 0 to 365 days, were " + paymentTermsDays);
        }
        if (draftReviewHours != null && (draftReviewHours < 1 || draftReviewHours > 8760)) {
            throw new IllegalArgumentException("drafts are reviewed for 1 to 8760 hours, not " + draftReviewHours);
        }
    }

    public BillingSettings(String invoicePrefix, String invoiceNumberFormat, int paymentTermsDays,
                           Integer draftReviewHours) {
        this(invoicePrefix, invoiceNumberFormat, paymentTermsDays, draftReviewHours, null);
    }

    public BillingSettings(String invoicePrefix, String invoiceNumberFormat, int paymentTermsDays) {
        this(invoicePrefix, invoiceNumberFormat, paymentTermsDays, null, null);
    }

    /** Whether the billing run issues drafts for review rather than finalized invoices. */
    public boolean reviewsDrafts() {
        return draftReviewHours != null;
    }
}
