package org.ratebook.engine.dunning.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.invoicing.api.PackRef;
import org.ratebook.engine.invoicing.api.RuleFiring;
import org.ratebook.rules.fact.DunningAction;
import org.ratebook.rules.fact.DunningState;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.List;

/**
 * The suspension rules decided {@code state} and {@code actions} for the account on {@code asOf}, from
 * {@code figures} and its state {@code basedOn}. The aggregate records a change, or nothing if the account
 * already stands there; a decision based on a state the account has since left is refused as stale.
 * {@code trigger} says what asked: a payment, a refund, a void, the daily run or a test clock.
 */
public record EvaluateStandingCommand(TenantId tenantId, @TargetAggregateIdentifier DunningId dunningId,
                                      AccountId accountId, LocalDate asOf, String trigger, DunningState basedOn,
                                      DunningState state, List<DunningAction> actions, List<String> rules,
                                      StandingFigures figures, PackRef pack, List<RuleFiring> trace) {
    public EvaluateStandingCommand {
        actions = List.copyOf(actions);
        rules = List.copyOf(rules);
        trace = List.copyOf(trace);
    }
}
