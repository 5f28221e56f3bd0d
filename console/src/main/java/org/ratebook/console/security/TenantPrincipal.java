package org.ratebook.console.security;

import org.ratebook.tenants.TenantId;

/** Who is calling: always a tenant, taken from the credential (API key or console login), never from input. */
public interface TenantPrincipal {
    TenantId tenantId();
}
