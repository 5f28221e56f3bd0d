package org.ratebook.console.api;

import org.ratebook.console.security.ApiKeyAuthentication;
import org.ratebook.console.security.TenantPrincipal;
import org.ratebook.tenants.TenantId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The tenant of the current request and who is calling, from its credential. */
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

    /**
     * Who is calling, as recorded in events (author, approver, publisher): a console user by user name, an API
     * key by its label and prefix ({@code api key 'ci' (rb_AbCd)}). Never taken from the request body.
     */
    static String name() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ApiKeyAuthentication.ApiCaller caller) {
            return caller.name();
        }
        if (auth != null && auth.getPrincipal() instanceof TenantPrincipal && auth.getName() != null) {
            return auth.getName();
        }
        throw new IllegalStateException("no authenticated caller on an API request");
    }
}
