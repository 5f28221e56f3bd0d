package org.ratebook.rules.decision;

import org.ratebook.rules.fact.DunningAction;
import org.ratebook.rules.fact.DunningState;

import java.util.List;

/**
 * The suspension rules' answer for one account: its state, the actions that go with it (in a fixed order),
 * the names of the rules that decided that state (empty when no rule matched: good standing), and the trace
 * of every rule fired.
 */
public record StandingDecision(DunningState state, List<DunningAction> actions, List<String> rules,
                               DecisionTrace trace) {
    public StandingDecision {
        actions = List.copyOf(actions);
        rules = List.copyOf(rules);
    }

    public boolean has(DunningAction action) {
        return actions.contains(action);
    }
}
