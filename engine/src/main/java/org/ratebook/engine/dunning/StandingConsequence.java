package org.ratebook.engine.dunning;

import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/**
 * What another capability does once an account's new standing is recorded (e.g. the subscription lifecycle
 * ending its subscriptions when the standing gains {@code END_SUBSCRIPTIONS}). Called after the change has
 * committed, outside the dunning aggregate, so it may send commands and bill; a failure is logged and does not
 * undo the standing.
 */
public interface StandingConsequence {

    void standingChanged(TenantId tenant, AccountId account, LocalDate day, StandingView before, StandingView after);
}
