package org.ratebook.rules.fact;

/** What a dunning state makes happen; the suspension rules decide which actions go with which state. */
public enum DunningAction {
    /** tell the customer what is overdue (a reminder, or in a later state a warning) */
    SEND_REMINDER,
    /** refuse plan changes until the account is back in good standing */
    BLOCK_PLAN_CHANGES,
    /** provisioning systems suspend the service (they are told by {@code AccountSuspendedEvent}) */
    SUSPEND_SERVICE,
    /** the billing run issues no invoices for the account while this holds; it catches up afterwards */
    PAUSE_BILLING,
    /** the account is terminated (provisioning and the subscription lifecycle act on it) */
    TERMINATE,
    /**
     * the account's subscriptions are cancelled at once, with the reason "terminated for non-payment"; unused
     * time already billed is given back as any immediate cancellation gives it back
     */
    END_SUBSCRIPTIONS
}
