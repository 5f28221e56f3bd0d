package org.ratebook.console.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.ratebook.console.security.ApiKeyAuthentication;
import org.ratebook.console.security.TenantPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who acts, as the audit log records it: an API key by label and prefix, a console user by name, or the
 * system (scheduler, event handlers), and from which client address. Taken from the credential and the
 * connection, never from input.
 */
public record Actor(String name, String kind, String clientAddress) {

    public static final String API_KEY = "API_KEY";
    public static final String USER = "USER";
    public static final String SYSTEM = "SYSTEM";

    public static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String address = connectionAddress();
        if (auth != null && auth.getPrincipal() instanceof ApiKeyAuthentication.ApiCaller caller) {
            return new Actor(caller.name(), API_KEY, address);
        }
        if (auth != null && auth.getPrincipal() instanceof TenantPrincipal && auth.getName() != null) {
            return new Actor(auth.getName(), USER, address);
        }
        return new Actor("system", SYSTEM, address);
    }

    /** The connection's address; a proxy's X-Forwarded-For is honoured only when Boot is told to trust it. */
    static String connectionAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
