package org.ratebook.engine.account.api;

import org.axonframework.serialization.Revision;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/**
 * An account's tax id and tax details were set (when it was opened, or later). Invoices issued from
 * {@code changedOn} on are taxed with them; invoices issued before keep what they were issued with.
 */
@Revision("1")
public record AccountTaxDetailsChangedEvent(TenantId tenantId, AccountId accountId, String taxId, String region,
                                            boolean business, boolean taxIdValid, boolean taxExempt,
                                            String exemptionReason, LocalDate changedOn) {

    public TaxDetails details() {
        return new TaxDetails(region, business, taxIdValid, taxExempt, exemptionReason);
    }
}
