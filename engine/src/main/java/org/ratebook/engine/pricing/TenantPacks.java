package org.ratebook.engine.pricing;

import org.ratebook.rules.pack.RulePack;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/** The rule pack a tenant's billing uses on a date. */
public interface TenantPacks {

    /** @throws org.ratebook.engine.BillingRejection if the tenant has no pack in effect that day */
    RulePack inEffect(TenantId tenant, LocalDate date);
}
