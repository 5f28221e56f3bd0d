package org.ratebook.engine.dunning;

import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.dunning.api.StandingFigures;
import org.ratebook.engine.invoicing.api.PackRef;
import org.ratebook.engine.invoicing.api.RuleFiring;
import org.ratebook.rules.fact.DunningAction;
import org.ratebook.rules.fact.DunningState;

import java.time.LocalDate;
import java.util.List;

/**
 * Where an account stands and why: its state since {@code since} (null: it has always been in good standing),
 * the actions that hold, and the last decision that changed them: the day, what asked, the figures, the rules
 * and the pack, and the full trace.
 */
public record StandingView(AccountId accountId, DunningState state, LocalDate since, List<DunningAction> actions,
                           LocalDate changedOn, String trigger, StandingFigures figures, List<String> rules,
                           PackRef pack, List<RuleFiring> trace) {
    public StandingView {
        actions = List.copyOf(actions);
        rules = List.copyOf(rules);
        trace = List.copyOf(trace);
    }

    /** An account no suspension rule has ever moved. */
    public static StandingView alwaysGood(AccountId account) {
        return new StandingView(account, DunningState.GOOD, null, List.of(), null, null, null, List.of(), null,
                List.of());
    }

    public boolean has(DunningAction action) {
        return actions.contains(action);
    }
}
