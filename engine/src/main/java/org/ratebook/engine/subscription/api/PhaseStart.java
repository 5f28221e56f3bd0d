package org.ratebook.engine.subscription.api;

import org.ratebook.rules.fact.ProrationBehaviour;

import java.time.LocalDate;

/**
 * From {@code from} on, the subscription is in {@code phase} of {@code plan} with {@code quantity} units; a null
 * phase means nothing is billed from then on (paused or ended). Subscriptions created before plan changes
 * existed stored only phase and date: their plan and quantity are the subscription's own ({@link #or}).
 * {@code priceList} (added later, null in older events) is the price list a plan change named for the entries it
 * put in place; null: the subscription's own list (named on create), or the pricing rules choose.
 * {@code proration} (added later, null in older events and on entries no change put in place) is what the plan or
 * quantity change that starts this entry does with the proration of the period it falls in; null: invoiced at
 * once ({@link ProrationBehaviour#ALWAYS_INVOICE}), as every change before it existed.
 */
public record PhaseStart(String phase, LocalDate from, String plan, Integer quantity, String priceList,
                         ProrationBehaviour proration) {

    public PhaseStart(String phase, LocalDate from, String plan, Integer quantity, String priceList) {
        this(phase, from, plan, quantity, priceList, null);
    }

    public PhaseStart(String phase, LocalDate from, String plan, Integer quantity) {
        this(phase, from, plan, quantity, null, null);
    }

    public PhaseStart(String phase, LocalDate from) {
        this(phase, from, null, null, null, null);
    }

    public static PhaseStart stopped(LocalDate from) {
        return new PhaseStart(null, from, null, null, null, null);
    }

    /** This entry bought from {@code list} (null: as the subscription says). */
    public PhaseStart withPriceList(String list) {
        return bills() ? new PhaseStart(phase, from, plan, quantity, list, proration) : this;
    }

    /** This entry as put in place by a change with {@code behaviour} (null: invoiced at once). */
    public PhaseStart withProration(ProrationBehaviour behaviour) {
        return bills() ? new PhaseStart(phase, from, plan, quantity, priceList, behaviour) : this;
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
                quantity == null ? defaultQuantity : quantity, priceList, proration);
    }

    /** This entry's plan from {@code day} on; the proration belongs to the change that made the entry, not kept. */
    public PhaseStart startingOn(LocalDate day) {
        return new PhaseStart(phase, day, plan, quantity, priceList, day.equals(from) ? proration : null);
    }

    public PhaseStart withQuantity(int newQuantity) {
        return bills() ? new PhaseStart(phase, from, plan, newQuantity, priceList, proration) : this;
    }
}
