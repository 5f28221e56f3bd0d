package org.ratebook.rules.fact;

/** What a requested change of a subscription does, as the change policy rules see it. */
public enum ChangeKind {
    /** to a plan that costs more per month */
    UPGRADE,
    /** to a plan that costs less per month */
    DOWNGRADE,
    /** to another plan at the same monthly price */
    LATERAL,
    /** more seats, devices or users */
    QUANTITY_UP,
    /** fewer seats, devices or users */
    QUANTITY_DOWN,
    /** the end of the subscription */
    CANCEL
}
