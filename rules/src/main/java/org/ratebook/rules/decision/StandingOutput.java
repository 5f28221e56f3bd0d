package org.ratebook.rules.decision;

import org.ratebook.rules.fact.DunningAction;
import org.ratebook.rules.fact.DunningState;
import org.ratebook.rules.fact.DunningThreshold;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What suspension (dunning) rules may decide (DRL {@code global StandingOutput standing;}): a state and its
 * actions per matching rule. The most severe state any rule decided wins, with the actions of the rules that
 * decided it; GOOD when none did.
 */
public final class StandingOutput {

    /** One state decided by the suspension rules, with the actions and the rules that decided it. */
    private record Standing(Set<DunningAction> actions, List<String> rules) {
    }

    private final RuleFiring firing;
    private final Map<DunningState, Standing> standings = new EnumMap<>(DunningState.class);

    StandingOutput(RuleFiring firing) {
        this.firing = firing;
    }

    /** The account is in {@code state}, with no action of its own. */
    public void becomes(DunningState state) {
        decide(state, EnumSet.noneOf(DunningAction.class));
    }

    /** The account is in {@code state}, which makes {@code action} happen. */
    public void becomes(DunningState state, DunningAction action) {
        decide(state, EnumSet.of(action));
    }

    public void becomes(DunningState state, DunningAction first, DunningAction second) {
        decide(state, EnumSet.of(first, second));
    }

    public void becomes(DunningState state, DunningAction first, DunningAction second, DunningAction third) {
        decide(state, EnumSet.of(first, second, third));
    }

    public void becomes(DunningState state, DunningAction first, DunningAction second, DunningAction third,
                        DunningAction fourth) {
        decide(state, EnumSet.of(first, second, third, fourth));
    }

    /** The account has reached a row of the pack's dunning thresholds table: its state, with its actions. */
    public void thresholdReached(DunningThreshold threshold) {
        if (threshold == null) {
            throw firing.mistake("decided a standing without a threshold");
        }
        decide(threshold.state(), threshold.actions().isEmpty() ? EnumSet.noneOf(DunningAction.class)
                : EnumSet.copyOf(threshold.actions()));
    }

    private void decide(DunningState state, Set<DunningAction> actions) {
        if (state == null || actions.contains(null)) {
            throw firing.mistake("decided a standing without a state or action");
        }
        if (state == DunningState.GOOD && !actions.isEmpty()) {
            throw firing.mistake("gave good standing the actions " + actions + "; good standing has none");
        }
        Standing decided = standings.computeIfAbsent(state,
                s -> new Standing(EnumSet.noneOf(DunningAction.class), new ArrayList<>()));
        decided.actions().addAll(actions);
        String rule = firing.rule();
        if (rule != null && !decided.rules().contains(rule)) {
            decided.rules().add(rule);
        }
    }

    StandingDecision decision(DecisionTrace trace) {
        return standings.keySet().stream().max(Enum::compareTo)
                .map(state -> new StandingDecision(state, List.copyOf(standings.get(state).actions()),
                        standings.get(state).rules(), trace))
                .orElseGet(() -> new StandingDecision(DunningState.GOOD, List.of(), List.of(), trace));
    }
}
