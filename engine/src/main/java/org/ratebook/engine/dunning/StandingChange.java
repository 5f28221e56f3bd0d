package org.ratebook.engine.dunning;

import org.ratebook.rules.fact.DunningAction;
import org.ratebook.rules.fact.DunningState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One change of an account's standing, as the account's dunning history lists it. */
public record StandingChange(LocalDate on, DunningState from, DunningState to, List<DunningAction> actions,
                             List<String> rules, String packName, int packVersion, String trigger, int daysPastDue,
                             BigDecimal unpaidBalance, int unpaidInvoices) {
    public StandingChange {
        actions = List.copyOf(actions);
        rules = List.copyOf(rules);
    }
}
