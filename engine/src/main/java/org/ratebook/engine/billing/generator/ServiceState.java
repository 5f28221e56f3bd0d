package org.ratebook.engine.billing.generator;

import org.ratebook.rules.fact.BillingMode;
import org.ratebook.rules.fact.BillingPeriod;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a subscription bills from {@code from} on, until the next state: a plan phase with a quantity, or
 * nothing (paused, cancelled). A phase with a recurring price is billed per period along the billing cycle;
 * a phase without one (a trial, a fixed-term setup) is one fixed item for its whole span.
 */
public record ServiceState(LocalDate from, String plan, String phase, int quantity, boolean recurring,
                           BillingPeriod period, BillingMode mode) {

    public ServiceState {
        Objects.requireNonNull(from, "from");
        if (plan != null && (quantity <= 0 || period == null || mode == null)) {
            throw new IllegalArgumentException("a billed state needs a quantity, a period and a mode");
        }
    }

    public static ServiceState billing(LocalDate from, String plan, String phase, int quantity, boolean recurring,
                                       BillingPeriod period, BillingMode mode) {
        return new ServiceState(from, plan, phase, quantity, recurring, period, mode);
    }

    /** Nothing is billed from {@code from} on (until a later state resumes). */
    public static ServiceState stopped(LocalDate from) {
        return new ServiceState(from, null, null, 0, false, null, null);
    }

    public boolean bills() {
        return plan != null;
    }

    ItemKey key() {
        return new ItemKey(plan, phase, quantity, recurring ? ItemKind.RECURRING : ItemKind.FIXED);
    }
}
