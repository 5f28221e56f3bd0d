package org.ratebook.engine.pricing;

import org.ratebook.rules.pack.RulePack;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.Optional;

/** The rule pack a tenant's billing uses on a date. */
public interface TenantPacks {

    /** @throws org.ratebook.engine.BillingRejection if the tenant has no pack in effect that day */
    RulePack inEffect(TenantId tenant, LocalDate date);

    /**
     * One version's content, whatever its state (e.g. the version a subscriber signed up under, for prices kept
     * after a rise); empty if the tenant has no such version or this source cannot say.
     */
    default Optional<RulePack> version(TenantId tenant, int version) {
        return Optional.empty();
    }
}
