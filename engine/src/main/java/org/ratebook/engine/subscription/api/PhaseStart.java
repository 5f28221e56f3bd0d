package org.ratebook.engine.subscription.api;

import java.time.LocalDate;

/**
 * From {@code from} on, the subscription is in {@code phase} of {@code plan} with {@code quantity} units; a null
 * phase means nothing is billed from then on (paused or ended). Subscriptions created before plan changes
 * existed stored only phase and date: their plan and quantity are the subscription's own ({@link #or}).
 * {@code priceList} (added later, null in older events) is the price list a plan change named for the entries it
 * put in place; null: the subscription's own list (named on create), or the pricing rules choose.
 */
public record PhaseStart(String phase, LocalDate from, String plan, Integer quantity, String priceList) {

    public PhaseStart(String phase, LocalDate from, String plan, Integer quantity) {
        this(phase, from, plan, quantity, null);
    }

    public PhaseStart(String phase, LocalDate from) {
        this(phase, from, null, null, null);
    }

    public static PhaseStart stopped(LocalDate from) {
        return new PhaseStart(null, from, null, null, null);
    }

    /** This entry bought from {@code list} (null: as the subscription says). */
    public PhaseStart withPriceList(String list) {
        return bills() ? new PhaseStart(phase, from, plan, quantity, list) : this;
    }

    public boolean bills() {
        return phase != null;
    }

    /** This entry with the subscription's plan and quantity filled in where it did not record its own. */
    public PhaseStart or(String defaultPlan, int defaultQuantity) {
        if (!bills()) {
            return this;
        }
        return new PhaseStart(phase, from, plan == null ? defaultPlan : plan,
                quantity == null ? defaultQuantity : quantity, priceList);
    }

    public PhaseStart startingOn(LocalDate day) {
        return new PhaseStart(phase, day, plan, quantity, priceList);
    }

    public PhaseStart withQuantity(int newQuantity) {
        return bills() ? new PhaseStart(phase, from, plan, newQuantity, priceList) : this;
    }
}
