package org.ratebook.engine.billing.generator;

import org.ratebook.rules.fact.BillingMode;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.fact.Cadence;
import org.ratebook.rules.fact.ProrationBehaviour;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a subscription bills from {@code from} on, until the next state: a plan phase with a quantity, or
 * nothing (paused, cancelled). A phase with a recurring price is billed per period along the billing cycle;
 * a phase without one (a trial, a fixed-term setup) is one fixed item for its whole span. {@code proration} is
 * what the change that started the state does with the proration of the period it falls in (null: invoiced at once).
 */
public record ServiceState(LocalDate from, String plan, String phase, int quantity, boolean recurring,
                           BillingPeriod period, BillingMode mode, int every, ProrationBehaviour proration) {

    public ServiceState {
        Objects.requireNonNull(from, "from");
        if (plan != null && (quantity <= 0 || period == null || mode == null)) {
            throw new IllegalArgumentException("a billed state needs a quantity, a period and a mode");
        }
        every = every <= 0 ? 1 : every;
    }

    public ServiceState(LocalDate from, String plan, String phase, int quantity, boolean recurring,
                        BillingPeriod period, BillingMode mode, int every) {
        this(from, plan, phase, quantity, recurring, period, mode, every, null);
    }

    /** This state as started by a change with {@code behaviour}. */
    public ServiceState withProration(ProrationBehaviour behaviour) {
        return new ServiceState(from, plan, phase, quantity, recurring, period, mode, every, behaviour);
    }

    /** This state from {@code day} on. */
    ServiceState startingOn(LocalDate day) {
        return new ServiceState(day, plan, phase, quantity, recurring, period, mode, every, proration);
    }

    /** A state billed every single period. */
    public ServiceState(LocalDate from, String plan, String phase, int quantity, boolean recurring,
                        BillingPeriod period, BillingMode mode) {
        this(from, plan, phase, quantity, recurring, period, mode, 1);
    }

    public static ServiceState billing(LocalDate from, String plan, String phase, int quantity, boolean recurring,
                                       BillingPeriod period, BillingMode mode) {
        return new ServiceState(from, plan, phase, quantity, recurring, period, mode, 1);
    }

    /** A state billed at {@code cadence} ("every 6 months"). */
    public static ServiceState billing(LocalDate from, String plan, String phase, int quantity, boolean recurring,
                                       Cadence cadence, BillingMode mode) {
        return new ServiceState(from, plan, phase, quantity, recurring, cadence.unit(), mode, cadence.every());
    }

    /** Nothing is billed from {@code from} on (until a later state resumes). */
    public static ServiceState stopped(LocalDate from) {
        return new ServiceState(from, null, null, 0, false, null, null, 1, null);
    }

    /** How often the state is billed, for a billed state. */
    public Cadence cadence() {
        return new Cadence(period, every);
    }

    public boolean bills() {
        return plan != null;
    }

    ItemKey key() {
        return new ItemKey(plan, phase, quantity, recurring ? ItemKind.RECURRING : ItemKind.FIXED);
    }
}
