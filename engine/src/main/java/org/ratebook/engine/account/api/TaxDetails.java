package org.ratebook.engine.account.api;

/**
 * How an account is taxed besides its country and tax id: its {@code region} (a US state, a Canadian province),
 * whether it buys as a business, whether the tenant found its tax id valid ({@code taxIdValid}: Ratebook has no
 * network, so the tenant checks the id, e.g. with the EU's VIES, and says so; Ratebook checks its format), and
 * whether it is exempt from tax, with the reason every invoice must print.
 */
public record TaxDetails(String region, boolean business, boolean taxIdValid, boolean taxExempt,
                         String exemptionReason) {

    /** A consumer with no tax details. */
    public static final TaxDetails NONE = new TaxDetails(null, false, false, false, null);
}
