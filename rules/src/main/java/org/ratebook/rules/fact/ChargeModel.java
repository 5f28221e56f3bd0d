package org.ratebook.rules.fact;

/**
 * How a period's usage quantity becomes money (the glossary's charge models). Tiered models read their tiers
 * from the pack's {@code usage_tiers} table; the others need only their charge row.
 */
public enum ChargeModel {
    /** every billable unit at the unit price */
    PER_UNIT,
    /** each unit at the price of the tier it falls in, plus the flat fee of every tier reached */
    GRADUATED,
    /** every unit at the price of the one tier the whole quantity falls in, plus that tier's flat fee */
    VOLUME,
    /** the unit price per package of {@code package size} units, every started package counted */
    PACKAGE,
    /** a percentage of the amounts (e.g. payments), plus a fixed fee, a minimum and a maximum per transaction */
    PERCENTAGE,
    /** each part of the amount at the percentage of the tier it falls in, plus the flat fee of every tier reached */
    GRADUATED_PERCENTAGE,
    /** the price (flat fee) of the tier the highest unit needs, whatever the quantity inside it */
    CAPACITY,
    /** a cost passed on to the customer with a markup in percent (cloud cost + 15 %) */
    PASS_THROUGH;

    /** Whether the model prices through the pack's tier table. */
    public boolean tiered() {
        return this == GRADUATED || this == VOLUME || this == GRADUATED_PERCENTAGE || this == CAPACITY;
    }
}
