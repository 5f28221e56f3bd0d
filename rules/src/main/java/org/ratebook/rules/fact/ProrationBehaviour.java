package org.ratebook.rules.fact;

/**
 * What an immediate change in the middle of a paid period does with the proration (Stripe's
 * {@code proration_behavior}): the new plan's share of the rest of the period and the unused time of the old one.
 */
public enum ProrationBehaviour {
    /** prorate, and invoice the proration on the day of the change (Ratebook's behaviour before; Kill Bill's) */
    ALWAYS_INVOICE,
    /** prorate, and carry the proration to the next invoice, the one of the next billing day (Stripe's default) */
    CREATE_PRORATIONS,
    /** no proration: the rest of the period paid stays as billed, the new price is billed from the next period */
    NONE
}
