package org.ratebook.engine.dunning.api;

import org.axonframework.serialization.Revision;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.invoicing.api.PackRef;
import org.ratebook.rules.fact.DunningState;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.List;

/**
 * Provisioning systems suspend the account's service from {@code on}. {@code billingPaused} says whether the
 * pack also holds back its invoices meanwhile (by default billing continues).
 */
@Revision("1")
public record AccountSuspendedEvent(TenantId tenantId, AccountId accountId, DunningState state, LocalDate on,
                                    boolean billingPaused, StandingFigures figures, List<String> rules,
                                    PackRef pack) {
    public AccountSuspendedEvent {
        rules = List.copyOf(rules);
    }
}
