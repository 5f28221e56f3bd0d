package org.ratebook.engine.rulepack.api;

import org.ratebook.tenants.TenantId;

/** The identity of a tenant's rule pack (one per tenant; its versions are its history). */
public record RulePackId(TenantId tenantId) {
    @Override
    public String toString() {
        return "rule-pack:" + tenantId.value();
    }
}
