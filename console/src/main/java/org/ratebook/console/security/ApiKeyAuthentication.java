package org.ratebook.console.security;

import org.ratebook.tenants.TenantId;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/** A request authenticated by a tenant's API key. The key itself is not kept. */
public class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiCaller caller;

    public ApiKeyAuthentication(TenantId tenant) {
        this(tenant, null);
    }

    /** {@code name}: who the key stands for, recorded as the author or approver of what it does. */
    public ApiKeyAuthentication(TenantId tenant, String name) {
        super(AuthorityUtils.createAuthorityList("ROLE_API"));
        this.caller = new ApiCaller(tenant, name == null ? "api key" : name);
        setAuthenticated(true);
    }

    /** The principal of an API call. */
    public record ApiCaller(TenantId tenantId, String name) implements TenantPrincipal {
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public ApiCaller getPrincipal() {
        return caller;
    }
}
