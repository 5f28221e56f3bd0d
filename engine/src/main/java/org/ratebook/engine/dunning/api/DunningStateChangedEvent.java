package org.ratebook.engine.dunning.api;

import org.axonframework.serialization.Revision;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.invoicing.api.PackRef;
import org.ratebook.engine.invoicing.api.RuleFiring;
import org.ratebook.rules.fact.DunningAction;
import org.ratebook.rules.fact.DunningState;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.List;

/**
 * The account's standing changed on {@code on}: its state (possibly the same state with other actions, after a
 * new pack), the actions that now hold, the figures and rules that decided it, the pack and the full trace.
 */
@Revision("1")
public record DunningStateChangedEvent(TenantId tenantId, DunningId dunningId, AccountId accountId,
                                       DunningState from, DunningState to, List<DunningAction> actions,
                                       LocalDate on, String trigger, StandingFigures figures, List<String> rules,
                                       PackRef pack, List<RuleFiring> trace) {
    public DunningStateChangedEvent {
        actions = List.copyOf(actions);
        rules = List.copyOf(rules);
        trace = List.copyOf(trace);
    }
}
