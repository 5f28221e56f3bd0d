package org.ratebook.engine.dunning.api;

import org.axonframework.serialization.Revision;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.invoicing.api.PackRef;
import org.ratebook.rules.fact.DunningState;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.List;

/**
 * Provisioning systems give the account its service back from {@code on}: it left a suspended or terminated
 * state for {@code to} (good standing once everything is paid). {@code rules} are those that decided the new
 * state, empty when it is good standing because no suspension rule matched any more.
 */
@Revision("1")
public record AccountReinstatedEvent(TenantId tenantId, AccountId accountId, DunningState from, DunningState to,
                                     LocalDate on, StandingFigures figures, List<String> rules, PackRef pack) {
    public AccountReinstatedEvent {
        rules = List.copyOf(rules);
    }
}
