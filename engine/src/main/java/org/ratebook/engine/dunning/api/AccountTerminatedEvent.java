package org.ratebook.engine.dunning.api;

import org.axonframework.serialization.Revision;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.invoicing.api.PackRef;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.List;

/**
 * The suspension rules terminated the account on {@code on}: provisioning removes its service, and the
 * subscription lifecycle may end its subscriptions. Paying later can still reinstate it unless the pack keeps
 * terminated accounts terminated.
 */
@Revision("1")
public record AccountTerminatedEvent(TenantId tenantId, AccountId accountId, LocalDate on, StandingFigures figures,
                                     List<String> rules, PackRef pack) {
    public AccountTerminatedEvent {
        rules = List.copyOf(rules);
    }
}
