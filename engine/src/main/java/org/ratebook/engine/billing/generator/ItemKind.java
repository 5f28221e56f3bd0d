package org.ratebook.engine.billing.generator;

/** Kinds of items the generator deals in (a subset of the invoice item types of the glossary). */
public enum ItemKind {
    /** a period's recurring price, possibly prorated */
    RECURRING,
    /** a one-time amount for a phase (a trial's $0, a setup fee) */
    FIXED,
    /** billed time no longer owed (negative); becomes account credit */
    REPAIR
}
