package org.ratebook.console.api;

import org.ratebook.console.security.TenantPrincipal;
import org.ratebook.tenants.TenantId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The tenant of the current request, from its credential. */
final class CurrentCaller {

    private CurrentCaller() {
    }

    static TenantId tenant() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof TenantPrincipal principal) {
            return principal.tenantId();
        }
        throw new IllegalStateException("no authenticated tenant on an API request");
    }
}
