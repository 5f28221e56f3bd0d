package org.ratebook.console.security;

import org.ratebook.tenants.TenantId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The tenant a console view or an API call works on, taken from the credential, never from input. Views ask
 * this bean instead of reading the principal themselves. For the operator it is the tenant he chose to work on,
 * kept in his session's security context ({@link OperatorTenantSwitch}), so he switches without signing out.
 */
@Component
public class CurrentTenant {

    /** The tenant of the signed-in user or API key; empty for an anonymous request or an operator on no tenant. */
    public Optional<TenantId> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof TenantPrincipal principal) {
            return Optional.ofNullable(principal.tenantId());
        }
        return Optional.empty();
    }

    /** The tenant, or an {@link IllegalStateException} where no tenant is signed in (a programming error). */
    public TenantId require() {
        return find().orElseThrow(() -> new IllegalStateException("no signed-in tenant"));
    }

    /** Whether the caller is the installation's operator. */
    public boolean isOperator() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof OperatorDetails;
    }
}
