package org.ratebook.rules.decision;

import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.rules.fact.PlanChange;

/**
 * What change-policy rules may decide (DRL {@code global ChangeOutput change;}): when a change someone asked for
 * without naming a date takes effect. A later decision replaces an earlier one.
 */
public final class ChangeOutput {

    private final RuleFiring firing;
    private ChangeTiming timing;
    private String rule;

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

    ChangeTiming timing() {
        return timing;
    }

    String rule() {
        return rule;
    }
}
