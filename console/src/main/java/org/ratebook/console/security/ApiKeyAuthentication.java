package org.ratebook.console.security;

import org.ratebook.tenants.Scope;
import org.ratebook.tenants.TenantId;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import java.util.Set;

/** A request authenticated by an API key (a tenant's, or the operator's). The key itself is not kept. */
public class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiCaller caller;

    public ApiKeyAuthentication(TenantId tenant) {
        this(tenant, null);
    }

    /** {@code name}: who the key stands for, recorded as the author or approver of what it does. */
    public ApiKeyAuthentication(TenantId tenant, String name) {
        this(new ApiCaller(tenant, name == null ? "api key" : name, Scope.tenantScopes()));
    }

    public ApiKeyAuthentication(ApiCaller caller) {
        super(AuthorityUtils.createAuthorityList(caller.scopes().stream().map(s -> "SCOPE_" + s.label())
                .toArray(String[]::new)));
        this.caller = caller;
        setAuthenticated(true);
    }

    /** The principal of an API call; {@code tenantId} is null for the operator's key. */
    public record ApiCaller(TenantId tenantId, String name, Set<Scope> scopes) implements TenantPrincipal {
        public ApiCaller {
            scopes = Set.copyOf(scopes);
        }
    }

    @Override
    public String getName() {
        return caller.name();
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
