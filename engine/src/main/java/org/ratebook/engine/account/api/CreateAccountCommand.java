package org.ratebook.engine.account.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.tenants.TenantId;

import java.util.List;

/**
 * Open an account for a tenant's customer. {@code billCycleDay} null means "the day the first subscription
 * starts"; {@code tax} null means no tax details beyond country and tax id; {@code segment} null means no
 * customer segment.
 */
public record CreateAccountCommand(TenantId tenantId, @TargetAggregateIdentifier AccountId accountId, String name,
                                   String email, String currency, String country, String timeZone,
                                   Integer billCycleDay, List<String> addressLines, String taxId, TaxDetails tax,
                                   String segment) {

    public CreateAccountCommand(TenantId tenantId, AccountId accountId, String name, String email, String currency,
                                String country, String timeZone, Integer billCycleDay, List<String> addressLines,
                                String taxId, TaxDetails tax) {
        this(tenantId, accountId, name, email, currency, country, timeZone, billCycleDay, addressLines, taxId, tax,
                null);
    }

    public CreateAccountCommand(TenantId tenantId, AccountId accountId, String name, String email, String currency,
                                String country, String timeZone, Integer billCycleDay, List<String> addressLines,
                                String taxId) {
        this(tenantId, accountId, name, email, currency, country, timeZone, billCycleDay, addressLines, taxId, null);
    }
}
