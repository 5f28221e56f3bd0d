package org.ratebook.engine.subscription.domain;

import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.rules.fact.CatalogPlan;

import java.util.List;

/**
 * A subscription's own trial length (Stripe's and Lago's {@code trial_period_days}) laid over its plan's phases:
 * the plan's trial phase keeps its price and billing (a free trial is one item at 0.00 for its whole span) and
 * takes the subscription's length; 0 drops it, so service starts on the next phase at once. A plan without a
 * trial phase cannot be given one here: the pack prices phases, and a phase the catalog does not have has no price.
 */
final class Trials {

    static final String TRIAL = "trial";

    private Trials() {
    }

    /** The plan's phases with the trial {@code trialDays} long (null: as the plan says). */
    static List<CatalogPlan> phases(List<CatalogPlan> planPhases, Integer trialDays) {
        if (trialDays == null) {
            return planPhases;
        }
        if (trialDays < 0 || trialDays > CreateSubscriptionCommand.MAX_TRIAL_DAYS) {
            throw new InvalidSubscriptionException("a trial lasts from 0 to " + CreateSubscriptionCommand.MAX_TRIAL_DAYS
                    + " days, not " + trialDays);
        }
        boolean hasTrial = planPhases.stream().anyMatch(p -> TRIAL.equals(p.phase()));
        if (!hasTrial) {
            if (trialDays == 0) {
                return planPhases;
            }
            String plan = planPhases.isEmpty() ? "the plan" : "plan '" + planPhases.getFirst().code() + "'";
            throw new InvalidSubscriptionException(plan + " has no trial phase, so a trial of " + trialDays
                    + " days has no price; give the plan a trial phase in the catalog");
        }
        if (trialDays == 0) {
            return planPhases.stream().filter(p -> !TRIAL.equals(p.phase())).toList();
        }
        return planPhases.stream().map(p -> TRIAL.equals(p.phase()) ? lasting(p, trialDays) : p).toList();
    }

    private static CatalogPlan lasting(CatalogPlan p, int days) {
        return new CatalogPlan(p.code(), p.product(), p.currency(), p.price(), p.period(), p.mode(), p.phase(),
                days + " DAYS", p.priceList(), p.productType(), p.every());
    }
}
