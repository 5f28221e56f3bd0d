package org.ratebook.engine.invoicing.api;

/**
 * The kinds of invoice item (the glossary's "invoice item types"). Lines still store the name
 * ({@link InvoiceLine#itemType()}); code compares with these constants, never with a string of its own.
 */
public enum ItemType {
    /** a phase billed once for its whole span (a trial, a fixed-term setup) */
    FIXED,
    /** a span of a plan billed every period */
    RECURRING,
    /** metered usage of a usage period */
    USAGE,
    /** negative: billed time no longer owed given back */
    REPAIR,
    /** account credit created (positive) or used (negative) */
    CREDIT,
    /** the difference after a billed usage period was rated again (late or corrected usage) */
    ADJUSTMENT,
    /** tax as a line of its own */
    TAX,
    /** a discount on a charge (names the line it discounts) */
    DISCOUNT,
    /** a usage commitment's shortfall */
    TRUE_UP,
    /** a one-off charge */
    ONE_OFF;

    /** Whether {@code line} is of this type. */
    public boolean of(InvoiceLine line) {
        return name().equals(line.itemType());
    }
}
