package org.ratebook.console.security;

import org.ratebook.tenants.Role;
import org.ratebook.tenants.Scope;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The service-side check (the second of "route and service"): a console user needs the role, an API key the scope
 * that decision 017 maps to it. Services call it first, so a view or endpoint that forgot its annotation still
 * cannot reach them.
 */
public final class Access {

    private Access() {
    }

    /** Passes when the caller holds {@code role} (console) or {@code scope} (API key); else AccessDeniedException. */
    public static void require(Role role, Scope scope) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated()) {
            for (GrantedAuthority a : auth.getAuthorities()) {
                if (a.getAuthority().equals("ROLE_" + role.name()) || a.getAuthority().equals("SCOPE_" + scope.label())) {
                    return;
                }
            }
        }
        throw new AccessDeniedException("this needs the role " + role + " (or an API key with the scope '"
                + scope.label() + "')");
    }

    /** The name of who is calling: a console user's username, or the name of an API key's holder. */
    public static String callerName() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getName();
    }
}
