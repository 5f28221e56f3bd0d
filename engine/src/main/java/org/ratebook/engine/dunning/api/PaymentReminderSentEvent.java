package org.ratebook.engine.dunning.api;

import org.axonframework.serialization.Revision;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.invoicing.api.PackRef;
import org.ratebook.rules.fact.DunningState;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.List;

/**
 * A reminder of what is overdue goes to the customer: the account entered {@code state}, whose actions include
 * sending one (a first reminder, or a warning in a later state). Notification systems deliver it.
 */
@Revision("1")
public record PaymentReminderSentEvent(TenantId tenantId, AccountId accountId, DunningState state, LocalDate on,
                                       StandingFigures figures, List<String> rules, PackRef pack) {
    public PaymentReminderSentEvent {
        rules = List.copyOf(rules);
    }
}
