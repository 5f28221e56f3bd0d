package org.ratebook.rules.fact;

/**
 * The customer being invoiced, as the rules see it: where it is taxed ({@code country}, and {@code region} for
 * a state or province), whether it buys as a business, its tax id and whether the tenant found that id valid
 * (Ratebook has no network: the tenant checks the id, e.g. with VIES, and says so; Ratebook checks its
 * format), and whether it is exempt from tax, with the reason printed on the invoice. {@code segment} is the
 * customer segment the tenant put it in ({@code education}, {@code enterprise}, …; null: none), which pricing
 * rules may use to choose a price list.
 */
public record BillingAccount(String accountId, String currency, String country, String region, boolean business,
                             String taxId, boolean taxIdValid, boolean taxExempt, String exemptionReason,
                             String segment) {

    /** A customer in no segment. */
    public BillingAccount(String accountId, String currency, String country, String region, boolean business,
                          String taxId, boolean taxIdValid, boolean taxExempt, String exemptionReason) {
        this(accountId, currency, country, region, business, taxId, taxIdValid, taxExempt, exemptionReason, null);
    }

    /** A consumer with no tax details beyond its country. */
    public BillingAccount(String accountId, String currency, String country) {
        this(accountId, currency, country, null, false, null, false, false, null, null);
    }
}
