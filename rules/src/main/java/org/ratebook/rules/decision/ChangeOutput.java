package org.ratebook.rules.decision;

import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.rules.fact.PlanChange;
import org.ratebook.rules.fact.ProrationBehaviour;

/**
 * What change-policy rules may decide (DRL {@code global ChangeOutput change;}): when a change someone asked for
 * without naming a date takes effect, and what a change does with its proration unless the request says
 * (Stripe's {@code proration_behavior}). A later decision replaces an earlier one.
 */
public final class ChangeOutput {

    private final RuleFiring firing;
    private ChangeTiming timing;
    private String rule;
    private ProrationBehaviour proration;
    private String prorationRule;

    ChangeOutput(RuleFiring firing) {
        this.firing = firing;
    }

    /** When the requested change takes effect. */
    public void takeEffect(PlanChange change, ChangeTiming when) {
        if (change == null || when == null) {
            throw firing.mistake("timed a change without saying which or when");
        }
        timing = when;
        rule = firing.rule();
    }

    /** What the change does with the proration of the period it falls in: invoice it now, carry it, or none. */
    public void prorate(PlanChange change, ProrationBehaviour behaviour) {
        if (change == null || behaviour == null) {
            throw firing.mistake("chose a proration behaviour without saying for which change or which behaviour");
        }
        proration = behaviour;
        prorationRule = firing.rule();
    }

    ChangeTiming timing() {
        return timing;
    }

    String rule() {
        return rule;
    }

    ProrationBehaviour proration() {
        return proration;
    }

    String prorationRule() {
        return prorationRule;
    }
}
